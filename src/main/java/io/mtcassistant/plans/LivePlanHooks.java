package io.mtcassistant.plans;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.mtcassistant.monitor.MigResources;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The hooks a live plan runs, as its edit starts from them: its spec.hooks entries joined with the MigHooks they
 * name, the names whose MigHook is gone, and the plan's hooks another plan refers to too (kept when this plan drops
 * them).
 */
public record LivePlanHooks(List<PlanHook> hooks, List<String> missing, Set<String> sharedWithOtherPlans) {

    public static final LivePlanHooks NONE = new LivePlanHooks(List.of(), List.of(), Set.of());

    public LivePlanHooks {
        hooks = List.copyOf(hooks);
        missing = List.copyOf(missing);
        sharedWithOtherPlans = Set.copyOf(sharedWithOtherPlans);
    }

    /** Reads the plan's MigHooks and the other plans' references from the control cluster. */
    public static LivePlanHooks read(KubernetesClient control, JsonNode plan) {
        String planName = plan.path("metadata").path("name").asText();
        List<PlanHook> hooks = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (JsonNode entry : plan.path("spec").path("hooks")) {
            String name = entry.path("reference").path("name").asText();
            GenericKubernetesResource hook = control.genericKubernetesResources(MigPlanManifests.MIG_HOOK)
                    .inNamespace(MigResources.NAMESPACE).withName(name).get();
            if (hook == null) {
                missing.add(name);
                continue;
            }
            try {
                hooks.add(PlanHook.of(entry, Serialization.jsonMapper().valueToTree(hook)));
            } catch (IllegalArgumentException e) {
                missing.add(name); // a phase MTC does not know: shown as missing, not guessed
            }
        }
        Set<String> shared = new TreeSet<>();
        List<String> own = PlanChanges.hookNames(plan);
        for (GenericKubernetesResource other : control.genericKubernetesResources(MigResources.MIG_PLAN)
                .inNamespace(MigResources.NAMESPACE).list().getItems()) {
            if (!other.getMetadata().getName().equals(planName)) {
                PlanChanges.hookNames(Serialization.jsonMapper().valueToTree(other)).stream().filter(own::contains)
                        .forEach(shared::add);
            }
        }
        return new LivePlanHooks(hooks, missing, shared);
    }

    /** The names of the MigHooks on the control cluster. */
    public static Set<String> migHookNames(KubernetesClient control) {
        Set<String> names = new TreeSet<>();
        control.genericKubernetesResources(MigPlanManifests.MIG_HOOK).inNamespace(MigResources.NAMESPACE).list()
                .getItems().forEach(h -> names.add(h.getMetadata().getName()));
        return names;
    }

    /**
     * A problem ("hook") per hook to be created under a name another MigHook has: the create would find it and keep
     * its spec, so the plan would run that one. {@code own}: the plan's own hooks, which are patched instead.
     */
    public static List<PlanProblem> takenNames(List<PlanHook> hooks, java.util.Collection<String> own,
            Set<String> existing) {
        return hooks.stream().filter(h -> !own.contains(h.name()) && existing.contains(h.name()))
                .map(h -> PlanProblem.error("hook", h.name() + ": a MigHook of that name exists in "
                        + MigResources.NAMESPACE + " (another plan's?): choose another name")).toList();
    }
}
