package io.mtcassistant.monitor;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.CustomResourceDefinitionContext;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.ArrayList;
import java.util.List;

/** Lists the watched kinds once (for one-shot reads: the CLI without --follow, and actions' fresh checks). */
public final class MigrationObjectsReader {

    private MigrationObjectsReader() {
    }

    public static List<JsonNode> list(KubernetesClient client, String namespace) {
        List<JsonNode> objects = new ArrayList<>();
        for (CustomResourceDefinitionContext kind : MigResources.WATCHED) {
            try {
                for (GenericKubernetesResource item : client.genericKubernetesResources(kind).inNamespace(namespace)
                        .list().getItems()) {
                    objects.add(Serialization.jsonMapper().valueToTree(item));
                }
            } catch (KubernetesClientException e) {
                boolean required = kind == MigResources.MIG_PLAN || kind == MigResources.MIG_MIGRATION;
                if (e.getCode() != 404 || required) {
                    throw e;
                }
            }
        }
        return objects;
    }
}
