package io.mtcassistant.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo pair end to end on the command line: {@code simulate --mirror-demo-content} mirrors the synthetic catalog
 * into its mirror registry with the real engine, then {@code install} exports and applies on sim-target (OLM) and
 * sim-source (legacy operator, its files read out of the mirrored image), verification passes on both, and
 * {@code uninstall} takes both back to nothing of MTC. Prints the export's files and the install times.
 */
class SimulateInstallDemoPairTest {

    private static final Pattern MIRROR = Pattern.compile("Simulated mirror registry (\\S+) \\(CA certificate (.+)\\)");

    @TempDir
    Path dir;

    @Test
    void mirrorThenInstallBothDemoClustersThenUninstall() throws Exception {
        Path kubeconfig = dir.resolve("sim-kubeconfig");
        Path results = dir.resolve("results");
        StringWriter simulateOut = new StringWriter();
        StringWriter simulateErr = new StringWriter();
        AtomicInteger simulateExit = new AtomicInteger(-100);
        Thread simulate = new Thread(() -> simulateExit.set(MtcAssistantCommand.run(new String[] {"simulate",
            "--write-kubeconfig", kubeconfig.toString(), "--mirror-demo-content", results.toString()},
                new PrintWriter(simulateOut, true), new PrintWriter(simulateErr, true))), "simulate-under-test");
        simulate.start();
        try {
            Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
            while (!simulateOut.toString().contains(SimulateCommand.DEMO_MIRRORED) && simulate.isAlive()
                    && Instant.now().isBefore(deadline)) {
                Thread.sleep(100);
            }
            assertThat(simulateOut.toString()).as(simulateErr.toString()).contains(SimulateCommand.DEMO_MIRRORED);
            Matcher mirror = MIRROR.matcher(simulateOut.toString());
            assertThat(mirror.find()).isTrue();
            String ca = mirror.group(1) + "=" + mirror.group(2);

            for (String context : List.of("sim-target", "sim-source")) {
                Path export = dir.resolve("export-" + context);
                InstallCommandSimulationTest.Run exported = InstallCommandSimulationTest.run(install(kubeconfig, results, ca, context, "--export", export.toString()));
                assertThat(exported.exit()).as(exported.err()).isZero();
                System.out.println("export for " + context + ": " + files(export));

                long started = System.nanoTime();
                InstallCommandSimulationTest.Run apply = InstallCommandSimulationTest.run(install(kubeconfig, results, ca, context, "--apply"));
                double seconds = (System.nanoTime() - started) / 1e9;
                assertThat(apply.exit()).as(apply.out() + apply.err()).isZero();
                assertThat(apply.out()).contains(context + ": applied").doesNotContain("FAIL");
                System.out.printf("install --apply on %s (demo speed) took %.1f s, verification included%n", context, seconds);
            }

            for (String context : List.of("sim-target", "sim-source")) {
                InstallCommandSimulationTest.Run delete = InstallCommandSimulationTest.run("uninstall", "--kubeconfig", kubeconfig.toString(), "--context", context, "--confirm", context);
                assertThat(delete.exit()).as(delete.out() + delete.err()).isZero();
                InstallCommandSimulationTest.Run after = InstallCommandSimulationTest.run("uninstall", "--kubeconfig", kubeconfig.toString(), "--context", context, "--plan");
                assertThat(after.exit()).isZero();
                assertThat(after.out()).as(context).contains("uninstall deletes 0 objects");
            }
        } finally {
            simulate.interrupt();
            simulate.join(Duration.ofSeconds(30).toMillis());
        }
        assertThat(simulateExit.get()).isZero();
    }

    private static String[] install(Path kubeconfig, Path results, String ca, String context, String... mode) {
        List<String> args = new ArrayList<>(List.of("install", "--kubeconfig", kubeconfig.toString(), "--context", context,
                "--mirror-results", results.toString(), "--mtc-version", "1.7.18", "--registry-ca", ca));
        args.addAll(List.of(mode));
        return args.toArray(String[]::new);
    }

    private static List<String> files(Path export) throws IOException {
        try (Stream<Path> list = Files.list(export)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
