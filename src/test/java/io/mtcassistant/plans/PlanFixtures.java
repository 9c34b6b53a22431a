package io.mtcassistant.plans;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.List;

/** Plan requests, inventories and discovered plans for the engine tests. */
final class PlanFixtures {

    private PlanFixtures() {
    }

    static PlanRequest request(String name, String... namespaces) {
        return new PlanRequest(name, "sim-source", "host", "replication-repository",
                java.util.Arrays.stream(namespaces).map(NamespaceMapping::parse).toList(), List.of(), false, true,
                List.of());
    }

    static PlanInventory inventory(PlanLimits limits) {
        return new PlanInventory(List.of(ReadyChoice.ready("host", null),
                ReadyChoice.ready("sim-source", "docker-registry-default.apps.sim-source.example"),
                new ReadyChoice("old-cluster", false, "TestConnectFailed: dial tcp: i/o timeout", null)),
                List.of(ReadyChoice.ready("replication-repository", null)), limits,
                List.of(new SourceNamespace("shop", 3, 2), new SourceNamespace("wiki", 2, 1),
                        new SourceNamespace("openshift-monitoring", 20, 4), new SourceNamespace("big", 90, 99)));
    }

    /** A plan as the controller leaves it after discovery: three volumes of different storage classes. */
    static JsonNode discoveredPlan() {
        return Serialization.jsonMapper().valueToTree(Serialization.unmarshal("""
                {"apiVersion": "migration.openshift.io/v1alpha1", "kind": "MigPlan",
                 "metadata": {"name": "shop", "namespace": "openshift-migration"},
                 "spec": {"namespaces": ["shop"], "persistentVolumes": [
                   {"name": "pv-a", "capacity": "10Gi", "storageClass": "gp3-csi",
                    "pvc": {"namespace": "shop", "name": "db", "accessModes": ["ReadWriteOnce"]},
                    "supported": {"actions": ["copy", "skip"], "copyMethods": ["filesystem", "snapshot"]},
                    "selection": {}},
                   {"name": "pv-b", "capacity": "5Gi", "storageClass": "glusterfs-storage",
                    "pvc": {"namespace": "shop", "name": "media", "accessModes": ["ReadWriteMany"]},
                    "supported": {"actions": ["copy", "skip"], "copyMethods": ["filesystem"]},
                    "selection": {}},
                   {"name": "pv-c", "capacity": "1Gi", "storageClass": "nfs",
                    "pvc": {"namespace": "shop", "name": "shared", "accessModes": ["ReadWriteMany"]},
                    "supported": {"actions": ["copy", "move", "skip"], "copyMethods": ["filesystem"]},
                    "selection": {"action": "move"}}]},
                 "status": {"destStorageClasses": [
                   {"name": "gp3-csi", "provisioner": "ebs.csi.aws.com", "default": true,
                    "volumeAccessModes": [{"volumeMode": "Filesystem", "accessModes": ["ReadWriteOnce"]}]},
                   {"name": "ocs-storagecluster-cephfs", "provisioner": "openshift-storage.cephfs.csi.ceph.com",
                    "volumeAccessModes": [{"volumeMode": "Filesystem", "accessModes": ["ReadWriteMany", "ReadWriteOnce"]}]}]}}
                """, java.util.Map.class));
    }
}
