package io.mtcassistant.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.mtcassistant.sim.SimulatedCluster;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The simulated API goes away and comes back: the watcher shows stale data with its age, then live, nothing lost. */
class MigrationWatcherOutageTest {

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static SimulatedCluster cluster;
    private static KubernetesClient admin;

    @BeforeAll
    static void startCluster() {
        cluster = SimulatedCluster.builder().name("sim-control").start();
        MigResources.WATCHED.forEach(cluster::registerResource);
        admin = cluster.client();
    }

    @AfterAll
    static void stopCluster() {
        if (admin != null) {
            admin.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void staleWhileTheApiIsGoneThenLiveWithEverythingThatChangedMeanwhile() throws Exception {
        admin.genericKubernetesResources(MigResources.MIG_PLAN).inNamespace(MigResources.NAMESPACE)
                .resource(MigTestObjects.readyPlan("shop")).create();
        admin.genericKubernetesResources(MigResources.MIG_MIGRATION).inNamespace(MigResources.NAMESPACE)
                .resource(MigTestObjects.runningCutover("cutover-1", "shop", 45)).create();

        int apiPort = URI.create(cluster.url()).getPort();
        AtomicReference<MonitorUpdate> latest = new AtomicReference<>();
        try (CuttableTcpProxy proxy = new CuttableTcpProxy(apiPort);
                KubernetesClient throughProxy = new KubernetesClientBuilder().withConfig(viaProxy(proxy)).build();
                MigrationWatcher watcher = new MigrationWatcher(throughProxy, MigResources.NAMESPACE,
                        Clock.systemUTC(), Duration.ofMillis(100), Duration.ofMillis(300), latest::set).start()) {

            Eventually.until(PATIENCE, "live with cutover-1", () -> latest.get() != null && latest.get().status().kind() == FeedStatus.Kind.LIVE
                    && latest.get().snapshot().migration("cutover-1").isPresent(), () -> latest.get() == null ? "no update"
                    : latest.get().status() + " " + latest.get().snapshot().allMigrations().size());
            MigrationView running = latest.get().snapshot().migration("cutover-1").orElseThrow();
            assertThat(running.state()).isEqualTo(MigrationState.RUNNING);
            assertThat(running.volumes()).singleElement().satisfies(v -> assertThat(v.percent()).isEqualTo(45.0));

            proxy.cut();
            Eventually.until(PATIENCE, "stale", () -> latest.get().status().stale());
            MonitorUpdate stale = latest.get();
            assertThat(stale.status().staleSince()).isNotNull();
            assertThat(stale.status().describe(java.time.Instant.now())).startsWith("Stale for");
            // the last good data stays
            assertThat(stale.snapshot().migration("cutover-1")).isPresent();

            // meanwhile on the cluster: the cutover finishes and a stage starts
            admin.genericKubernetesResources(MigResources.MIG_MIGRATION).inNamespace(MigResources.NAMESPACE)
                    .resource(MigTestObjects.succeededCutover("cutover-1", "shop")).update();
            admin.genericKubernetesResources(MigResources.MIG_MIGRATION).inNamespace(MigResources.NAMESPACE)
                    .resource(MigTestObjects.stage("stage-2", "shop")).create();
            Eventually.until(PATIENCE, "a failed attempt", () -> latest.get().status().attempts() > 0);
            assertThat(latest.get().status().nextRetryIn()).isPositive();

            proxy.restore();
            Eventually.until(PATIENCE, "live again with both migrations", () -> latest.get().status().kind() == FeedStatus.Kind.LIVE
                    && latest.get().snapshot().migration("stage-2").isPresent()
                    && latest.get().snapshot().migration("cutover-1").orElseThrow().state() == MigrationState.SUCCEEDED);
            assertThat(latest.get().status().staleSince()).isNull();
            assertThat(latest.get().snapshot().plan("shop").orElseThrow().migrations()).hasSize(2);
        }
    }

    private static Config viaProxy(CuttableTcpProxy proxy) {
        Config direct = admin.getConfiguration();
        return new ConfigBuilder(direct).withMasterUrl("https://127.0.0.1:" + proxy.port())
                .withWatchReconnectInterval(200).withRequestTimeout(5000).withConnectionTimeout(3000).build();
    }
}
