package io.mtcassistant.sim.migration;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The simulated controller's PlanConflict rule: another open MigPlan between the same two MigClusters migrates one
 * of this plan's source namespaces. An Error, so neither plan is Ready until one is closed, deleted or changed.
 * The plans are listed again after a few seconds (the 100 ms ticks ask for every plan).
 */
final class PlanConflicts implements PlanCheck {

    private static final Duration REFRESH = Duration.ofSeconds(2);

    private final KubernetesClient control;
    private List<JsonNode> plans = List.of();
    private Instant listedAt;

    PlanConflicts(KubernetesClient control) {
        this.control = java.util.Objects.requireNonNull(control);
    }

    @Override
    public List<PlanCondition> check(JsonNode plan, Objects objects) {
        if (plan.path("spec").path("closed").asBoolean(false)) {
            return List.of();
        }
        String name = plan.path("metadata").path("name").asText();
        Set<String> namespaces = sourceNamespaces(plan);
        List<String> conflicting = new ArrayList<>();
        for (JsonNode other : plans()) {
            if (other.path("metadata").path("name").asText().equals(name)
                    || other.path("spec").path("closed").asBoolean(false)
                    || !sameClusters(plan, other)) {
                continue;
            }
            Set<String> shared = sourceNamespaces(other);
            shared.retainAll(namespaces);
            if (!shared.isEmpty()) {
                conflicting.add(other.path("metadata").path("name").asText());
            }
        }
        return conflicting.isEmpty() ? List.of() : List.of(new PlanCondition("PlanConflict", "Conflict", "Error",
                "The plan is in conflict with [" + String.join(",", conflicting) + "]."));
    }

    private synchronized List<JsonNode> plans() {
        Instant now = Instant.now();
        if (listedAt == null || Duration.between(listedAt, now).compareTo(REFRESH) >= 0) {
            List<JsonNode> listed = new ArrayList<>();
            for (GenericKubernetesResource plan : control.genericKubernetesResources(MigrationKinds.MIG_PLAN.context())
                    .inNamespace(MigrationKinds.NAMESPACE).list().getItems()) {
                listed.add(Serialization.jsonMapper().valueToTree(plan));
            }
            plans = listed;
            listedAt = now;
        }
        return plans;
    }

    private static boolean sameClusters(JsonNode a, JsonNode b) {
        return a.path("spec").path("srcMigClusterRef").path("name").equals(b.path("spec").path("srcMigClusterRef")
                .path("name")) && a.path("spec").path("destMigClusterRef").path("name")
                        .equals(b.path("spec").path("destMigClusterRef").path("name"));
    }

    private static Set<String> sourceNamespaces(JsonNode plan) {
        Set<String> namespaces = new HashSet<>();
        plan.path("spec").path("namespaces").forEach(n -> namespaces.add(n.asText().split(":", 2)[0]));
        return namespaces;
    }
}
