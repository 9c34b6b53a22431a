package io.mtcassistant.network;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.mtcassistant.mirror.testsupport.Squid;
import io.mtcassistant.network.testsupport.Nginx;
import io.mtcassistant.sim.SimulatedCluster;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The exec upgrade check against a simulated cluster: direct, through real nginx and squid. */
class UpgradeCheckIntegrationTest {

    private static SimulatedCluster cluster;
    private static KubernetesClient client;
    private static Pod pod;

    @BeforeAll
    static void start() {
        cluster = SimulatedCluster.builder().name("upgrade-test").openShift4("4.12.45").admin(true).start();
        client = cluster.client();
        pod = UpgradeCheck.findPod(client);
    }

    @AfterAll
    static void stop() {
        client.close();
        cluster.close();
    }

    private static List<UpgradeResult> check(Config config) {
        return new UpgradeCheck(config, Map.of(), Duration.ofSeconds(60)).run(pod.getMetadata().getNamespace(),
                pod.getMetadata().getName());
    }

    @Test
    void theSimulatedClusterSwitchesProtocolsForBothUpgrades() {
        assertThat(pod).isNotNull();
        List<UpgradeResult> results = check(client.getConfiguration());
        assertThat(results).extracting(UpgradeResult::protocol).containsExactly(UpgradeProtocol.SPDY, UpgradeProtocol.WEBSOCKET);
        assertThat(results).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(101);
            assertThat(r.passed()).isTrue();
            assertThat(r.path()).isEqualTo("direct");
        });
    }

    @Test
    void anUnknownTokenIsRefusedNotUpgraded() {
        Config config = new ConfigBuilder(client.getConfiguration()).withOauthToken("not-a-user").build();
        assertThat(check(config)).allSatisfy(r -> assertThat(r.status()).isEqualTo(401));
    }

    @Test
    void nginxWithoutTheUpgradeHeadersReproducesUpgradeRequestRequired() throws Exception {
        try (Nginx nginx = Nginx.start(cluster.url(), false)) {
            Config config = new ConfigBuilder(client.getConfiguration()).withMasterUrl(nginx.url()).build();
            List<UpgradeResult> results = check(config);
            assertThat(results).allSatisfy(r -> {
                assertThat(r.passed()).isFalse();
                assertThat(r.status()).isEqualTo(400);
                assertThat(r.message()).startsWith("Upgrade request required: something between the workstation and "
                        + nginx.url() + " does not pass the Upgrade header or SPDY");
                assertThat(r.fix()).contains("proxy_set_header Upgrade").contains("control cluster");
            });
        }
    }

    @Test
    void nginxThatPassesTheUpgradeHeadersPasses() throws Exception {
        try (Nginx nginx = Nginx.start(cluster.url(), true)) {
            Config config = new ConfigBuilder(client.getConfiguration()).withMasterUrl(nginx.url()).build();
            assertThat(check(config)).allSatisfy(r -> assertThat(r.status()).isEqualTo(101));
        }
    }

    @Test
    void throughSquidWithBasicAuthenticationAsTheKubeconfigProxyUrl() throws Exception {
        try (Squid squid = Squid.start("mtc", "pr0xy-pass")) {
            Config config = new ConfigBuilder(client.getConfiguration()).withHttpsProxy(squid.url("mtc", "pr0xy-pass"))
                    .build();
            List<UpgradeResult> results = check(config);
            assertThat(results).allSatisfy(r -> {
                assertThat(r.status()).isEqualTo(101);
                assertThat(r.path()).isEqualTo("through the proxy http://mtc:****@127.0.0.1:" + squid.url(null, null)
                        .replaceAll(".*:", ""));
            });
            Config wrong = new ConfigBuilder(client.getConfiguration()).withHttpsProxy(squid.url("mtc", "wrong"))
                    .build();
            assertThat(check(wrong)).allSatisfy(r -> {
                assertThat(r.passed()).isFalse();
                assertThat(r.statusLine()).contains("407").doesNotContain("wrong");
            });
        }
    }

    @Test
    void httpsProxyFromTheEnvironmentUnlessNoProxyExemptsTheHost() {
        Config config = client.getConfiguration();
        java.net.URI remote = java.net.URI.create("https://api.cluster.corp:6443");
        UpgradeCheck viaEnv = new UpgradeCheck(config, Map.of("https_proxy", "http://u:p@proxy.corp:3128"),
                Duration.ofSeconds(60));
        assertThat(viaEnv.proxyFor(remote)).hasToString("http://u:****@proxy.corp:3128");
        UpgradeCheck exempt = new UpgradeCheck(config, Map.of("HTTPS_PROXY", "http://proxy.corp:3128",
                "NO_PROXY", ".corp"), Duration.ofSeconds(60));
        assertThat(exempt.proxyFor(remote)).isNull();
        // like Go's net/http (kubectl, the controller): a loopback API server is never reached through a proxy
        UpgradeCheck loopback = new UpgradeCheck(config, Map.of("HTTPS_PROXY", "http://127.0.0.1:1"), Duration.ofSeconds(60));
        assertThat(loopback.run(UpgradeProtocol.SPDY, pod.getMetadata().getNamespace(), pod.getMetadata().getName())
                .path()).isEqualTo("direct");
    }
}
