package io.mtcassistant.plans;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * A namespace on the simulated source with one claim "data" that asks for 5Gi while its bound volume holds 8Gi: the
 * simulated controller proposes 8Gi for it (PvCapacityAdjustmentRequired) until capacityConfirmed.
 */
public final class GrownClaims {

    private GrownClaims() {
    }

    public static void create(KubernetesClient source, String namespace, String pvName) {
        source.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata()
                .build()).create();
        source.persistentVolumeClaims().inNamespace(namespace).resource(new PersistentVolumeClaimBuilder()
                .withNewMetadata().withName("data").endMetadata().withNewSpec().withStorageClassName("glusterfs-storage")
                .withAccessModes("ReadWriteOnce").withVolumeName(pvName).withNewResources()
                .addToRequests("storage", new Quantity("5Gi")).endResources().endSpec().withNewStatus()
                .withPhase("Bound").addToCapacity("storage", new Quantity("8Gi")).endStatus().build()).create();
    }
}
