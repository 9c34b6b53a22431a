package io.mtcassistant.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtcassistant.cluster.KubeconfigFiles;
import io.mtcassistant.common.XdgDirs;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Bad input never reaches a cluster: one line on stderr naming the input, exit code 2. */
class CheckCommandInputTest {

    @TempDir
    Path dir;
    private Path kubeconfig;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void kubeconfig() throws Exception {
        kubeconfig = dir.resolve("kubeconfig");
        Files.writeString(kubeconfig, """
                apiVersion: v1
                kind: Config
                clusters:
                - name: a
                  cluster: {server: "https://127.0.0.1:1"}
                - name: b
                  cluster: {server: "https://127.0.0.1:2"}
                users:
                - name: u
                  user: {token: "sha256~notarealtoken0000"}
                contexts:
                - name: src
                  context: {cluster: a, user: u}
                - name: dst
                  context: {cluster: b, user: u}
                current-context: src
                """);
    }

    private int run(String... args) {
        return MtcAssistantCommand.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    private void assertBadInput(int exit, String... fragments) {
        assertThat(exit).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString().strip().lines()).hasSizeLessThanOrEqualTo(2);
        assertThat(err.toString()).contains(fragments).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void unknownContextNamesTheFileAndTheContexts() {
        assertBadInput(run("check", "--kubeconfig", kubeconfig.toString(), "--source", "src", "--target", "nope"),
                "context \"nope\" is not in " + kubeconfig, "contexts: src, dst");
    }

    @Test
    void sameClusterTwice() {
        assertBadInput(run("check", "--kubeconfig", kubeconfig.toString(), "--source", "src", "--target", "src"),
                "context \"src\" is given twice");
    }

    @Test
    void malformedMtcVersion() {
        assertBadInput(run("check", "--kubeconfig", kubeconfig.toString(), "--source", "src", "--target", "dst",
                "--mtc-version", "latest"), "--mtc-version: expected a release line like 1.7");
    }

    @Test
    void mtcVersionNotInTheData() {
        assertBadInput(run("check", "--kubeconfig", kubeconfig.toString(), "--source", "src", "--target", "dst",
                "--mtc-version", "1.5"), "--mtc-version 1.5: not in the compatibility data (known: 1.7, 1.8)");
    }

    @Test
    void badReachabilityStatement() {
        assertBadInput(run("check", "--kubeconfig", kubeconfig.toString(), "--source", "src", "--target", "dst",
                "--remote-reaches-control", "maybe"), "expected yes, no, CTX=yes or CTX=no");
        err.getBuffer().setLength(0);
        assertBadInput(run("check", "--kubeconfig", kubeconfig.toString(), "--source", "src", "--target", "dst",
                "--remote-reaches-control", "other=no"), "other is not --source, --target or --remote");
    }

    @Test
    void controlClusterMustBeOneOfTheClusters() {
        assertBadInput(run("check", "--kubeconfig", kubeconfig.toString(), "--source", "src", "--target", "dst",
                "--control-cluster", "elsewhere"), "--control-cluster elsewhere: not one of --source, --target or --remote");
    }

    @Test
    void bothWorkaroundsAtOnce() {
        assertBadInput(run("check", "--kubeconfig", kubeconfig.toString(), "--source", "src", "--target", "dst",
                "--legacy-control-cluster", "--tunnel-api"), "alternatives: choose one");
    }

    @Test
    void missingKubeconfigAndMissingOptions() {
        assertBadInput(run("check", "--kubeconfig", dir.resolve("absent").toString(), "--source", "src", "--target", "dst"),
                dir.resolve("absent").toString());
        err.getBuffer().setLength(0);
        assertBadInput(run("check", "--kubeconfig", kubeconfig.toString(), "--source", "src"), "--target");
        err.getBuffer().setLength(0);
        assertBadInput(run("check", "--kubeconfig", kubeconfig.toString(), "--source", "src", "--target", "dst",
                "--output", "yaml"), "--output");
    }

    @Test
    void malformedOverrideNamesTheFile() throws Exception {
        Path config = dir.resolve("config");
        Path override = config.resolve("mtc-assistant").resolve("compatibility.yaml");
        Files.createDirectories(override.getParent());
        Files.writeString(override, "schemaVersion: 1\nplatforms: [\n");
        XdgDirs dirs = new XdgDirs(Map.of("XDG_CONFIG_HOME", config.toString()), dir);
        CheckCommand command = new CheckCommand(KubeconfigFiles::new, () -> {
            throw new AssertionError("must not connect");
        }, () -> dirs);
        CommandLine commandLine = new CommandLine(command);
        commandLine.setErr(new PrintWriter(err, true));
        commandLine.setExecutionExceptionHandler((ex, cl, parse) -> {
            err.write(ex.getMessage());
            return ex instanceof BadInputException ? ExitCodes.BAD_INPUT : ExitCodes.FAILED;
        });
        int exit = commandLine.execute("--kubeconfig", kubeconfig.toString(), "--source", "src", "--target", "dst");
        assertBadInput(exit, override.toString(), "malformed compatibility data");
    }
}
