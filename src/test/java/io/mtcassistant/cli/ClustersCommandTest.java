package io.mtcassistant.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mtcassistant.sim.SimulatedCluster;
import io.mtcassistant.sim.SimulatedFailure;
import io.mtcassistant.sim.SimulatedKubeconfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClustersCommandTest {

    private static SimulatedCluster openShift3;
    private static SimulatedCluster openShift4;
    private static SimulatedCluster unreachable;

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void startClusters() {
        openShift3 = SimulatedCluster.builder().name("three").openShift3("3.11.784").start();
        openShift4 = SimulatedCluster.builder().name("four").openShift4("4.12.45").admin(false).userName("developer")
                .start();
        unreachable = SimulatedCluster.builder().name("gone").failure(SimulatedFailure.UNREACHABLE).start();
    }

    @AfterAll
    static void stopClusters() {
        openShift3.close();
        openShift4.close();
        unreachable.close();
    }

    private int run(String... args) {
        return MtcAssistantCommand.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    private Path kubeconfig() throws Exception {
        return new SimulatedKubeconfig().add("three", openShift3).add("four", openShift4).add("gone", unreachable)
                .write(dir.resolve("kubeconfig"));
    }

    @Test
    void jsonOutputParsesAndCarriesTheFacts() throws Exception {
        int exit = run("clusters", "--kubeconfig", kubeconfig().toString(), "--context", "three", "four",
                "--output", "json");
        assertThat(exit).as(err.toString()).isEqualTo(0);
        JsonNode root = new ObjectMapper().readTree(out.toString());
        assertThat(root.get("allConnected").asBoolean()).isTrue();
        JsonNode three = root.get("clusters").get(0);
        assertThat(three.get("context").asText()).isEqualTo("three");
        assertThat(three.get("openshiftVersion").asText()).isEqualTo("3.11.784");
        assertThat(three.get("platform").asText()).isEqualTo("LEGACY");
        assertThat(three.get("clusterAdmin").asBoolean()).isTrue();
        JsonNode four = root.get("clusters").get(1);
        assertThat(four.get("openshiftVersion").asText()).isEqualTo("4.12.45");
        assertThat(four.get("user").asText()).isEqualTo("developer");
        assertThat(four.get("clusterAdmin").asBoolean()).isFalse();
        assertThat(four.get("file").asText()).isEqualTo(dir.resolve("kubeconfig").toString());
    }

    @Test
    void exitOneWhenAContextFailsAndTheTableSaysWhy() throws Exception {
        int exit = run("clusters", "--kubeconfig", kubeconfig().toString(), "--timeout", "5");
        assertThat(exit).isEqualTo(1);
        assertThat(out.toString())
                .contains("CONTEXT", "three", "3.11.784", "legacy", "4.12.45", "modern")
                .contains("FAILED: unreachable")
                .contains("gone failed (unreachable): Nothing answered at " + unreachable.url())
                .contains("Next step: Check that the cluster is running");
    }

    @Test
    void jsonOutputForAFailure() throws Exception {
        int exit = run("clusters", "--kubeconfig", kubeconfig().toString(), "--context", "gone", "-o", "json");
        assertThat(exit).isEqualTo(1);
        JsonNode gone = new ObjectMapper().readTree(out.toString()).get("clusters").get(0);
        assertThat(gone.get("connected").asBoolean()).isFalse();
        assertThat(gone.get("failure").get("kind").asText()).isEqualTo("UNREACHABLE");
    }

    @Test
    void missingFileIsBadInputNamingTheFile() {
        Path missing = dir.resolve("missing.yaml");
        int exit = run("clusters", "--kubeconfig", missing.toString());
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString().strip()).isEqualTo("mtc-assistant: " + missing + ": file not found");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void malformedYamlIsBadInputNamingFileAndLine() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.yaml"), "clusters:\n- name: a\n  cluster: {server: [\n");
        int exit = run("clusters", "--kubeconfig", bad.toString());
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString().strip()).matches("mtc-assistant: " + java.util.regex.Pattern.quote(bad.toString())
                + ":\\d+: malformed YAML: .*").doesNotContain("\n");
    }

    @Test
    void unknownContextIsBadInput() throws Exception {
        int exit = run("clusters", "--kubeconfig", kubeconfig().toString(), "--context", "nope");
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString().strip()).contains("unknown context 'nope'").contains("three, four, gone")
                .doesNotContain("\n");
    }

    @Test
    void severalFilesInOneColonList() throws Exception {
        Path a = new SimulatedKubeconfig().add("three", openShift3).write(dir.resolve("a.yaml"));
        Path b = new SimulatedKubeconfig().add("four", openShift4).write(dir.resolve("b.yaml"));
        int exit = run("clusters", "--kubeconfig", a + ":" + b, "-o", "json");
        assertThat(exit).as(err.toString()).isEqualTo(0);
        JsonNode clusters = new ObjectMapper().readTree(out.toString()).get("clusters");
        assertThat(clusters.get(0).get("file").asText()).isEqualTo(a.toString());
        assertThat(clusters.get(1).get("file").asText()).isEqualTo(b.toString());
    }
}
