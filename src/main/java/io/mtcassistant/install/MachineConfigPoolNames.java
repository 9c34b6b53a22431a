package io.mtcassistant.install;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.List;

/** The MachineConfigPools whose rollout an ImageContentSourcePolicy / ImageDigestMirrorSet change waits for. */
public final class MachineConfigPoolNames {

    private MachineConfigPoolNames() {
    }

    /** Empty where the cluster has none or the user may not list them (the plan then waits for no rollout). */
    public static List<String> of(KubernetesClient client) {
        try {
            return client.genericKubernetesResources("machineconfiguration.openshift.io/v1", "MachineConfigPool").list()
                    .getItems().stream().map(p -> p.getMetadata().getName()).toList();
        } catch (KubernetesClientException e) {
            return List.of();
        }
    }
}
