package io.mtcassistant.plans;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.mtcassistant.install.plan.KubeObjects;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A plan request read back from YAML: a MigPlan (as Review exports it or as written by hand) and, in the same file,
 * the MigHooks it refers to; PV selections in spec.persistentVolumes become choices.
 */
public final class PlanRequestFile {

    private PlanRequestFile() {
    }

    /** @throws IllegalArgumentException when the text holds no MigPlan or a hook the plan names is missing */
    public static PlanRequest parse(String yaml, String where) {
        List<GenericKubernetesResource> objects = KubeObjects.parseAll(yaml, where);
        JsonNode plan = null;
        Map<String, JsonNode> hooks = new HashMap<>();
        for (GenericKubernetesResource object : objects) {
            JsonNode node = Serialization.jsonMapper().valueToTree(object);
            if ("MigPlan".equals(object.getKind())) {
                if (plan != null) {
                    throw new IllegalArgumentException(where + ": holds more than one MigPlan");
                }
                plan = node;
            } else if ("MigHook".equals(object.getKind())) {
                hooks.put(object.getMetadata().getName(), node);
            }
        }
        if (plan == null) {
            throw new IllegalArgumentException(where + ": holds no MigPlan");
        }
        return request(plan, hooks, where);
    }

    /** A live plan as a request, for checking an edit (its hooks are left out: they stay as they are). */
    public static PlanRequest ofLivePlan(JsonNode plan) {
        return request(plan, null, "plan " + plan.path("metadata").path("name").asText());
    }

    private static PlanRequest request(JsonNode plan, Map<String, JsonNode> hooks, String where) {
        JsonNode spec = plan.path("spec");
        List<NamespaceMapping> namespaces = new ArrayList<>();
        spec.path("namespaces").forEach(n -> namespaces.add(NamespaceMapping.parse(n.asText())));
        List<PvChoice> choices = new ArrayList<>();
        for (PlanVolume volume : PlanVolume.listFrom(plan)) {
            if (volume.selection() != null) {
                choices.add(volume.selection());
            }
        }
        List<PlanHook> planHooks = new ArrayList<>();
        for (JsonNode entry : hooks == null ? List.<JsonNode>of() : spec.path("hooks")) {
            String name = entry.path("reference").path("name").asText();
            JsonNode hook = hooks.get(name);
            if (hook == null) {
                throw new IllegalArgumentException(where + ": the plan names hook " + name + " but the file has no "
                        + "MigHook of that name");
            }
            try {
                planHooks.add(PlanHook.of(entry, hook));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": hook " + name + ": " + e.getMessage(), e);
            }
        }
        return new PlanRequest(plan.path("metadata").path("name").asText(""),
                spec.path("srcMigClusterRef").path("name").asText(""), spec.path("destMigClusterRef").path("name").asText(""),
                spec.path("migStorageRef").path("name").asText(""), namespaces, choices,
                !spec.path("indirectImageMigration").asBoolean(false), !spec.path("indirectVolumeMigration").asBoolean(false),
                planHooks);
    }
}
