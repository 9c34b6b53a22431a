package io.mtcassistant.plans;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.mtcassistant.install.MigrationControllers;
import io.mtcassistant.monitor.Condition;
import io.mtcassistant.monitor.MigResources;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads a {@link PlanInventory}: MigClusters, MigStorages and limits on the control cluster; namespaces on the source. */
public final class PlanInventoryReader {

    private PlanInventoryReader() {
    }

    public static PlanInventory readControl(KubernetesClient control) {
        List<ReadyChoice> clusters = new ArrayList<>();
        String host = null;
        for (GenericKubernetesResource cluster : list(control, MigResources.MIG_CLUSTER)) {
            JsonNode node = Serialization.jsonMapper().valueToTree(cluster);
            if (node.path("spec").path("isHostCluster").asBoolean(false)) {
                host = node.path("metadata").path("name").asText();
            }
            String route = node.path("spec").path("exposedRegistryPath").asText("");
            if (route.isEmpty()) {
                route = node.path("status").path("registryPath").asText("");
            }
            clusters.add(choice(node, route.isEmpty() ? null : route));
        }
        List<ReadyChoice> storages = new ArrayList<>();
        for (GenericKubernetesResource storage : list(control, MigResources.MIG_STORAGE)) {
            storages.add(choice(Serialization.jsonMapper().valueToTree(storage), null));
        }
        JsonNode controller = readController(control);
        return new PlanInventory(clusters, storages, PlanLimits.of(controller), null,
                RsyncEndpoint.of(controller, host));
    }

    /** The control cluster's MigrationController, or null (none, or its kind not served: defaults apply). */
    static JsonNode readController(KubernetesClient control) {
        try {
            GenericKubernetesResource controller = control.genericKubernetesResources(MigrationControllers.API_VERSION,
                    MigrationControllers.KIND).inNamespace(MigResources.NAMESPACE).withName(MigrationControllers.NAME)
                    .get();
            return controller == null ? null : Serialization.jsonMapper().valueToTree(controller);
        } catch (KubernetesClientException e) {
            return null;
        }
    }

    /** The source's namespaces with their pod and claim counts. */
    public static List<SourceNamespace> readSourceNamespaces(KubernetesClient source) {
        Map<String, Integer> pods = new HashMap<>();
        source.pods().inAnyNamespace().list().getItems()
                .forEach(p -> pods.merge(p.getMetadata().getNamespace(), 1, Integer::sum));
        Map<String, Integer> claims = new HashMap<>();
        source.persistentVolumeClaims().inAnyNamespace().list().getItems()
                .forEach(p -> claims.merge(p.getMetadata().getNamespace(), 1, Integer::sum));
        List<SourceNamespace> namespaces = new ArrayList<>();
        for (Namespace namespace : source.namespaces().list().getItems()) {
            String name = namespace.getMetadata().getName();
            namespaces.add(new SourceNamespace(name, pods.getOrDefault(name, 0), claims.getOrDefault(name, 0)));
        }
        namespaces.sort(java.util.Comparator.comparing(SourceNamespace::name));
        return namespaces;
    }

    private static List<GenericKubernetesResource> list(KubernetesClient client,
            io.fabric8.kubernetes.client.dsl.base.CustomResourceDefinitionContext kind) {
        try {
            return client.genericKubernetesResources(kind).inNamespace(MigResources.NAMESPACE).list().getItems();
        } catch (KubernetesClientException e) {
            if (e.getCode() == 404) {
                return List.of(); // MTC is not installed there: nothing to offer
            }
            throw e;
        }
    }

    /** Ready when its Ready condition is True and nothing Critical is set; else why, from its conditions. */
    static ReadyChoice choice(JsonNode object, String registryPath) {
        String name = object.path("metadata").path("name").asText();
        List<Condition> conditions = Condition.listFrom(object.path("status").path("conditions"));
        boolean ready = conditions.stream().anyMatch(c -> c.type().equals("Ready") && c.status());
        List<String> blocking = conditions.stream().filter(c -> c.status() && PlanConditionGuide.isBlocking(c.category()))
                .map(c -> c.type() + (c.message() == null ? "" : ": " + c.message())).toList();
        if (ready && blocking.isEmpty()) {
            return ReadyChoice.ready(name, registryPath);
        }
        String why = !blocking.isEmpty() ? String.join("; ", blocking)
                : conditions.isEmpty() ? "not validated yet (no conditions)" : "no Ready condition";
        return new ReadyChoice(name, false, why, registryPath);
    }
}
