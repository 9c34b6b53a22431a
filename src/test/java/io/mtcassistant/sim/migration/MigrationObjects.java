package io.mtcassistant.sim.migration;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Map;

/** MTC objects for the tests, shaped as the MTC web console creates them. */
final class MigrationObjects {

    private MigrationObjects() {
    }

    static GenericKubernetesResource cluster(String name, boolean host) {
        return object("MigCluster", name, Map.of("isHostCluster", host));
    }

    static GenericKubernetesResource storage(String name) {
        return object("MigStorage", name, Map.of("backupStorageProvider", "aws", "volumeSnapshotProvider", "aws"));
    }

    static GenericKubernetesResource plan(String name, String storage, Map<String, Object> extra) {
        Map<String, Object> spec = new java.util.LinkedHashMap<>();
        spec.put("srcMigClusterRef", Map.of("name", "sim-source", "namespace", MigrationKinds.NAMESPACE));
        spec.put("destMigClusterRef", Map.of("name", "host", "namespace", MigrationKinds.NAMESPACE));
        spec.put("migStorageRef", Map.of("name", storage, "namespace", MigrationKinds.NAMESPACE));
        spec.put("namespaces", List.of("shop"));
        spec.put("persistentVolumes", List.of(
                pv("pvc-1", "shop", "db-data", "10Gi"), pv("pvc-2", "shop", "uploads", "5Gi")));
        spec.putAll(extra);
        return object("MigPlan", name, spec);
    }

    static Map<String, Object> pv(String name, String namespace, String pvc, String capacity) {
        return Map.of("name", name, "capacity", capacity, "storageClass", "glusterfs-storage",
                "pvc", Map.of("namespace", namespace, "name", pvc, "accessModes", List.of("ReadWriteOnce")),
                "selection", Map.of("action", "copy", "copyMethod", "filesystem", "storageClass", "gp3-csi"),
                "supported", Map.of("actions", List.of("copy", "skip"), "copyMethods", List.of("filesystem")));
    }

    static GenericKubernetesResource migration(String name, String plan, Map<String, Object> spec) {
        Map<String, Object> full = new java.util.LinkedHashMap<>();
        full.put("migPlanRef", Map.of("name", plan, "namespace", MigrationKinds.NAMESPACE));
        full.put("stage", false);
        full.putAll(spec);
        return object("MigMigration", name, full);
    }

    static GenericKubernetesResource object(String kind, String name, Map<String, Object> spec) {
        return new GenericKubernetesResourceBuilder().withApiVersion(MigrationKinds.API_VERSION).withKind(kind)
                .withNewMetadata().withName(name).withNamespace(MigrationKinds.NAMESPACE).endMetadata()
                .addToAdditionalProperties("spec", spec).build();
    }

    static GenericKubernetesResource create(KubernetesClient client, GenericKubernetesResource object) {
        MigrationKinds kind = java.util.Arrays.stream(MigrationKinds.values())
                .filter(k -> k.kind().equals(object.getKind())).findFirst().orElseThrow();
        return client.genericKubernetesResources(kind.context()).inNamespace(MigrationKinds.NAMESPACE)
                .resource(object).create();
    }

    static GenericKubernetesResource get(KubernetesClient client, MigrationKinds kind, String name) {
        return client.genericKubernetesResources(kind.context()).inNamespace(MigrationKinds.NAMESPACE).withName(name)
                .get();
    }
}
