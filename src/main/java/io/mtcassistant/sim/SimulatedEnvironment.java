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

    /** Starts both clusters (in parallel) on 127.0.0.1. */
    public static SimulatedEnvironment startDemoPair() {
        return startDemoPair(StartListener.NONE);
    }

    /** Starts both clusters (in parallel) on 127.0.0.1, telling {@code listener} each part that is ready. */
    public static SimulatedEnvironment startDemoPair(StartListener listener) {
        SimulatedCluster source = SimulatedCluster.builder().name(SOURCE_CONTEXT).openShift3(SOURCE_VERSION)
                .admin(true).build();
        SimulatedCluster target = SimulatedCluster.builder().name(TARGET_CONTEXT).openShift4(TARGET_VERSION)
                .admin(true).build();
        CompletableFuture<SimulatedCluster> sourceStart = CompletableFuture.supplyAsync(() -> {
            SimulatedCluster started = source.start();
            listener.ready(SOURCE_CONTEXT);
            return started;
        });
        Path mirrorDir = null;
        SimulatedMirrorRegistry mirror = null;
        SimulatedS3Server s3 = null;
        SimulatedEnvironment environment = null;
        try {
            mirrorDir = Files.createTempDirectory("mtc-sim-mirror");
            mirror = SimulatedMirrorRegistry.start(mirrorDir.resolve("mirror-ca.pem"));
            listener.ready(MIRROR_PART);
            s3 = SimulatedS3Server.start(S3_ACCESS_KEY, S3_SECRET_KEY).createBucket(S3_BUCKET);
            target.start();
            // step 6 has a Multicloud Object Gateway to discover on sim-target, and an S3 server behind it to check
            try (KubernetesClient client = target.client()) {
                SimulatedObjectGateway.ready(s3.endpoint().toString(), S3_ACCESS_KEY, S3_SECRET_KEY).installOn(client);
            }
            listener.ready(TARGET_CONTEXT);
            sourceStart.join();
            DemoNetwork.seed(source, target);
            environment = new SimulatedEnvironment(List.of(source, target), mirror, mirrorDir, s3);
            // ObjectBucketClaims of the gateway's storage class get bound (repository create --bucket-claim)
            environment.bucketProvisioner = SimulatedBucketProvisioner.start(target);
            environment.migrations = DemoMigrations.start(source, target, new DemoRepository(s3.endpoint().toString(),
                    S3_BUCKET, new S3Keys(S3_ACCESS_KEY, S3_SECRET_KEY)));
            return environment;
        } catch (IOException e) {
            sourceStart.exceptionally(failure -> source).join();
            source.close();
            target.close();
            throw new UncheckedIOException("cannot make a folder for the simulated mirror registry", e);
        } catch (RuntimeException e) {
            if (environment != null && environment.bucketProvisioner != null) {
                environment.bucketProvisioner.close();
            }
            if (s3 != null) {
                s3.close();
            }
            if (mirror != null) {
                mirror.close();
            }
            // let the source finish starting first, or closing it now would leave a server running
            sourceStart.exceptionally(failure -> source).join();
            source.close();
            target.close();
            throw e;
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
        try {
            Files.deleteIfExists(mirror.caFile());
            Files.deleteIfExists(mirrorDir);
        } catch (IOException e) {
            // a temporary certificate left behind
        }
    }
}
