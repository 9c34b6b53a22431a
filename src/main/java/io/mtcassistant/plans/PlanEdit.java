package io.mtcassistant.plans;

import java.util.Collection;
import java.util.List;

/**
 * What the admin wants an existing plan to be, as the plan window's pages show it after the changes: namespaces,
 * volume choices and capacity confirmations, copy options and hooks.
 */
public record PlanEdit(List<NamespaceMapping> namespaces, List<PvChoice> choices, Collection<String> confirmed,
        boolean directImages, boolean directVolumes, List<PlanHook> hooks) {

    public PlanEdit {
        namespaces = List.copyOf(namespaces);
        choices = List.copyOf(choices);
        confirmed = List.copyOf(confirmed);
        hooks = List.copyOf(hooks);
    }

    /** The plan as it is: no change yet (volume choices left to the live selections). */
    public static PlanEdit asLive(com.fasterxml.jackson.databind.JsonNode plan, LivePlanHooks hooks) {
        PlanRequest live = PlanRequestFile.ofLivePlan(plan);
        return new PlanEdit(live.namespaces(), List.of(), List.of(), live.directImages(), live.directVolumes(),
                hooks.hooks());
    }

    public PlanEdit withNamespaces(List<NamespaceMapping> changed) {
        return new PlanEdit(changed, choices, confirmed, directImages, directVolumes, hooks);
    }

    public PlanEdit withVolumes(List<PvChoice> changed, Collection<String> confirmations) {
        return new PlanEdit(namespaces, changed, confirmations, directImages, directVolumes, hooks);
    }

    public PlanEdit withOptions(boolean images, boolean volumes) {
        return new PlanEdit(namespaces, choices, confirmed, images, volumes, hooks);
    }

    public PlanEdit withHooks(List<PlanHook> changed) {
        return new PlanEdit(namespaces, choices, confirmed, directImages, directVolumes, changed);
    }
}
