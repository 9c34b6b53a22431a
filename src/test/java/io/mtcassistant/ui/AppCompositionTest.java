package io.mtcassistant.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mtcassistant.sim.SimulatedEnvironment;
import io.mtcassistant.ui.task.BackgroundTask;
import io.mtcassistant.ui.task.Progress;
import io.mtcassistant.ui.task.SyncTaskRunner;
import io.mtcassistant.ui.task.TaskHandle;
import io.mtcassistant.ui.task.TaskRunner;
import io.mtcassistant.ui.testsupport.FakeConnector;
import io.mtcassistant.ui.testsupport.FakeDialogs;
import io.mtcassistant.ui.testsupport.FakeKubeconfigLoader;
import io.mtcassistant.ui.testsupport.TestCompositions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.junit.jupiter.api.Test;

/** The composition root without a window: what start() and close() do in normal and demo mode. */
class AppCompositionTest {

    private final FakeKubeconfigLoader loader = new FakeKubeconfigLoader();

    @Test
    void demoModeLoadsTheSimulationsKubeconfigAndDeletesItOnClose() {
        FakeDemoClusters demo = new FakeDemoClusters(null);
        AppComposition app = TestCompositions.withFakes(loader, new FakeConnector(), List.of(), new FakeDialogs(),
                SyncTaskRunner::new, true, () -> demo);

        app.start();

        Path kubeconfig = app.clusters().files().get(0);
        assertThat(kubeconfig.getFileName().toString()).isEqualTo("demo.kubeconfig");
        assertThat(app.clusters().contexts()).extracting(r -> r.name()).containsExactly("sim-source", "sim-target");
        assertThat(app.clusters().remembersFiles()).isFalse();
        assertThat(app.windowTitle()).contains("DEMO");

        app.close();
        assertThat(demo.closed).isTrue();
        assertThat(kubeconfig.getParent()).doesNotExist();
    }

    @Test
    void theDemoNeedsNoSetupRolesAreSetAndItConnectsOnceTheSimulationIsReady() {
        FakeDemoClusters demo = new FakeDemoClusters(null);
        FakeConnector connector = new FakeConnector().succeeds("sim-source", "3.11.784", true).succeeds("sim-target", "4.12.45", true);
        AppComposition app = TestCompositions.withFakes(loader, connector, List.of(), new FakeDialogs(), SyncTaskRunner::new, true,
                () -> demo);
        List<String> shown = new ArrayList<>();
        app.clusters().statusProperty().addListener((obs, old, now) -> shown.add(now));
        app.start();
        // Issue 16, point 3: while the simulation starts, the page says which part is ready; then it connects.
        assertThat(shown).startsWith("Starting the simulated clusters: 0 of 3 ready…",
                "Starting the simulated clusters: mirror registry ready (1 of 3)…",
                "Starting the simulated clusters: sim-target ready (2 of 3)…",
                "Starting the simulated clusters: sim-source ready (3 of 3)…");
        assertThat(app.clusters().statusProperty().get()).doesNotContain("Starting");
        assertThat(app.clusters().row(io.mtcassistant.cluster.ClusterRole.SOURCE)).map(r -> r.name()).contains("sim-source");
        assertThat(app.clusters().row(io.mtcassistant.cluster.ClusterRole.TARGET)).map(r -> r.name()).contains("sim-target");
        assertThat(connector.calls).extracting(FakeConnector.Call::context).containsExactlyInAnyOrder("sim-source", "sim-target");
        assertThat(app.clusters().stepStateProperty().get()).isEqualTo(io.mtcassistant.ui.wizard.StepState.DONE);

        // SIGTERM skips close(): the shutdown hook deletes the folder on its own.
        Thread hook = app.demoCleanupHook();
        assertThat(hook).isNotNull();
        hook.run();
        assertThat(demo.directory).doesNotExist();
        app.close();
        assertThat(Runtime.getRuntime().removeShutdownHook(hook)).as("close() already took the hook away").isFalse();
    }

