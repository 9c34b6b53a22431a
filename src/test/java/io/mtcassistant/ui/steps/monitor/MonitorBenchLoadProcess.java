package io.mtcassistant.ui.steps.monitor;

import io.mtcassistant.sim.SimulatedCluster;
import io.mtcassistant.sim.SimulatedKubeconfig;
import io.mtcassistant.sim.migration.SimulatedMigrationLoad;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * The other side of {@link MonitorScaleBenchmark}, in its own JVM so that the measured JVM holds only the app's
 * watchers and the UI: a simulated control cluster (fabric8 mock server) seeded by {@link SimulatedMigrationLoad}.
 * Talks over stdin/stdout in lines starting with {@link #PREFIX}: writes a kubeconfig and says "ready", drives the
 * load when it reads "drive", says "result ..." when the load has stopped, and exits when stdin ends.
 *
 * <p>Arguments: KUBECONFIG PLANS MIGRATIONS RATE SECONDS.
 */
public final class MonitorBenchLoadProcess {

    static final String PREFIX = "bench-load: ";
    static final String CONTEXT = "sim-bench";

    private MonitorBenchLoadProcess() {
    }

    public static void main(String[] args) throws Exception {
        try {
            run(args);
        } finally {
            System.exit(0); // the mock server's threads would keep the JVM alive
        }
    }

    private static void run(String[] args) throws Exception {
        Path kubeconfig = Path.of(args[0]);
        int plans = Integer.parseInt(args[1]);
        int migrations = Integer.parseInt(args[2]);
        int rate = Integer.parseInt(args[3]);
        int seconds = Integer.parseInt(args[4]);
        BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        try (SimulatedCluster cluster = SimulatedCluster.builder().name(CONTEXT).start()) {
            // the simulated OLM/kubelet runs a reconcile round (a dozen GETs) after every write to the API: at a
            // thousand status writes a second those rounds took most of the mock server's single event-loop thread
            cluster.operators().close();
            long seedStart = System.nanoTime();
            try (SimulatedMigrationLoad load = SimulatedMigrationLoad.seeded(cluster, plans, migrations)) {
                new SimulatedKubeconfig().add(CONTEXT, cluster).write(kubeconfig);
                say("ready seeded-seconds=%.1f", (System.nanoTime() - seedStart) / 1e9);
                if (!"drive".equals(commands.readLine())) {
                    return;
                }
                var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
                long cpuStart = os.getProcessCpuTime();
                long sentBefore = load.updatesSent();
                long start = System.nanoTime();
                load.drive(rate, Duration.ofSeconds(seconds));
                boolean stopped = load.awaitFinished(Duration.ofSeconds(seconds + 120L));
                double wall = (System.nanoTime() - start) / 1e9;
                say("result sent=%d skipped=%d failed=%d unchanged=%d wall=%.2f cpu=%.2f stopped=%b",
                        load.updatesSent() - sentBefore, load.updatesSkipped(), load.updatesFailed(),
                        load.updatesUnchanged(), wall, (os.getProcessCpuTime() - cpuStart) / 1e9, stopped);
                // serve the probe and the watchers until the benchmark has read its last numbers
                while (commands.readLine() != null) {
                    // nothing else is asked
                }
            }
        }
    }

    private static void say(String format, Object... values) {
        System.out.println(PREFIX + String.format(Locale.ROOT, format, values));
        System.out.flush();
    }
}
