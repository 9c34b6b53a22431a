package io.mtcassistant.sim.migration;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.mtcassistant.sim.SimulatedCluster;
import io.mtcassistant.storage.KeyValues;
import io.mtcassistant.storage.RepositoryPlanner;
import io.mtcassistant.storage.RepositoryTarget;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's migrations on the simulated control cluster (sim-target): the MigClusters host and sim-source, a
 * MigStorage, five plans and migrations already finished, failed, paused and running, so the Monitor step is alive
 * when it opens. Seeded in the background so the demo pair starts as fast as before; a running cutover keeps
 * moving for about a minute, the paused one waits until it is canceled.
 */
public final class DemoMigrations implements AutoCloseable {

    /** Simulated seconds per second in the demo: a whole cutover takes about a minute. */
    public static final double DEMO_TIME_SCALE = 3;
    public static final String STORAGE = RepositoryPlanner.DEFAULT_NAME;
    /** The plans the demo holds. */
    public static final List<String> PLANS = List.of("webshop", "inventory", "payroll", "crm", "reports");

    private static final Logger LOG = LoggerFactory.getLogger(DemoMigrations.class);

    private final CompletableFuture<SimulatedMigrationController> started;
    private volatile boolean closed;
    private volatile PvDiscovery discovery;

    private DemoMigrations(SimulatedCluster source, SimulatedCluster target, DemoRepository repository) {
        started = CompletableFuture.supplyAsync(() -> seed(source, target, repository));
        started.exceptionally(e -> {
            if (!closed) {
                LOG.warn("the demo migrations could not be seeded: {}", e.getMessage());
            }
            return null;
        });
    }

    /**
     * Starts the simulated controller on the target and seeds the demo objects, in the background; the MigStorage
     * names {@code repository}, and the controller tests it (Ready only when it can write to that bucket).
     */
    public static DemoMigrations start(SimulatedCluster source, SimulatedCluster target, DemoRepository repository) {
        return new DemoMigrations(source, target, repository);
    }

    /** The controller once seeded (to plant faults or change the speed). */
    public SimulatedMigrationController awaitSeeded(Duration limit) {
        try {
            return started.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the demo migrations", e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("the demo migrations are not seeded: " + e.getMessage(), e);
        }
    }

    private SimulatedMigrationController seed(SimulatedCluster source, SimulatedCluster target,
            DemoRepository repository) {
        try (KubernetesClient sourceClient = source.client(); KubernetesClient targetClient = target.client()) {
            DemoSourceWorkloads.seed(sourceClient, targetClient);
        }
        discovery = new PvDiscovery(source.controllerClient(), target.controllerClient());
        SimulatedMigrationController controller = SimulatedMigrationController.on(target)
                .timeScale(DEMO_TIME_SCALE).planCheck(discovery).start();
        if (closed) {
            controller.close();
            return null;
        }
        try (KubernetesClient client = target.client()) {
            Instant now = Instant.now();
            createWithStatus(client, MigrationKinds.MIG_CLUSTER, object("MigCluster", "host",
                    Map.of("isHostCluster", true)), readyStatus("The cluster is ready.", now, true));
            Map<String, Object> remote = new LinkedHashMap<>();
            remote.put("isHostCluster", false);
            remote.put("url", source.url());
            remote.put("insecure", true);
            remote.put("exposedRegistryPath", "docker-registry-default.apps.sim-source.example");
            remote.put("serviceAccountSecretRef", Map.of("name", "sim-source-token", "namespace", "openshift-config"));
            createWithStatus(client, MigrationKinds.MIG_CLUSTER, object("MigCluster", "sim-source", remote),
                    readyStatus("The cluster is ready.", now, true));
            // not seeded Ready: the controller writes to the bucket it names, as it does for any MigStorage
            client.resource(RepositoryPlanner.secret(RepositoryPlanner.secretName(STORAGE), repository.keys(),
                    KeyValues.REAL)).create();
            client.resource(RepositoryPlanner.migStorage(STORAGE, RepositoryTarget.of(repository.endpoint(),
                    repository.bucket(), null, null, false))).create();
            controller.validateStoragesNow();
            plan(client, "webshop", List.of("webshop"), List.of(pv("webshop", "orders-db", "20Gi"),
                    pv("webshop", "media", "50Gi")), now);
            plan(client, "inventory", List.of("inventory", "inventory-db"),
                    List.of(pv("inventory-db", "postgres-data", "10Gi")), now);
            plan(client, "payroll", List.of("payroll"), List.of(pv("payroll", "mssql-data", "8Gi")), now);
            plan(client, "crm", List.of("crm"), List.of(pv("crm", "mongo-data", "15Gi"), pv("crm", "attachments",
                    "5Gi")), now);
            plan(client, "reports", List.of("reports"), List.of(), now);
            MigrationFaults none = MigrationFaults.none();
            controller.seedMigration(migration("webshop-stage-1", "webshop", true, false), Duration.ofHours(3), none);
            controller.seedMigration(migration("webshop-cutover-1", "webshop", false, true), Duration.ofSeconds(40),
                    none.slowing("DirectVolume", 3));
            controller.seedMigration(migration("inventory-stage-1", "inventory", true, false), Duration.ofDays(1),
                    none.failingAt("WaitForDirectVolumeMigrationToComplete", null));
            controller.seedMigration(migration("inventory-stage-2", "inventory", true, false), Duration.ofHours(20),
                    none.warning(true));
            controller.seedMigration(migration("payroll-cutover-1", "payroll", false, true), Duration.ofHours(1),
                    none.failingAt("InitialBackupCreated", "Backup openshift-migration/payroll-cutover-1-initial: "
                            + "failed. PodVolumeBackup payroll/mssql-data timed out after 1h0m0s (restic_timeout)."));
            controller.seedMigration(migration("crm-stage-1", "crm", true, false), Duration.ofMinutes(25),
                    none.blockingDirectVolume(true));
            return controller;
        } catch (RuntimeException e) {
            controller.close();
            throw e;
        }
    }