    @Test
    void theDemoConnectTimeoutFollowsHowLongTheSimulationTookToStart() {
        AppComposition app = TestCompositions.withFakes(loader, new FakeConnector(), List.of(), new FakeDialogs(), SyncTaskRunner::new,
                true, () -> null);
        java.time.Duration base = java.time.Duration.ofSeconds(5); // the test compositions' connect timeout
        assertThat(app.demoConnectTimeout(java.time.Duration.ofSeconds(1))).isEqualTo(base);
        assertThat(app.demoConnectTimeout(java.time.Duration.ofSeconds(20))).isEqualTo(java.time.Duration.ofSeconds(60));
        assertThat(app.demoConnectTimeout(java.time.Duration.ofMinutes(5))).isEqualTo(java.time.Duration.ofMinutes(2));
        app.close();
    }

    @Test
    void closingWhileTheSimulationStartsStillStopsItAndRemovesItsFolder() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        FakeDemoClusters demo = new FakeDemoClusters(release);
        CapturingRunner runner = new CapturingRunner();
        AppComposition app = TestCompositions.withFakes(loader, new FakeConnector(), List.of(), new FakeDialogs(),
                log -> runner, true, () -> demo);
        app.start();
        CompletableFuture<Object> work = CompletableFuture.supplyAsync(() -> {
            try {
                return runner.task.work().call(Progress.NONE);
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        assertThat(demo.started.await(10, TimeUnit.SECONDS)).isTrue();

        app.close();
        release.countDown();

        assertThatThrownBy(() -> work.get(10, TimeUnit.SECONDS)).hasRootCauseInstanceOf(CancellationException.class);
        assertThat(demo.closedAfterStart).as("the clusters that finished starting after close() are stopped").isTrue();
        assertThat(demo.directory).doesNotExist();
    }

    @Test
    void normalModeOffersTheUsualKubeconfigLocations() throws Exception {
        Path config = Files.createTempFile("kubeconfig", ".yaml");
        try {
            loader.file(config, "prod");
            AppComposition app = TestCompositions.withFakes(loader, new FakeConnector(), List.of(config), new FakeDialogs(),
                    SyncTaskRunner::new, false, () -> {
                        throw new AssertionError("no simulation outside demo mode");
                    });

            app.start();

            assertThat(app.clusters().files()).containsExactly(config.toAbsolutePath().normalize());
            assertThat(app.windowTitle()).isEqualTo("MTC Assistant");
        } finally {
            Files.deleteIfExists(config);
        }
    }

    @Test
    void newPlanAndEditUseTheControlClusterStepTwoChoseNotTheTarget() throws Exception {
        Path config = Files.createTempFile("kubeconfig", ".yaml");
        var clients = new java.util.HashMap<String, io.fabric8.kubernetes.client.KubernetesClient>();
        FakeConnector connector = new FakeConnector();
        for (String context : List.of("ocp3", "ocp4", "hub")) {
            // a client that is never used to connect: only which one the plans flow gets is checked
            var client = new io.fabric8.kubernetes.client.KubernetesClientBuilder().withConfig(
                    new io.fabric8.kubernetes.client.ConfigBuilder().withMasterUrl("https://127.0.0.1:1").build())
                    .build();
            clients.put(context, client);
            connector.answers(context, (entry, options) -> new io.mtcassistant.cluster.ConnectionOutcome.Connected(
                    entry, new ClientSession(entry, FakeConnector.facts(entry, context.equals("ocp3") ? "3.11.784"
                            : "4.14.2", true), client)));
        }
        FakeDialogs dialogs = new FakeDialogs();
        dialogs.kubeconfigChoices.add(List.of(config));
        loader.file(config, "ocp3", "ocp4", "hub");
        AppComposition app = TestCompositions.withFakes(loader, connector, List.of(), dialogs, SyncTaskRunner::new,
                false, () -> null);
        try {
            app.clusters().addFiles();
            for (var role : java.util.Map.of("ocp3", io.mtcassistant.cluster.ClusterRole.SOURCE, "ocp4",
                    io.mtcassistant.cluster.ClusterRole.TARGET, "hub", io.mtcassistant.cluster.ClusterRole.REMOTE)
                    .entrySet()) {
                app.clusters().assignRole(app.clusters().contexts().stream().filter(r -> r.name().equals(role.getKey()))
                        .findFirst().orElseThrow(), role.getValue());
            }
            app.clusters().connect();
            assertThat(app.planService().orElseThrow().cluster()).as("no decision yet: the target").isEqualTo("ocp4");

            var plan = new io.mtcassistant.compat.MigrationPlan(io.mtcassistant.compat.MtcVersion.of("1.8"), "hub",
                    io.mtcassistant.compat.NetworkWorkaround.NONE, List.of(), List.of());
            app.migrationPlan().publish(new io.mtcassistant.compat.CompatibilityReport("2026-12-03T00:00:00Z", "test",
                    io.mtcassistant.compat.Verdict.READY, "ready", List.of(),
                    io.mtcassistant.compat.MigrationDecisions.none(), plan));

            var service = app.planService().orElseThrow();
            assertThat(service.cluster()).isEqualTo("hub");
            assertThat(service.controlClient()).isSameAs(clients.get("hub"));
        } finally {
            app.close();
            clients.values().forEach(io.fabric8.kubernetes.client.KubernetesClient::close);
            Files.deleteIfExists(config);
        }
    }

    /** A connected session with a client that is never asked anything. */
    private record ClientSession(io.mtcassistant.cluster.ContextEntry context,
            io.mtcassistant.cluster.ClusterFacts facts, io.fabric8.kubernetes.client.KubernetesClient client)
            implements io.mtcassistant.cluster.ClusterSession {
        @Override
        public void close() {
        }
    }

    /** Writes a kubeconfig file the fake loader knows; optionally waits in start() until released. */
    private final class FakeDemoClusters implements DemoClusters {
        private final CountDownLatch release;
        final CountDownLatch started = new CountDownLatch(1);
        volatile boolean closed;
        volatile boolean startFinished;
        volatile boolean closedAfterStart;
        volatile Path directory;

        FakeDemoClusters(CountDownLatch release) {
            this.release = release;
        }

        @Override
        public Path start(Path dir, SimulatedEnvironment.StartListener listener) throws Exception {
            directory = dir;
            SimulatedEnvironment.PARTS.forEach(listener::ready);
            Path file = Files.writeString(dir.resolve("demo.kubeconfig"), "fake");
            loader.file(file, "sim-source", "sim-target");
            started.countDown();
            if (release != null) {
                assertThat(release.await(10, TimeUnit.SECONDS)).isTrue();
            }
            startFinished = true;
            return file;
        }

        @Override
        public void close() {
            closed = true;
            closedAfterStart |= startFinished;
        }
    }

    /** Keeps the task instead of running it, so the test decides on which thread and when. */
    private static final class CapturingRunner implements TaskRunner {
        BackgroundTask<?> task;

        @Override
        public <T> TaskHandle run(BackgroundTask<T> spec) {
            task = spec;
            return new TaskHandle() {
                @Override
                public void cancel() {
                }

                @Override
                public boolean isDone() {
                    return false;
                }
            };
        }

        @Override
        public ReadOnlyBooleanProperty busyProperty() {
            return new ReadOnlyBooleanWrapper(false).getReadOnlyProperty();
        }

        @Override
        public ReadOnlyStringProperty statusProperty() {
            return new ReadOnlyStringWrapper("").getReadOnlyProperty();
        }

        @Override
        public ReadOnlyDoubleProperty progressProperty() {
            return new ReadOnlyDoubleWrapper(-1).getReadOnlyProperty();
        }

        @Override
        public void cancelAll() {
        }
    }
}
