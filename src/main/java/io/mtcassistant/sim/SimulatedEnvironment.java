package io.mtcassistant.sim;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.mtcassistant.sim.migration.DemoMigrations;
import io.mtcassistant.sim.migration.DemoRepository;
import io.mtcassistant.sim.registry.SimulatedMirrorRegistry;
import io.mtcassistant.sim.storage.SimulatedBucketProvisioner;
import io.mtcassistant.sim.storage.SimulatedObjectGateway;
import io.mtcassistant.sim.storage.SimulatedS3Server;
import io.mtcassistant.storage.S3Keys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The demo pair of simulated clusters: sim-source (OpenShift 3.11) and sim-target (OpenShift 4.12), both with a
 * cluster-admin user, and the demo's writable mirror registry on 127.0.0.1, which both clusters' nodes and catalog
 * pods reach (they reach no other registry). sim-target also carries the demo's replication repository: a simulated
 * S3 server on 127.0.0.1 with the bucket {@value #S3_BUCKET}, a Multicloud Object Gateway (NooBaa) naming it, a
 * bucket provisioner for ObjectBucketClaims, and the seeded MigStorage naming that bucket. Used by
 * `mtc-assistant simulate`, the desktop --demo mode and tests.
 */
public final class SimulatedEnvironment implements AutoCloseable {

    public static final String SOURCE_CONTEXT = "sim-source";
    public static final String TARGET_CONTEXT = "sim-target";
    public static final String SOURCE_VERSION = "3.11.784";
    public static final String TARGET_VERSION = "4.12.45";
    /** The demo gateway's admin keys, which the demo's S3 server accepts. */
    public static final String S3_ACCESS_KEY = "DEMOACCESSKEY0000000";
    public static final String S3_SECRET_KEY = "demo-secret-access-key";
    /** The bucket the Repository step offers by default, made on the demo's S3 server. */
    public static final String S3_BUCKET = "migration";

    /** The parts of the demo pair, in the words a start listener hears them ready. */
    public static final String MIRROR_PART = "mirror registry";
    public static final List<String> PARTS = List.of(MIRROR_PART, TARGET_CONTEXT, SOURCE_CONTEXT);

    /** Hears each part of {@link #PARTS} ready; the parts start in parallel, so calls come from more than one thread. */
    @FunctionalInterface
    public interface StartListener {
        StartListener NONE = part -> { };

        void ready(String part);
    }

    private static final String MIRROR_CA_FILE = "mirror-ca.pem";

    private final List<SimulatedCluster> clusters;
    private DemoMigrations migrations;
    private final SimulatedMirrorRegistry mirror;
    private final Path mirrorDir;
    private final SimulatedS3Server s3;
    private SimulatedBucketProvisioner bucketProvisioner;

    private SimulatedEnvironment(List<SimulatedCluster> clusters,
            SimulatedMirrorRegistry mirror, Path mirrorDir, SimulatedS3Server s3) {
        this.clusters = List.copyOf(clusters);
        this.mirror = mirror;
        this.mirrorDir = mirrorDir;
        this.s3 = s3;
        for (SimulatedCluster cluster : clusters) {
            cluster.operators().trustRegistry(mirror.endpoint(), mirror.caFile());
        }
    }

    /** Starts the demo pair on 127.0.0.1 (see {@link #startDemoPair(StartListener)}). */
    public static SimulatedEnvironment startDemoPair() {
        return startDemoPair(StartListener.NONE);
    }

    /**
     * Starts both clusters, the mirror registry and the S3 server (in parallel) on 127.0.0.1, telling {@code listener}
     * each part that is ready; returns once the demo's objects are seeded on both clusters.
     */
    public static SimulatedEnvironment startDemoPair(StartListener listener) {
        Path mirrorDir;
        try {
            mirrorDir = Files.createTempDirectory("mtc-sim-mirror");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a folder for the simulated mirror registry", e);
        }
        SimulatedCluster source = SimulatedCluster.builder().name(SOURCE_CONTEXT).openShift3(SOURCE_VERSION)
                .admin(true).build();
        SimulatedCluster target = SimulatedCluster.builder().name(TARGET_CONTEXT).openShift4(TARGET_VERSION)
                .admin(true).build();
        // own threads: the common pool has a single worker on two cores, and the demo's migrations seed there
        ExecutorService starter = Executors.newFixedThreadPool(3, task -> {
            Thread thread = new Thread(task, "sim-demo-start");
            thread.setDaemon(true);
            return thread;
        });
        CompletableFuture<SimulatedCluster> sourceStart = CompletableFuture.supplyAsync(() -> {
            source.start();
            try (KubernetesClient client = source.client()) {
                DemoNetwork.seedSource(client, source.name());
            }
            return ready(listener, SOURCE_CONTEXT, source);
        }, starter);
        CompletableFuture<SimulatedMirrorRegistry> mirrorStart = CompletableFuture.supplyAsync(
                () -> ready(listener, MIRROR_PART, SimulatedMirrorRegistry.start(mirrorDir.resolve(MIRROR_CA_FILE))),
                starter);
        CompletableFuture<SimulatedS3Server> s3Start = CompletableFuture.supplyAsync(
                () -> SimulatedS3Server.start(S3_ACCESS_KEY, S3_SECRET_KEY).createBucket(S3_BUCKET), starter);
        starter.shutdown();
        SimulatedEnvironment environment = null;
        try {
            target.start();
            SimulatedS3Server s3 = joined(s3Start);
            // step 6 has a Multicloud Object Gateway to discover on sim-target, and an S3 server behind it to check
            try (KubernetesClient client = target.client()) {
                SimulatedObjectGateway.ready(s3.endpoint().toString(), S3_ACCESS_KEY, S3_SECRET_KEY).installOn(client);
                DemoNetwork.seedTarget(client, target.name());
            }
            listener.ready(TARGET_CONTEXT);
            joined(sourceStart);
            environment = new SimulatedEnvironment(List.of(source, target), joined(mirrorStart), mirrorDir, s3);
            // ObjectBucketClaims of the gateway's storage class get bound (repository create --bucket-claim)
            environment.bucketProvisioner = SimulatedBucketProvisioner.start(target);
            environment.migrations = DemoMigrations.start(source, target, new DemoRepository(s3.endpoint().toString(),
                    S3_BUCKET, new S3Keys(S3_ACCESS_KEY, S3_SECRET_KEY)));
            return environment;
        } catch (RuntimeException e) {
            if (environment != null) {
                environment.close();
            } else {
                // let every part finish starting first, or closing it now would leave a server running
                closeWhenStarted(mirrorStart);
                closeWhenStarted(s3Start);
                sourceStart.exceptionally(failure -> source).join();
                source.close();
                target.close();
                deleteQuietly(mirrorDir.resolve(MIRROR_CA_FILE));
                deleteQuietly(mirrorDir);
            }
            throw e;
        }
    }

    private static <T> T ready(StartListener listener, String part, T started) {
        listener.ready(part);
        return started;
    }

    /** The part's result; its own failure rather than the wrapper CompletableFuture puts around it. */
    private static <T> T joined(CompletableFuture<T> part) {
        try {
            return part.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private static void closeWhenStarted(CompletableFuture<? extends AutoCloseable> part) {
        AutoCloseable started = part.exceptionally(failure -> null).join();
        if (started != null) {
            try {
                started.close();
            } catch (Exception e) {
                // closing after a failed start: the start's own failure is the one to report
            }
        }
    }

    public List<SimulatedCluster> clusters() {
        return clusters;
    }

    /** The simulated MTC controller and the demo's plans and migrations on the target (seeded in the background). */
    public DemoMigrations migrations() {
        return migrations;
    }

    /** The demo's mirror registry (host:port and the CA certificate to trust); empty until something mirrors. */
    public SimulatedMirrorRegistry mirrorRegistry() {
        return mirror;
    }

    /** The demo's S3 server, which sim-target's Multicloud Object Gateway and the seeded MigStorage name. */
    public SimulatedS3Server s3() {
        return s3;
    }

    public SimulatedCluster source() {
        return clusters.get(0);
    }

    public SimulatedCluster target() {
        return clusters.get(1);
    }

    /**
     * Writes a kubeconfig with contexts sim-source and sim-target (current: sim-target); returns the file.
     *
     * @throws UncheckedIOException when the file cannot be written
     */
    public Path writeKubeconfig(Path file) {
        try {
            return new SimulatedKubeconfig().add(SOURCE_CONTEXT, source()).add(TARGET_CONTEXT, target())
                    .currentContext(TARGET_CONTEXT).write(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the kubeconfig " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (migrations != null) {
            migrations.close();
        }
        if (bucketProvisioner != null) {
            bucketProvisioner.close();
        }
        for (SimulatedCluster cluster : clusters) {
            cluster.close();
        }
        mirror.close();
        s3.close();
        deleteQuietly(mirror.caFile());
        deleteQuietly(mirrorDir);
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a temporary certificate or folder left behind
        }
    }
}
