package io.mtcassistant.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mtcassistant.sim.SimulatedEnvironment;
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
            while (!simulateOut.toString().contains(SimulateCommand.S3_READY) && simulate.isAlive()
                    && Instant.now().isBefore(deadline)) {
                Thread.sleep(50);
            }
            assertThat(simulateOut.toString()).as(simulateErr.toString()).startsWith(SimulateCommand.READY)
                    .contains("sim-source (OpenShift 3.11.784)", "sim-target (OpenShift 4.12.45)");
            assertThat(simulateOut.toString().lines().count()).as("the ready line, the mirror registry's and the S3 "
                    + "server's").isEqualTo(3);
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

            // the repository commands work on the simulation: its gateway, S3 server and bucket provisioner
            String s3 = simulateOut.toString().lines().filter(l -> l.startsWith(SimulateCommand.S3_READY)).findFirst()
                    .orElseThrow().split(" ")[3];
            assertThat(s3).matches("http://127\\.0\\.0\\.1:\\d+");
            Run discover = run("repository", "discover", "--kubeconfig", kubeconfig.toString(), "--context",
                    "sim-target");
            assertThat(discover.exit()).as(discover.err()).isZero();
            assertThat(discover.out()).contains("S3 endpoint: " + s3);
            Path credentials = java.nio.file.Files.writeString(dir.resolve("credentials"), "[default]\n"
                    + "aws_access_key_id = " + SimulatedEnvironment.S3_ACCESS_KEY + "\naws_secret_access_key = "
                    + SimulatedEnvironment.S3_SECRET_KEY + "\n");
            Run check = run("repository", "check", "--endpoint", s3, "--bucket", SimulatedEnvironment.S3_BUCKET,
                    "--credentials-file", credentials.toString());
            assertThat(check.exit()).as(check.out() + check.err()).isZero();
            Run claim = run("repository", "create", "--kubeconfig", kubeconfig.toString(), "--context", "sim-target",
                    "--name", "claimed", "--bucket-claim", "sim-claim", "--timeout", "120", "--apply");
            assertThat(claim.exit()).as(claim.out() + claim.err()).isZero();
            assertThat(claim.out()).contains("ObjectBucketClaim openshift-migration/sim-claim is Bound",
                    "endpoint " + s3);
        } finally {
            simulate.interrupt();
            simulate.join(Duration.ofSeconds(30).toMillis());
        }
        assertThat(simulate.isAlive()).isFalse();
        assertThat(simulateExit.get()).isZero();
        assertThat(simulateOut.toString()).contains("Simulated clusters stopped.");
    }

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = MtcAssistantCommand.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(exit, out.toString(), err.toString());
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
