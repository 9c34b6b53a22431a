package io.mtcassistant.sim.migration;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.storage.StorageClassBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Map;

/**
 * The demo's applications on the simulated source (namespaces with pods and claims of different storage classes,
 * for PV discovery) and the storage classes of both clusters. The claims of the seeded plans' namespaces are bound
 * to the volumes those plans already list, so discovery leaves them as they are.
 */
public final class DemoSourceWorkloads {

    /** Namespaces the demo's New plan flow can pick (not in a seeded plan yet). */
    public static final List<String> FREE_NAMESPACES = List.of("wiki", "ci-tools", "billing");

    private DemoSourceWorkloads() {
    }

    public static void seed(KubernetesClient source, KubernetesClient target) {
        storageClass(source, "glusterfs-storage", "kubernetes.io/glusterfs", true);
        storageClass(source, "nfs-legacy", "example.com/nfs", false);
        storageClass(source, "standard-ebs", "kubernetes.io/aws-ebs", false);
        storageClass(target, "gp3-csi", "ebs.csi.aws.com", true);
        storageClass(target, "ocs-storagecluster-cephfs", "openshift-storage.cephfs.csi.ceph.com", false);
        namespace(source, "webshop", 3, Map.of("orders-db", "20Gi", "media", "50Gi"));
        namespace(source, "inventory", 2, Map.of());
        namespace(source, "inventory-db", 1, Map.of("postgres-data", "10Gi"));
        namespace(source, "payroll", 2, Map.of("mssql-data", "8Gi"));
        namespace(source, "crm", 2, Map.of("mongo-data", "15Gi", "attachments", "5Gi"));
        namespace(source, "reports", 1, Map.of());
        namespace(source, "wiki", 2, Map.of("wiki-db", "5Gi", "wiki-uploads", "20Gi"));
        namespace(source, "ci-tools", 4, Map.of("jenkins-home", "30Gi"));
        namespace(source, "billing", 1, Map.of("billing-ledger", "2Gi"));
    }

    /** The name of the volume bound to a demo claim. */
    public static String volumeName(String namespace, String claim) {
        return "pvc-" + Integer.toHexString((namespace + "/" + claim).hashCode());
    }

    private static void storageClass(KubernetesClient client, String name, String provisioner, boolean isDefault) {
        client.storage().v1().storageClasses().resource(new StorageClassBuilder().withNewMetadata().withName(name)
                .addToAnnotations("storageclass.kubernetes.io/is-default-class", String.valueOf(isDefault))
                .endMetadata().withProvisioner(provisioner).build()).create();
    }

    private static void namespace(KubernetesClient client, String name, int pods, Map<String, String> claims) {
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build())
                .createOr(io.fabric8.kubernetes.client.dsl.NonDeletingOperation::update);
        for (int i = 1; i <= pods; i++) {
            client.pods().inNamespace(name).resource(new PodBuilder().withNewMetadata().withName(name + "-" + i)
                    .endMetadata().withNewSpec().addNewContainer().withName("app").withImage("app:1").endContainer()
                    .endSpec().withNewStatus().withPhase("Running").endStatus().build()).create();
        }
        claims.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(claim -> {
            String storageClass = claim.getKey().equals("wiki-uploads") ? "nfs-legacy"
                    : claim.getKey().equals("jenkins-home") ? "standard-ebs" : "glusterfs-storage";
            String access = storageClass.equals("nfs-legacy") ? "ReadWriteMany" : "ReadWriteOnce";
            client.persistentVolumeClaims().inNamespace(name).resource(new PersistentVolumeClaimBuilder()
                    .withNewMetadata().withName(claim.getKey()).endMetadata().withNewSpec()
                    .withStorageClassName(storageClass).withAccessModes(access).withVolumeMode("Filesystem")
                    .withVolumeName(volumeName(name, claim.getKey()))
                    .withNewResources().addToRequests("storage", new Quantity(claim.getValue())).endResources()
                    .endSpec().withNewStatus().withPhase("Bound").addToCapacity("storage", new Quantity(claim.getValue()))
                    .endStatus().build()).create();
        });
    }
}
