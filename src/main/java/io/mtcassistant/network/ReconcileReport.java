package io.mtcassistant.network;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.mtcassistant.common.SecretMasker;
import io.mtcassistant.install.MigrationControllers;
import io.mtcassistant.install.plan.KubeObjects;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * What the operator made of the settings: the MigrationController's conditions, the keys of the {@code migration-proxy}
 * Secret (never its values) and the {@code migration-cluster-config} values (masked).
 */
public final class ReconcileReport {

    private ReconcileReport() {
    }

    public static List<String> read(KubernetesClient client) {
        List<String> lines = new ArrayList<>();
        GenericKubernetesResource controller = NetworkPlanner.liveController(client);
        if (controller == null) {
            lines.add("no MigrationController in " + MigrationControllers.NAMESPACE);
            return lines;
        }
        for (String type : List.of("Running", "Successful", "Failure")) {
            KubeObjects.valueAt(controller, "status.conditions[type=" + type + "].status").ifPresent(status ->
                    lines.add("MigrationController condition " + type + "=" + status + " "
                            + KubeObjects.valueAt(controller, "status.conditions[type=" + type + "].message").orElse("")));
        }
        Secret proxy = client.secrets().inNamespace(MigrationControllers.NAMESPACE).withName("migration-proxy").get();
        lines.add(proxy == null || proxy.getData() == null ? "Secret migration-proxy: not present"
                : "Secret migration-proxy keys: " + String.join(", ", new TreeMap<>(proxy.getData()).keySet()));
        ConfigMap config = client.configMaps().inNamespace(MigrationControllers.NAMESPACE)
                .withName("migration-cluster-config").get();
        if (config == null || config.getData() == null) {
            lines.add("ConfigMap migration-cluster-config: not present");
        } else {
            new TreeMap<>(config.getData()).forEach((k, v) -> lines.add("migration-cluster-config " + k + "="
                    + SecretMasker.mask(v)));
        }
        return lines;
    }
}
