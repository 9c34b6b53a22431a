package io.mtcassistant.sim.migration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.mtcassistant.sim.SimulatedCluster;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A bounded load for benchmarks: creates many MigPlans and MigMigrations (with statuses in every state) in
 * openshift-migration, then drives MigMigration status updates at a set rate for a set time and stops by
 * itself. Updates the server cannot take in time are skipped and counted, never queued without bound. Run it on a
 * cluster without a {@link SimulatedMigrationController}: it writes the statuses itself.
 *
 * <p>The statuses are written into the simulated API server in-process ({@link SimulatedCluster#answerInProcess}):
 * the same patch handler, store and watch events as an HTTP PATCH, without the load's own HTTP round trip, which on a
 * two-core machine cost more CPU than the app being measured and kept the load well under its rate.
 */
public final class SimulatedMigrationLoad implements AutoCloseable {

    private static final int WRITERS = 4;
    /** Updates in flight at once while driving: the store takes one write at a time, so a few threads suffice. */
    private static final int DRIVE_WRITERS = 4;
    private static final long PACE_MILLIS = 10;
    /** Updates that may wait for a writer: a second's worth at a thousand a second, so a stall is caught up. */
    private static final int BACKLOG = 1000;
    /**
     * Simulated seconds one update moves a migration on: small, so that at a thousand updates a second the running
     * migrations do not all finish within a minute (a finished one gets no more updates).
     */
    private static final double DRIVE_STEP_SECONDS = 0.2;
    /** How far one update may move a migration on looking for a status that differs from the one written. */
    private static final int MAX_STEPS_PER_UPDATE = 50;

    private final SimulatedCluster cluster;
    private final KubernetesClient client;
    private final List<MigrationRun> runs = new ArrayList<>();
    private final Random random = new Random(1000);
    private final ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r,
            "simulated-migration-load"));
    private final ThreadPoolExecutor writers = new ThreadPoolExecutor(DRIVE_WRITERS, DRIVE_WRITERS, 1, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(BACKLOG), r -> daemon(r, "simulated-migration-load-writer"));
    private final CompletableFuture<Void> finished = new CompletableFuture<>();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong unchanged = new AtomicLong();
    private final AtomicInteger next = new AtomicInteger();
    private Instant driveStarted;
    private Instant driveEnded;

    private SimulatedMigrationLoad(SimulatedCluster cluster) {
        // plain HTTP straight to the store, like the simulated controllers: TLS for the load is not what is measured
        this.cluster = cluster;
        this.client = cluster.controllerClient();
    }

    /**
     * Creates the objects (blocking: a few seconds per thousand on a quiet machine), then drives updates in the
     * background for {@code duration}.
     */
    public static SimulatedMigrationLoad start(SimulatedCluster cluster, int plans, int migrations,
            int updatesPerSecond, Duration duration) {
        SimulatedMigrationLoad load = seeded(cluster, plans, migrations);
        load.drive(updatesPerSecond, duration);
        return load;
    }

    /** Creates the objects only (blocking), so a benchmark can open its screen before {@link #drive} starts. */
    public static SimulatedMigrationLoad seeded(SimulatedCluster cluster, int plans, int migrations) {
        if (plans < 1 || migrations < 0) {
            throw new IllegalArgumentException("need at least one plan");
        }
        SimulatedMigrationLoad load = new SimulatedMigrationLoad(cluster);
        try {
            load.seed(plans, migrations);
        } catch (RuntimeException e) {
            load.close();
            throw e;
        }
        return load;
    }

    private void seed(int plans, int migrations) {
        MigrationKinds.install(client);
        createAll(List.of(object("MigCluster", "host", Map.of("isHostCluster", true)),
                object("MigCluster", "sim-source", Map.of("isHostCluster", false)),
                object("MigStorage", "load-repository", Map.of("backupStorageProvider", "aws"))));
        List<GenericKubernetesResource> planObjects = new ArrayList<>();
        for (int p = 0; p < plans; p++) {
            Map<String, Object> spec = new LinkedHashMap<>();
            spec.put("srcMigClusterRef", Map.of("name", "sim-source", "namespace", MigrationKinds.NAMESPACE));
            spec.put("destMigClusterRef", Map.of("name", "host", "namespace", MigrationKinds.NAMESPACE));
            spec.put("migStorageRef", Map.of("name", "load-repository", "namespace", MigrationKinds.NAMESPACE));
            spec.put("namespaces", List.of("app-" + p));
            spec.put("persistentVolumes", List.of(Map.of("name", "pv-" + p, "capacity", "10Gi",
                    "pvc", Map.of("namespace", "app-" + p, "name", "data"),
                    "selection", Map.of("action", "copy", "copyMethod", "filesystem", "storageClass", "gp3-csi"))));
            planObjects.add(object("MigPlan", String.format("load-plan-%03d", p), spec));
        }
        createAll(planObjects);
        List<GenericKubernetesResource> migrationObjects = new ArrayList<>();
        Instant now = Instant.now();
        for (int m = 0; m < migrations; m++) {
            GenericKubernetesResource plan = planObjects.get(m % plans);
            Map<String, Object> spec = new LinkedHashMap<>();
            spec.put("migPlanRef", Map.of("name", plan.getMetadata().getName(), "namespace", MigrationKinds.NAMESPACE));
            spec.put("stage", m % 3 == 0);
            spec.put("quiescePods", m % 3 != 0);
            GenericKubernetesResource migration = object("MigMigration", String.format("load-mig-%04d", m), spec);
            migrationObjects.add(migration);
            JsonNode migrationJson = Serialization.jsonMapper().valueToTree(migration);
            MigrationRun run = new MigrationRun(migration.getMetadata().getName(), null, migrationJson.path("spec"),
                    MigrationProfile.of(Serialization.jsonMapper().valueToTree(plan), migrationJson), MtcVersion.V1_8,
                    now, new Random(random.nextLong()));
            // spread them over the itinerary: some finished, most somewhere on the way
            run.advance(now, random.nextDouble() * 150, MigrationFaults.none());
            runs.add(run);
        }
        createAll(migrationObjects);
        List<Runnable> statuses = new ArrayList<>();
        for (MigrationRun run : runs) {
            statuses.add(() -> writeStatus(run));
        }
        runAll(statuses);
    }

    /** Drives status updates in the background for {@code duration}, then stops by itself; once per load. */
    public synchronized void drive(int updatesPerSecond, Duration duration) {
        if (updatesPerSecond < 1 || duration.isNegative()) {
            throw new IllegalArgumentException("need an update rate and a duration");
        }
        if (driveStarted != null) {
            throw new IllegalStateException("the load is driven once");
        }
        driveStarted = Instant.now();
        Instant end = driveStarted.plus(duration);
        AtomicLong issued = new AtomicLong();
        pacer.scheduleAtFixedRate(() -> {
            Instant now = Instant.now();
            if (!now.isBefore(end) || runs.isEmpty()) {
                stopDriving(now);
                return;
            }
            long due = (long) (Duration.between(driveStarted, now).toNanos() / 1e9 * updatesPerSecond) - issued.get();
            for (long i = 0; i < due; i++) {
                issued.incrementAndGet();
                MigrationRun run = nextRunning();
                if (run == null) {
                    stopDriving(now); // every migration has finished: nothing is left to update
                    return;
                }
                try {
                    writers.execute(() -> update(run));
                } catch (RejectedExecutionException e) {
                    skipped.incrementAndGet();
                }
            }
        }, 0, PACE_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** The next migration still on its way, round robin; null when all have finished. */
    private MigrationRun nextRunning() {
        for (int tried = 0; tried < runs.size(); tried++) {
            MigrationRun run = runs.get(Math.floorMod(next.getAndIncrement(), runs.size()));
            synchronized (run) {
                if (!run.done()) {
                    return run;
                }
            }
        }
        return null;
    }

    private void update(MigrationRun run) {
        synchronized (run) {
            if (run.done()) {
                return;
            }
            // a write that changes nothing makes no watch event (the API server keeps the resourceVersion): move on
            // until the status differs, so every update counted reaches the watchers
            JsonNode before = run.status();
            for (int step = 0; step < MAX_STEPS_PER_UPDATE && !run.done() && run.status().equals(before); step++) {
                run.advance(Instant.now(), DRIVE_STEP_SECONDS, MigrationFaults.none());
            }
            if (run.status().equals(before)) {
                unchanged.incrementAndGet();
                return;
            }
            writeStatus(run);
        }
    }

    private void writeStatus(MigrationRun run) {
        ArrayNode patch = JsonNodeFactory.instance.arrayNode();
        patch.addObject().put("op", "add").put("path", "/status").set("value", run.status());
        String path = "/apis/" + MigrationKinds.API_VERSION + "/namespaces/" + MigrationKinds.NAMESPACE + "/"
                + MigrationKinds.MIG_MIGRATION.plural() + "/" + run.name() + "/status";
        try {
            int code = cluster.answerInProcess("PATCH", path, PatchType.JSON.getContentType(), patch.toString());
            (code < 300 ? sent : failed).incrementAndGet();
        } catch (RuntimeException e) {
            failed.incrementAndGet();
        }
    }

    private synchronized void stopDriving(Instant now) {
        if (driveEnded == null) {
            driveEnded = now;
            pacer.shutdown();
            writers.shutdown();
            CompletableFuture.runAsync(() -> {
                try {
                    writers.awaitTermination(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                finished.complete(null);
            });
        }
    }

    private void createAll(List<GenericKubernetesResource> objects) {
        List<Runnable> creates = new ArrayList<>();
        for (GenericKubernetesResource object : objects) {
            MigrationKinds kind = java.util.Arrays.stream(MigrationKinds.values())
                    .filter(k -> k.kind().equals(object.getKind())).findFirst().orElseThrow();
            creates.add(() -> client.genericKubernetesResources(kind.context()).inNamespace(MigrationKinds.NAMESPACE)
                    .resource(object).create());
        }
        runAll(creates);
    }

    private static void runAll(List<Runnable> tasks) {
        var pool = Executors.newFixedThreadPool(WRITERS, r -> daemon(r, "simulated-migration-load-seed"));
        try {
            List<CompletableFuture<Void>> futures = tasks.stream().map(t -> CompletableFuture.runAsync(t, pool))
                    .toList();
            CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).join();
        } finally {
            pool.shutdownNow();
        }
    }

    private static GenericKubernetesResource object(String kind, String name, Map<String, Object> spec) {
        return new GenericKubernetesResourceBuilder().withApiVersion(MigrationKinds.API_VERSION).withKind(kind)
                .withNewMetadata().withName(name).withNamespace(MigrationKinds.NAMESPACE).endMetadata()
                .addToAdditionalProperties("spec", spec).build();
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }

    /** Waits until the load has stopped by itself; false when it still runs after the limit. */
    public boolean awaitFinished(Duration limit) {
        try {
            finished.get(limit.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            return true;
        }
    }

    /** Status updates written so far (the seeding ones included). */
    public long updatesSent() {
        return sent.get();
    }

    /** Updates not sent because the server was behind. */
    public long updatesSkipped() {
        return skipped.get();
    }

    public long updatesFailed() {
        return failed.get();
    }

    /** Updates not sent because the migration's status did not change (so no watcher would have seen them). */
    public long updatesUnchanged() {
        return unchanged.get();
    }

    /** The migrations the load holds. */
    public int migrations() {
        return runs.size();
    }

    @Override
    public void close() {
        stopDriving(Instant.now());
        pacer.shutdownNow();
        writers.shutdownNow();
        client.close();
    }
}
