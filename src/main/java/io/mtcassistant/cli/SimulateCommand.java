package io.mtcassistant.cli;

import io.mtcassistant.common.FileTrees;
import io.mtcassistant.sim.SimulatedCluster;
import io.mtcassistant.sim.SimulatedEnvironment;
import io.mtcassistant.sim.registry.DemoMirrorRun;
import io.mtcassistant.sim.storage.SimulatedBucketProvisioner;
import io.mtcassistant.sim.storage.SimulatedObjectGateway;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Spec;

/** `mtc-assistant simulate`: serve the simulated demo clusters until interrupted. */
@Command(name = "simulate",
        mixinStandardHelpOptions = true,
        description = {"Serve two simulated clusters on 127.0.0.1 — sim-source (OpenShift 3.11) and sim-target "
                + "(OpenShift 4.12) — and write a kubeconfig for them, with a simulated S3 server (plain HTTP) behind "
                + "sim-target's Multicloud Object Gateway. A simulation for demos and tests, not a cluster. Stops on "
                + "Ctrl-C or SIGTERM."})
public class SimulateCommand implements Callable<Integer> {

    /** The start of the line printed once the clusters answer; scripts wait for it. */
    public static final String READY = "Simulated clusters ready:";
    /** The start of the line naming the demo's simulated S3 server (repository check/discover/create use it). */
    public static final String S3_READY = "Simulated S3 server";
    /** Printed (with the results folder) once --mirror-demo-content has mirrored the demo content. */
    public static final String DEMO_MIRRORED = "Demo content mirrored; results folder";
    static final String WORK_PREFIX = "mtc-sim-demo-content";
    private static final Logger LOG = LoggerFactory.getLogger(SimulateCommand.class);

    @Spec
    CommandSpec spec;

    @Option(names = "--write-kubeconfig", paramLabel = "FILE", required = true,
            description = "Where to write the kubeconfig (contexts sim-source and sim-target).")
    Path kubeconfig;

    @Option(names = "--mirror-demo-content", paramLabel = "DIR",
            description = "Mirror the synthetic demo catalog (MTC release-v1.7 and the legacy operator) into the simulated"
                    + " mirror registry first, and write its results folder (for mtc-assistant install --mirror-results) to DIR.")
    Path demoResults;

    @Option(names = "--temp-dir", paramLabel = "DIR",
            description = "Where --mirror-demo-content keeps its temporary work folder (default: the system's temporary"
                    + " folder). The folder is deleted once the content is mirrored, and when simulate stops.")
    Path tempDir;

    /** The work folder of --mirror-demo-content while it exists; the shutdown hook deletes it too. */
    private volatile Path demoWork;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Path file = kubeconfig.toAbsolutePath();
        if (file.getParent() == null || !Files.isDirectory(file.getParent())) {
            throw new BadInputException(file + ": the folder does not exist");
        }
        if (Files.isDirectory(file)) {
            throw new BadInputException(file + ": is a folder, not a file");
        }
        if (tempDir != null && !Files.isDirectory(tempDir)) {
            throw new BadInputException("--temp-dir " + tempDir + ": the folder does not exist");
        }
        CountDownLatch stop = new CountDownLatch(1);
        boolean interrupted = false;
        try (SimulatedEnvironment environment = SimulatedEnvironment.startDemoPair()) {
            try {
                environment.writeKubeconfig(file);
            } catch (UncheckedIOException e) {
                throw new BadInputException(file + ": cannot write the kubeconfig (" + e.getCause().getMessage() + ")");
            }
            Thread hook = new Thread(() -> {
                stop.countDown();
                environment.close();
                deleteDemoWork();
            }, "simulate-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                out.println(READY + " " + describe(environment.source()) + ", " + describe(environment.target())
                        + "; kubeconfig " + file + ". Press Ctrl-C to stop.");
                out.println("Simulated mirror registry " + environment.mirrorRegistry().endpoint() + " (CA certificate "
                        + environment.mirrorRegistry().caFile() + ")");
                out.println(S3_READY + " " + environment.s3().endpoint() + " (bucket " + SimulatedEnvironment.S3_BUCKET
                        + "; the keys are in the Secret " + SimulatedObjectGateway.NAMESPACE + "/"
                        + SimulatedObjectGateway.ADMIN_SECRET + " on " + SimulatedEnvironment.TARGET_CONTEXT
                        + "; ObjectBucketClaims of " + SimulatedBucketProvisioner.STORAGE_CLASS + " are bound)");
                out.flush();
                if (demoResults != null) {
                    demoWork = tempDir == null ? Files.createTempDirectory(WORK_PREFIX)
                            : Files.createTempDirectory(tempDir, WORK_PREFIX);
                    DemoMirrorRun.mirror(environment.mirrorRegistry(), demoWork, demoResults.toAbsolutePath());
                    // the simulated registry keeps what was pushed in memory; the engine's work folder is done
                    deleteDemoWork();
                    out.println(DEMO_MIRRORED + " " + demoResults.toAbsolutePath());
                    out.flush();
                }
                stop.await();
            } catch (java.io.IOException e) {
                throw new UncheckedIOException("cannot make a folder for the demo content", e);
            } catch (InterruptedException e) {
                interrupted = true; // restored after the clusters are closed: closing waits for the servers
            } finally {
                deleteDemoWork();
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException e) {
                    // the JVM is already shutting down; the hook closes the clusters
                }
            }
        }
        out.println("Simulated clusters stopped.");
        out.flush();
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return ExitCodes.OK;
    }

    private void deleteDemoWork() {
        Path work = demoWork;
        demoWork = null;
        if (work != null && !FileTrees.delete(work)) {
            LOG.warn("could not delete the demo content's work folder {}", work);
        }
    }

    private static String describe(SimulatedCluster cluster) {
        return cluster.name() + " (" + cluster.platform().describe() + ") at " + cluster.url();
    }
}
