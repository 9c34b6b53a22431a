package io.mtcassistant.storage;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.List;
import java.util.Map;

/**
 * The conditions of a MigStorage or MigCluster, each in plain words (the controller's message after it); shared by
 * the commands and the Repository page.
 */
public final class MigObjectConditions {

    private MigObjectConditions() {
    }

    @SuppressWarnings("unchecked")
    public static List<String> of(KubernetesClient client, ResourceDefinitionContext kind, String name) {
        GenericKubernetesResource object = client.genericKubernetesResources(kind)
                .inNamespace(StorageApis.MIGRATION_NAMESPACE).withName(name).get();
        if (object == null || !(object.getAdditionalProperties().get("status") instanceof Map<?, ?> status)
                || !(status.get("conditions") instanceof List<?> conditions)) {
            return List.of();
        }
        return conditions.stream().filter(Map.class::isInstance).map(c -> (Map<String, Object>) c)
                .map(c -> MigConditions.explain(String.valueOf(c.get("type")), String.valueOf(c.get("message")))
                        + ("Ready".equals(c.get("type")) ? "" : " [" + c.get("message") + "]"))
                .toList();
    }
}
