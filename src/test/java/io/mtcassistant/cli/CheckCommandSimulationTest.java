package io.mtcassistant.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mtcassistant.compat.ReportJson;
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
 * `mtc-assistant check` end to end: kubeconfig file, the real connector, simulated clusters (fabric8 mock server on
 * 127.0.0.1; a simulation): OpenShift 3.11 source, OpenShift 4.12 target.
 */
class CheckCommandSimulationTest {

    @TempDir
    static Path dir;
    private static SimulatedCluster ocp3;
    private static SimulatedCluster ocp4;
    private static Path kubeconfig;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void start() throws Exception {
        ocp3 = SimulatedCluster.builder().name("onprem").openShift3("3.11.784").start();
        ocp4 = SimulatedCluster.builder().name("cloud").openShift4("4.12.45").start();
        kubeconfig = dir.resolve("kubeconfig");
        new SimulatedKubeconfig().add("onprem", ocp3).add("cloud", ocp4).currentContext("onprem").write(kubeconfig);
    }

    @AfterAll
    static void stop() {
        if (ocp3 != null) {
            ocp3.close();
        }
        if (ocp4 != null) {
            ocp4.close();
        }
    }

    private int run(String... args) {
        String[] full = new String[args.length + 5];
        full[0] = "check";
        full[1] = "--kubeconfig";
        full[2] = kubeconfig.toString();
        full[3] = "--source";
        full[4] = "onprem";
        System.arraycopy(args, 0, full, 5, args.length);
        return MtcAssistantCommand.run(full, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void conflictNeedsADecisionExitOneAsJson() throws Exception {
        int exit = run("--target", "cloud", "--output", "json");
        assertThat(exit).as(err.toString()).isEqualTo(ExitCodes.FAILED);
        JsonNode report = ReportJson.mapper().readTree(out.toString());
        assertThat(report.get("verdict").asText()).isEqualTo("NEEDS_DECISION");
        assertThat(report.get("checks").get(0).get("decision").get("topic").asText()).isEqualTo("MTC_VERSION");
        assertThat(report.get("plan").get("controlCluster").asText()).isEqualTo("cloud");
        assertThat(out.toString()).doesNotContain(ocp3.user().token()).doesNotContain(ocp4.user().token());
    }

    @Test
    void decisionsOnTheCommandLineReachExitZeroAsMarkdown() {
        int exit = run("--target", "cloud", "--output", "markdown", "--mtc-version", "1.7",
                "--remote-reaches-control", "yes");
        assertThat(exit).as(out + "\n" + err).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).startsWith("# MTC compatibility report")
                .contains("**Verdict: Ready, with warnings**")
                .contains("- MTC version on every cluster: 1.7.z")
                .contains("| `onprem` | source | 3.11 | ocp-3.11 | MTC 1.7, legacy operator from operator.yml | no |")
                .contains("| `cloud` | target | 4.12 | ocp-4.10+ | MTC 1.7, OLM, channel release-v1.7 | yes |");
    }

    @Test
    void tunnelApiChoiceAsTableToAFile() throws Exception {
        Path file = dir.resolve("report.txt");
        int exit = run("--target", "cloud", "--mtc-version", "1.7", "--remote-reaches-control", "onprem=no",
                "--tunnel-api", "--report-file", file.toString());
        assertThat(exit).as(err.toString()).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).isEmpty();
        assertThat(Files.readString(file)).startsWith("Verdict: Ready, with warnings")
                .contains("crane tunnel-api --source-context onprem --destination-context cloud");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    @Test
    void legacyClusterCannotBeChosenAsControlWithoutTheEdgeCase() {
        int exit = run("--target", "cloud", "--mtc-version", "1.7", "--control-cluster", "onprem");
        assertThat(exit).isEqualTo(ExitCodes.FAILED);
        assertThat(out.toString()).contains("[blocking] Control cluster").contains("This cluster cannot be the control cluster.");
    }

    @Test
    void unreachableClusterBlocks() throws Exception {
        SimulatedCluster down = SimulatedCluster.builder().name("down")
                .failure(io.mtcassistant.sim.SimulatedFailure.UNREACHABLE).start();
        try {
            Path file = new SimulatedKubeconfig().add("down", down).write(dir.resolve("with-down.kubeconfig"));
            int exit = MtcAssistantCommand.run(new String[] {"check", "--kubeconfig", kubeconfig + ":" + file, "--source",
                "onprem", "--target", "down", "--timeout", "3"}, new PrintWriter(out, true), new PrintWriter(err, true));
            assertThat(exit).isEqualTo(ExitCodes.FAILED);
            assertThat(out.toString()).contains("Verdict: Blocked").contains("[blocking] Workstation reaches the API (down)");
        } finally {
            down.close();
        }
    }
}
