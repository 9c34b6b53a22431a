package io.mtcassistant.network;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtcassistant.cli.MtcAssistantCommand;
import io.mtcassistant.network.testsupport.Tinyproxy;
import io.mtcassistant.sim.SimulatedCluster;
import io.mtcassistant.sim.SimulatedKubeconfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tool's own way to a cluster behind a forward proxy, end to end through a real tinyproxy: the kubeconfig's
 * proxy-url carries every API request and the exec upgrade of {@code check-upgrade} (CONNECT tunnels), with and
 * without Basic authentication; a wrong proxy password fails without being shown.
 */
class TinyproxyIntegrationTest {

    private static final String PASSWORD = "T1ny-pass";

    @TempDir
    static Path dir;
    private static SimulatedCluster cluster;

    @BeforeAll
    static void start() {
        Tinyproxy.assumeInstalled();
        cluster = SimulatedCluster.builder().name("behind-proxy").openShift4("4.12.45").admin(true).start();
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = MtcAssistantCommand.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(exit, out.toString(), err.toString());
    }

    private static Path kubeconfigThrough(String proxyUrl, String name) throws Exception {
        Path file = new SimulatedKubeconfig().add("sim", cluster).write(dir.resolve(name));
        Files.writeString(file, Files.readString(file).replace("    server: ",
                "    proxy-url: \"" + proxyUrl + "\"\n    server: "));
        return file;
    }

    private static String apiHostPort() {
        return cluster.url().replace("https://", "");
    }

    @Test
    void withBasicAuthenticationApiRequestsAndExecUpgradesGoThroughTheProxy() throws Exception {
        try (Tinyproxy proxy = Tinyproxy.start("mtc", PASSWORD)) {
            Path kubeconfig = kubeconfigThrough(proxy.url("mtc", PASSWORD), "auth.kubeconfig");
            Run upgrade = run("check-upgrade", "--kubeconfig", kubeconfig.toString(), "--context", "sim");
            assertThat(upgrade.exit()).as(upgrade.out() + upgrade.err()).isZero();
            assertThat(upgrade.out()).contains("SPDY/3.1").contains("101 Switching Protocols")
                    .doesNotContain("FAIL");
            Run network = run("network", "--kubeconfig", kubeconfig.toString(), "--context", "sim");
            assertThat(network.exit()).as(network.out() + network.err()).isZero();
            assertThat(network.out()).contains("cluster-wide proxy");
            assertThat(proxy.connects()).isNotEmpty().allMatch(c -> c.startsWith("CONNECT " + apiHostPort() + " "));
            assertThat(proxy.connects().size()).as("API connections and the two exec upgrades").isGreaterThanOrEqualTo(3);

            Path wrong = kubeconfigThrough(proxy.url("mtc", "wr0ng-pass"), "wrong.kubeconfig");
            Run refused = run("check-upgrade", "--kubeconfig", wrong.toString(), "--context", "sim");
            assertThat(refused.exit()).isNotZero();
            assertThat(refused.out() + refused.err()).contains("sim: cannot connect")
                    .contains("The proxy in the kubeconfig's proxy-url did not accept its user name and password")
                    .contains("Check the user and password in proxy-url").doesNotContain("wr0ng-pass")
                    .doesNotContain(PASSWORD);
            for (Run r : new Run[] {upgrade, network}) {
                assertThat(r.out() + r.err()).doesNotContain(PASSWORD);
            }
        }
    }

    @Test
    void withoutAuthenticationTheSameWayWorks() throws Exception {
        try (Tinyproxy proxy = Tinyproxy.start(null, null)) {
            Path kubeconfig = kubeconfigThrough(proxy.url(null, null), "open.kubeconfig");
            Run upgrade = run("check-upgrade", "--kubeconfig", kubeconfig.toString(), "--context", "sim");
            assertThat(upgrade.exit()).as(upgrade.out() + upgrade.err()).isZero();
            assertThat(upgrade.out()).contains("101 Switching Protocols").doesNotContain("FAIL");
            assertThat(proxy.connects()).isNotEmpty().allMatch(c -> c.startsWith("CONNECT " + apiHostPort() + " "));
        }
    }
}
