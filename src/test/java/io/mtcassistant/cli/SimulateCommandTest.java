package io.mtcassistant.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulateCommandTest {

    @TempDir
    Path dir;

    @Test
    void simulateServesBothClustersUntilInterrupted() throws Exception {
        Path kubeconfig = dir.resolve("sim-kubeconfig");
        StringWriter simulateOut = new StringWriter();
        StringWriter simulateErr = new StringWriter();
        AtomicInteger simulateExit = new AtomicInteger(-100);
        Thread simulate = new Thread(() -> simulateExit.set(MtcAssistantCommand.run(
                new String[] {"simulate", "--write-kubeconfig", kubeconfig.toString()},
                new PrintWriter(simulateOut, true), new PrintWriter(simulateErr, true))), "simulate-under-test");
        simulate.start();
        try {
            Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
            while (!simulateOut.toString().contains("Simulated mirror registry") && simulate.isAlive()
                    && Instant.now().isBefore(deadline)) {
                Thread.sleep(50);
            }
            assertThat(simulateOut.toString()).as(simulateErr.toString()).startsWith(SimulateCommand.READY)
                    .contains("sim-source (OpenShift 3.11.784)", "sim-target (OpenShift 4.12.45)");
            assertThat(simulateOut.toString().lines().count()).as("the ready line and the mirror registry's").isEqualTo(2);
            assertThat(kubeconfig).exists();

            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int exit = MtcAssistantCommand.run(new String[] {"clusters", "--kubeconfig", kubeconfig.toString(),
                "--output", "json"}, new PrintWriter(out, true), new PrintWriter(err, true));
            assertThat(exit).as(err + "\n" + out).isZero();
            JsonNode clusters = new ObjectMapper().readTree(out.toString()).get("clusters");
            assertThat(clusters).hasSize(2);
            assertThat(clusters.get(0).get("context").asText()).isEqualTo("sim-source");
            assertThat(clusters.get(0).get("openshiftVersion").asText()).isEqualTo("3.11.784");
            assertThat(clusters.get(1).get("context").asText()).isEqualTo("sim-target");
            assertThat(clusters.get(1).get("openshiftVersion").asText()).isEqualTo("4.12.45");
        } finally {
            simulate.interrupt();
            simulate.join(Duration.ofSeconds(30).toMillis());
        }
        assertThat(simulate.isAlive()).isFalse();
        assertThat(simulateExit.get()).isZero();
        assertThat(simulateOut.toString()).contains("Simulated clusters stopped.");
    }

    @Test
    void theDemoContentsWorkFolderIsGoneOnceMirroredAndNothingStaysInTheTempDir() throws Exception {
        Path kubeconfig = dir.resolve("demo-kubeconfig");
        Path temp = java.nio.file.Files.createDirectories(dir.resolve("temp"));
        java.nio.file.attribute.FileTime untouched = java.nio.file.Files.getLastModifiedTime(temp);
        StringWriter simulateOut = new StringWriter();
        StringWriter simulateErr = new StringWriter();
        AtomicInteger simulateExit = new AtomicInteger(-100);
        Thread simulate = new Thread(() -> simulateExit.set(MtcAssistantCommand.run(new String[] {"simulate",
            "--write-kubeconfig", kubeconfig.toString(), "--mirror-demo-content", dir.resolve("results").toString(),
            "--temp-dir", temp.toString()}, new PrintWriter(simulateOut, true), new PrintWriter(simulateErr, true))),
                "simulate-demo-content");
        simulate.start();
        try {
            Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
            while (!simulateOut.toString().contains(SimulateCommand.DEMO_MIRRORED) && simulate.isAlive()
                    && Instant.now().isBefore(deadline)) {
                Thread.sleep(100);
            }
            assertThat(simulateOut.toString()).as(simulateErr.toString()).contains(SimulateCommand.DEMO_MIRRORED);
            assertThat(dir.resolve("results").resolve("mapping.txt")).exists();
            // the work folder was made in --temp-dir (its modification time moved) and is gone already
            assertThat(java.nio.file.Files.getLastModifiedTime(temp)).isNotEqualTo(untouched);
            assertThat(temp).isEmptyDirectory();
        } finally {
            simulate.interrupt();
            simulate.join(Duration.ofSeconds(30).toMillis());
        }
        assertThat(simulateExit.get()).isZero();
        assertThat(temp).isEmptyDirectory();
    }

    @Test
    void aTempDirThatDoesNotExistIsBadInput() {
        StringWriter err = new StringWriter();
        Path missing = dir.resolve("no-such-temp");
        int exit = MtcAssistantCommand.run(new String[] {"simulate", "--write-kubeconfig", dir.resolve("k").toString(),
            "--mirror-demo-content", dir.resolve("r").toString(), "--temp-dir", missing.toString()},
                new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--temp-dir " + missing + ": the folder does not exist");
    }

    @Test
    void missingFolderIsBadInput() {
        StringWriter err = new StringWriter();
        Path file = dir.resolve("no/such/folder/kubeconfig");
        int exit = MtcAssistantCommand.run(new String[] {"simulate", "--write-kubeconfig", file.toString()},
                new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString().strip()).isEqualTo("mtc-assistant: " + file + ": the folder does not exist");
    }
}
