package io.mtcassistant.sim.migration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.mtcassistant.sim.SimulatedCluster;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A simulated MTC migration controller on the control cluster (a simulation, see the package notes): it watches
 * MigPlans, MigMigrations, MigClusters and MigStorages in openshift-migration, sets MigPlan conditions (Ready when
 * its MigClusters and MigStorage exist), and runs each new MigMigration through the MTC 1.7 or 1.8 itinerary it
 * asks for (stage, cutover, rollback; cancel on spec.canceled), writing status.phase, itinerary, pipeline,
 * conditions and errors, and the DirectVolumeMigration / DirectVolumeMigrationProgress objects, the way MTC
 * writes them. Time passes {@code timeScale} times faster than on the wall clock.
 */
public final class SimulatedMigrationController implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SimulatedMigrationController.class);
    private static final ObjectMapper JSON = Serialization.jsonMapper();
    private static final long TICK_MILLIS = 100;

    private final KubernetesClient client;
    private final StorageValidation storageValidation;
    private final ClusterValidation clusterValidation;
    private final MtcVersion version;
    private final List<PlanCheck> planChecks;
    private final Random random;
    private final ScheduledExecutorService ticker;
    private final Map<String, MigrationFaults> planted = new ConcurrentHashMap<>();
    /** A seeded migration keeps the trouble it was seeded with. */
    private final Map<String, MigrationFaults> seededFaults = new ConcurrentHashMap<>();
    private final Map<String, MigrationRun> runs = new ConcurrentHashMap<>();
    private final Map<String, String> written = new HashMap<>();
    private final Set<String> created = new HashSet<>();
    private final Set<String> unknownPlanReported = new HashSet<>();
    private final Set<String> seen = new HashSet<>();
    private final Map<MigrationKinds, SharedIndexInformer<GenericKubernetesResource>> informers =
            new LinkedHashMap<>();
    private volatile double timeScale;
    private Instant lastTick;
    private volatile boolean closed;

    private SimulatedMigrationController(Builder builder) {
        this.client = builder.cluster.client();
        this.storageValidation = new StorageValidation(client);
        this.clusterValidation = new ClusterValidation(client);
        this.version = builder.version;
        this.timeScale = builder.timeScale;
        this.planChecks = List.copyOf(builder.planChecks);
        this.random = new Random(builder.seed);
        MigrationKinds.install(client);
        for (MigrationKinds kind : List.of(MigrationKinds.MIG_PLAN, MigrationKinds.MIG_MIGRATION,
                MigrationKinds.MIG_CLUSTER, MigrationKinds.MIG_STORAGE)) {
            informers.put(kind, client.genericKubernetesResources(kind.context()).inNamespace(MigrationKinds.NAMESPACE)
                    .inform());
        }
        this.ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "simulated-mtc-controller");
            thread.setDaemon(true);
            return thread;
        });
        ticker.scheduleWithFixedDelay(this::tickSafely, 0, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** A controller on this cluster, MTC 1.8, at 1× time, once {@link Builder#start()} runs. */
    public static Builder on(SimulatedCluster controlCluster) {
        return new Builder(controlCluster);
    }

    public MtcVersion version() {
        return version;
    }

    /** Simulated seconds per wall-clock second (the demo runs a cutover in tens of seconds, tests in one or two). */
    public void timeScale(double simulatedSecondsPerSecond) {
        if (!(simulatedSecondsPerSecond > 0)) {
            throw new IllegalArgumentException("time scale must be positive: " + simulatedSecondsPerSecond);
        }
        this.timeScale = simulatedSecondsPerSecond;
    }

    /** Plants trouble for the migrations of a plan from now on; {@link MigrationFaults#none()} clears it. */
    public void plant(String planName, MigrationFaults faults) {
        planted.put(planName, Objects.requireNonNull(faults));
    }

    /**
     * Seeds a migration that started {@code ago} before now and has run since then (for the demo): it is created,
     * run through its itinerary on a simulated clock up to now, written, and keeps running live when not finished.
     */
    public void seedMigration(GenericKubernetesResource migration, Duration ago, MigrationFaults faults) {
        onTicker("seeding the migration", () -> {
            GenericKubernetesResource stored = client.genericKubernetesResources(MigrationKinds.MIG_MIGRATION.context())
                    .inNamespace(MigrationKinds.NAMESPACE).resource(migration).create();
            JsonNode node = JSON.valueToTree(stored);
            String planName = node.path("spec").path("migPlanRef").path("name").asText();
            GenericKubernetesResource plan = client.genericKubernetesResources(MigrationKinds.MIG_PLAN.context())
                    .inNamespace(MigrationKinds.NAMESPACE).withName(planName).get();
            Instant now = Instant.now();
            Instant clock = now.minus(ago);
            MigrationRun run = newRun(node, JSON.valueToTree(plan), clock);
            MigrationFaults effective = effectiveFaults(faults, plan, stored);
            while (clock.isBefore(now) && !run.done()) {
                clock = clock.plusSeconds(1);
                run.advance(clock, 1.0, effective);
            }
            runs.put(stored.getMetadata().getName(), run);
            seededFaults.put(stored.getMetadata().getName(), faults);
            write(run);
        });
    }

    /**
     * Tests the MigStorages now, as the next tick would (the informer may not hold a just-created one yet): the
     * demo's seeded MigStorage is Ready once this returns, or carries the reason it is not.
     */
    public void validateStoragesNow() {
        onTicker("validating the MigStorages", () -> storageValidation.validate(client.genericKubernetesResources(
                MigrationKinds.MIG_STORAGE.context()).inNamespace(MigrationKinds.NAMESPACE).list().getItems(),
                Instant.now()).forEach((name, status) -> patchStatus(MigrationKinds.MIG_STORAGE, name, status)));
    }

    /** Runs {@code work} on the controller's thread (which owns its state) and waits for it. */
    private void onTicker(String what, Runnable work) {
        try {
            ticker.submit(work).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + what, e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(what + " failed: " + e.getCause().getMessage(), e.getCause());
        }
    }

    private void tickSafely() {
        if (closed) {
            return;
        }
        try {
            tick();
        } catch (RuntimeException e) {
            if (!closed) {
                LOG.debug("simulated MTC controller: tick failed", e);
            }
        }
    }

    private void tick() {
        Instant now = Instant.now();
        double simulated = lastTick == null ? 0 : Duration.between(lastTick, now).toNanos() / 1e9 * timeScale;
        lastTick = now;
        storageValidation.validate(informers.get(MigrationKinds.MIG_STORAGE).getStore().list(), now)
                .forEach((name, status) -> patchStatus(MigrationKinds.MIG_STORAGE, name, status));
        clusterValidation.validate(informers.get(MigrationKinds.MIG_CLUSTER).getStore().list(), now)
                .forEach((name, status) -> patchStatus(MigrationKinds.MIG_CLUSTER, name, status));
        Map<String, JsonNode> plans = byName(MigrationKinds.MIG_PLAN);
        Map<String, Boolean> planReady = reconcilePlans(plans, now);
        for (GenericKubernetesResource migration : informers.get(MigrationKinds.MIG_MIGRATION).getStore().list()) {
            if (closed) {
                return;
            }
            String name = migration.getMetadata().getName();
            JsonNode node = JSON.valueToTree(migration);
            String planName = node.path("spec").path("migPlanRef").path("name").asText("");
            MigrationRun run = runs.get(name);
            JsonNode plan = plans.get(planName);
            if (run == null) {
                if (node.path("status").has("phase") || node.path("status").has("pipeline")) {
                    continue; // finished before this controller started, or not ours
                }
                if (plan == null) {
                    reportUnknownPlan(name, planName, now);
                    continue;
                }
                run = newRun(node, plan, now);
                runs.put(name, run);
            }
            if (node.path("spec").path("canceled").asBoolean(false)) {
                run.cancel(now);
            }
            run.planReady(planReady.getOrDefault(planName, false), now);
            GenericKubernetesResource planObject = plan == null ? null : JSON.convertValue(plan,
                    GenericKubernetesResource.class);
            MigrationFaults faults = seededFaults.getOrDefault(name,
                    planted.getOrDefault(planName, MigrationFaults.none()));
            run.advance(now, simulated, effectiveFaults(faults, planObject, migration));
            write(run);
        }
        Set<String> present = new HashSet<>();
        informers.get(MigrationKinds.MIG_MIGRATION).getStore().list()
                .forEach(m -> present.add(m.getMetadata().getName()));
        // a seeded run may be ahead of the watch; only runs of migrations seen before and now gone go
        runs.keySet().removeIf(name -> !present.contains(name) && seen.contains(name));
        seen.retainAll(present);
        seen.addAll(present);
    }

    private MigrationRun newRun(JsonNode migration, JsonNode plan, Instant now) {
        return new MigrationRun(migration.path("metadata").path("name").asText(),
                migration.path("metadata").path("uid").asText(null), migration.path("spec"),
                MigrationProfile.of(plan, migration), version, now, new Random(random.nextLong()));
    }

    private static MigrationFaults effectiveFaults(MigrationFaults faults, GenericKubernetesResource plan,
            GenericKubernetesResource migration) {
        MigrationFaults result = faults;
        if (plan != null) {
            result = result.withAnnotations(plan.getMetadata().getAnnotations());
        }
        return result.withAnnotations(migration.getMetadata().getAnnotations());
    }

    private void reportUnknownPlan(String migration, String planName, Instant now) {
        if (!unknownPlanReported.add(migration)) {
            return;
        }
        ObjectNode status = JsonNodeFactory.instance.objectNode();
        status.putArray("conditions").add(Condition.of("InvalidPlanRef", "NotFound", "Critical",
                "The `migPlanRef` must reference a valid `migplan`.", now).toJson());
        patchStatus(MigrationKinds.MIG_MIGRATION, migration, status);
    }

    private Map<String, JsonNode> byName(MigrationKinds kind) {
        Map<String, JsonNode> result = new HashMap<>();
        for (GenericKubernetesResource object : informers.get(kind).getStore().list()) {
            result.put(object.getMetadata().getName(), JSON.valueToTree(object));
        }
        return result;
    }

    private Map<String, Boolean> reconcilePlans(Map<String, JsonNode> plans, Instant now) {
        Map<String, JsonNode> clusters = byName(MigrationKinds.MIG_CLUSTER);
        Map<String, JsonNode> storages = byName(MigrationKinds.MIG_STORAGE);
        PlanCheck.Objects objects = new PlanCheck.Objects() {
            @Override
            public JsonNode migCluster(String name) {
                return clusters.get(name);
            }

            @Override
            public JsonNode migStorage(String name) {
                return storages.get(name);
            }
        };
        Map<String, Boolean> ready = new HashMap<>();
        for (Map.Entry<String, JsonNode> entry : plans.entrySet()) {
            JsonNode plan = entry.getValue();
            List<PlanCheck.PlanCondition> found = new ArrayList<>();
            Map<String, JsonNode> fields = new LinkedHashMap<>();
            for (PlanCheck check : planChecks) {
                found.addAll(check.check(plan, objects));
                fields.putAll(check.statusFields(plan));
            }
            boolean closedPlan = plan.path("spec").path("closed").asBoolean(false);
            if (closedPlan) {
                found.add(new PlanCheck.PlanCondition("Closed", null, "Advisory", "The migration plan is closed."));
            }
            boolean blocking = found.stream().anyMatch(c -> c.category().equals("Critical")
                    || c.category().equals("Error"));
            if (!blocking && !closedPlan) {
                found.add(new PlanCheck.PlanCondition("Ready", null, "Required", "The migration plan is ready."));
            }
            ready.put(entry.getKey(), !blocking && !closedPlan);
            writePlanConditions(entry.getKey(), plan, found, fields, now);
        }
        return ready;
    }

    private void writePlanConditions(String name, JsonNode plan, List<PlanCheck.PlanCondition> found,
            Map<String, JsonNode> fields, Instant now) {
        List<Condition> existing = new ArrayList<>();
        plan.path("status").path("conditions").forEach(c -> existing.add(Condition.fromJson(c)));
        List<Condition> desired = new ArrayList<>();
        for (PlanCheck.PlanCondition condition : found) {
            Condition fresh = new Condition(condition.type(), "True", condition.reason(), condition.category(),
                    condition.message(), now, false);
            desired.add(existing.stream().filter(fresh::sameAs).findFirst().orElse(fresh));
        }
        boolean same = desired.size() == existing.size()
                && desired.stream().allMatch(d -> existing.stream().anyMatch(d::sameAs))
                && fields.entrySet().stream().allMatch(f -> f.getValue().equals(plan.path("status").get(f.getKey())));
        if (same) {
            return;
        }
        ObjectNode status = plan.path("status").isObject() ? ((ObjectNode) plan.get("status")).deepCopy()
                : JsonNodeFactory.instance.objectNode();
        ArrayNode conditions = status.putArray("conditions");
        desired.forEach(c -> conditions.add(c.toJson()));
        fields.forEach(status::set);
        status.put("observedDigest", MigrationRunDigest.of(plan.path("spec")));
        patchStatus(MigrationKinds.MIG_PLAN, name, status);
    }

    private void write(MigrationRun run) {
        for (MigrationRun.Child child : run.children()) {
            String key = child.kind().plural() + "/" + child.name();
            if (created.add(key)) {
                try {
                    client.genericKubernetesResources(child.kind().context()).inNamespace(MigrationKinds.NAMESPACE)
                            .resource(JSON.convertValue(child.definition(), GenericKubernetesResource.class)).create();
                } catch (KubernetesClientException e) {
                    if (e.getCode() != 409) {
                        created.remove(key);
                        throw e;
                    }
                }
            }
            patchIfChanged(child.kind(), child.name(), child.status());
        }
        patchIfChanged(MigrationKinds.MIG_MIGRATION, run.name(), run.status());
    }

    private void patchIfChanged(MigrationKinds kind, String name, ObjectNode status) {
        String key = kind.plural() + "/" + name;
        String text = status.toString();
        if (text.equals(written.get(key))) {
            return;
        }
        patchStatus(kind, name, status);
        written.put(key, text);
    }

    private void patchStatus(MigrationKinds kind, String name, ObjectNode status) {
        ArrayNode patch = JsonNodeFactory.instance.arrayNode();
        patch.addObject().put("op", "add").put("path", "/status").set("value", status);
        try {
            client.genericKubernetesResources(kind.context()).inNamespace(MigrationKinds.NAMESPACE).withName(name)
                    .subresource("status").patch(PatchContext.of(PatchType.JSON), patch.toString());
        } catch (KubernetesClientException e) {
            if (e.getCode() != 404) {
                throw e;
            }
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        ticker.shutdownNow();
        try {
            ticker.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        informers.values().forEach(SharedIndexInformer::close);
        client.close();
    }

    /** Settings of a simulated controller. */
    public static final class Builder {
        private final SimulatedCluster cluster;
        private MtcVersion version = MtcVersion.V1_8;
        private double timeScale = 1;
        private long seed = 20261202L;
        private final List<PlanCheck> planChecks = new ArrayList<>(List.of(new PlanReferences()));

        private Builder(SimulatedCluster cluster) {
            this.cluster = Objects.requireNonNull(cluster);
        }

        public Builder version(MtcVersion mtcVersion) {
            this.version = Objects.requireNonNull(mtcVersion);
            return this;
        }

        public Builder timeScale(double simulatedSecondsPerSecond) {
            if (!(simulatedSecondsPerSecond > 0)) {
                throw new IllegalArgumentException("time scale must be positive: " + simulatedSecondsPerSecond);
            }
            this.timeScale = simulatedSecondsPerSecond;
            return this;
        }

        /** Seed of the random names, rates and speeds (the same seed gives the same demo). */
        public Builder seed(long randomSeed) {
            this.seed = randomSeed;
            return this;
        }

        /** One more MigPlan rule (PV discovery, cluster and storage validation of later simulations). */
        public Builder planCheck(PlanCheck check) {
            planChecks.add(Objects.requireNonNull(check));
            return this;
        }

        /** Installs the CRDs and starts watching and reconciling. */
        public SimulatedMigrationController start() {
            return new SimulatedMigrationController(this);
        }
    }
}