    private static void plan(KubernetesClient client, String name, List<String> namespaces,
            List<Map<String, Object>> volumes, Instant now) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("srcMigClusterRef", Map.of("name", "sim-source", "namespace", MigrationKinds.NAMESPACE));
        spec.put("destMigClusterRef", Map.of("name", "host", "namespace", MigrationKinds.NAMESPACE));
        spec.put("migStorageRef", Map.of("name", STORAGE, "namespace", MigrationKinds.NAMESPACE));
        spec.put("namespaces", namespaces);
        spec.put("persistentVolumes", volumes);
        spec.put("indirectImageMigration", false);
        spec.put("indirectVolumeMigration", false);
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("destStorageClasses", List.of(
                Map.of("name", "gp3-csi", "provisioner", "ebs.csi.aws.com", "default", true,
                        "volumeAccessModes", List.of(Map.of("volumeMode", "Filesystem",
                                "accessModes", List.of("ReadWriteOnce")))),
                Map.of("name", "ocs-storagecluster-cephfs", "provisioner", "openshift-storage.cephfs.csi.ceph.com",
                        "volumeAccessModes", List.of(Map.of("volumeMode", "Filesystem",
                                "accessModes", List.of("ReadWriteMany", "ReadWriteOnce"))))));
        status.put("srcStorageClasses", List.of(Map.of("name", "glusterfs-storage",
                "provisioner", "kubernetes.io/glusterfs", "default", true)));
        status.put("conditions", List.of(new Condition("Ready", "True", null, "Required",
                "The migration plan is ready.", now, false).toJson()));
        createWithStatus(client, MigrationKinds.MIG_PLAN, object("MigPlan", name, spec),
                Serialization.jsonMapper().valueToTree(status));
    }

    private static Map<String, Object> pv(String namespace, String pvc, String capacity) {
        return Map.of("name", DemoSourceWorkloads.volumeName(namespace, pvc),
                "capacity", capacity, "storageClass", "glusterfs-storage",
                "pvc", Map.of("namespace", namespace, "name", pvc, "accessModes", List.of("ReadWriteOnce"),
                        "volumeMode", "Filesystem"),
                "selection", Map.of("action", "copy", "copyMethod", "filesystem", "storageClass", "gp3-csi",
                        "accessMode", "ReadWriteOnce"),
                "supported", Map.of("actions", List.of("copy", "skip"), "copyMethods", List.of("filesystem")));
    }

    private static GenericKubernetesResource migration(String name, String plan, boolean stage, boolean quiesce) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("migPlanRef", Map.of("name", plan, "namespace", MigrationKinds.NAMESPACE));
        spec.put("stage", stage);
        if (quiesce) {
            spec.put("quiescePods", true);
        }
        GenericKubernetesResource migration = object("MigMigration", name, spec);
        migration.getMetadata().setLabels(Map.of("migration.openshift.io/migplan-name", plan));
        return migration;
    }

    private static GenericKubernetesResource object(String kind, String name, Map<String, Object> spec) {
        return new GenericKubernetesResourceBuilder().withApiVersion(MigrationKinds.API_VERSION).withKind(kind)
                .withNewMetadata().withName(name).withNamespace(MigrationKinds.NAMESPACE).endMetadata()
                .addToAdditionalProperties("spec", spec).build();
    }

    private static com.fasterxml.jackson.databind.JsonNode readyStatus(String message, Instant now,
            boolean cluster) {
        com.fasterxml.jackson.databind.node.ObjectNode status =
                com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        status.putArray("conditions").add(new Condition("Ready", "True", null, "Required", message, now, false)
                .toJson());
        if (cluster) {
            status.put("operatorVersion", "1.8.4");
        }
        return status;
    }

    private static void createWithStatus(KubernetesClient client, MigrationKinds kind,
            GenericKubernetesResource object, com.fasterxml.jackson.databind.JsonNode status) {
        SeededStatus.mark(object);
        client.genericKubernetesResources(kind.context()).inNamespace(MigrationKinds.NAMESPACE).resource(object)
                .create();
        com.fasterxml.jackson.databind.node.ArrayNode patch =
                com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
        patch.addObject().put("op", "add").put("path", "/status").set("value", status);
        client.genericKubernetesResources(kind.context()).inNamespace(MigrationKinds.NAMESPACE)
                .withName(object.getMetadata().getName()).subresource("status")
                .patch(PatchContext.of(PatchType.JSON), patch.toString());
    }

    @Override
    public void close() {
        closed = true;
        // when still seeding, the controller closes as soon as it exists
        started.thenAccept(controller -> {
            if (controller != null) {
                controller.close();
            }
            if (discovery != null) {
                discovery.close();
            }
        });
    }
}
