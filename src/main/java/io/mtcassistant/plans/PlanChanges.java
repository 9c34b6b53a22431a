package io.mtcassistant.plans;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.mtcassistant.install.plan.ChangeAction;
import io.mtcassistant.install.plan.ChangePlan;
import io.mtcassistant.install.plan.ObjectRef;
import io.mtcassistant.install.plan.WaitCondition;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plan changes as change plans of the Operators step (diff preview, export, apply): create (hooks, then the plan,
 * then wait until the controller has validated it), edit (a merge patch of the namespaces or the PV selections),
 * close and delete.
 */
public final class PlanChanges {

    /** How long the controller gets to validate a new plan. */
    public static final Duration VALIDATION_TIMEOUT = Duration.ofMinutes(2);

    private PlanChanges() {
    }

    public static ChangePlan create(String cluster, PlanRequest request) {
        ChangePlan.Builder plan = ChangePlan.builder(cluster, "Create migration plan " + request.name());
        for (GenericKubernetesResource hook : MigPlanManifests.migHooks(request)) {
            plan.add(ChangeAction.create(hook, "hook " + hook.getMetadata().getName() + " the plan runs"));
        }
        GenericKubernetesResource migPlan = MigPlanManifests.migPlan(request);
        plan.add(ChangeAction.create(migPlan, "the plan: " + request.namespaces().size() + " namespace(s) from "
                + request.sourceCluster() + " to " + request.targetCluster()));
        plan.add(ChangeAction.waitFor(ObjectRef.of(migPlan), validated(),
                "the controller discovers the persistent volumes and validates the plan"));
        if (!request.pvChoices().isEmpty()) {
            plan.note("The persistent-volume choices (" + request.pvChoices().size() + ") are applied with "
                    + "`plan edit` once the controller has discovered the volumes.");
        }
        return plan.build();
    }

    /** Ready, or a Critical condition: either way the controller has looked at the plan. */
    static WaitCondition validated() {
        return new WaitCondition("status.conditions[type=Ready].status", List.of("True"), List.of("Critical"),
                "status.conditions[category=Critical].message", VALIDATION_TIMEOUT,
                "status.conditions[category=Critical].category");
    }

    /** New namespaces for a plan (the controller re-discovers its volumes). */
    public static ChangePlan editNamespaces(String cluster, String planName, List<NamespaceMapping> namespaces) {
        return patch(cluster, planName, "Edit the namespaces of plan " + planName,
                Map.of("namespaces", namespaces.stream().map(NamespaceMapping::specValue).toList()),
                "namespaces: " + String.join(", ", namespaces.stream().map(NamespaceMapping::specValue).toList()));
    }

    /** The PV selections with these choices applied on top of the defaults; {@code plan} is the live MigPlan. */
    public static ChangePlan editVolumes(String cluster, JsonNode plan, List<PvChoice> choices) {
        return editVolumes(cluster, plan, choices, List.of());
    }

    /** The same, also confirming the controller's proposed capacity of the volumes named in {@code confirmed}. */
    public static ChangePlan editVolumes(String cluster, JsonNode plan, List<PvChoice> choices,
            java.util.Collection<String> confirmed) {
        String name = plan.path("metadata").path("name").asText();
        List<PvChoice> resolved = PvSelections.resolve(plan, choices);
        return patch(cluster, name, "Edit the persistent volumes of plan " + name,
                Map.of("persistentVolumes", PvSelections.patchedVolumes(plan, resolved, confirmed)),
                resolved.size() + " persistent volume selection(s)" + (confirmed.isEmpty() ? ""
                        : "; proposed capacity confirmed for " + String.join(", ", confirmed)));
    }

    /**
     * The Monitor's Edit…: one merge patch of what differs from the live plan. A new namespace list goes alone (the
     * controller discovers the volumes again, so choices for the old ones would be lost); else the volume selections
     * and capacity confirmations when the admin changed one (the whole list is then written, defaults included).
     * Empty when nothing was changed.
     */
    public static java.util.Optional<ChangePlan> edit(String cluster, JsonNode plan, List<NamespaceMapping> namespaces,
            List<PvChoice> choices, java.util.Collection<String> confirmed) {
        String name = plan.path("metadata").path("name").asText();
        List<String> live = new java.util.ArrayList<>();
        plan.path("spec").path("namespaces").forEach(n -> live.add(n.asText()));
        List<String> wanted = namespaces.stream().map(NamespaceMapping::specValue).toList();
        if (!wanted.equals(live)) {
            ChangePlan.Builder change = ChangePlan.builder(cluster, "Edit plan " + name);
            change.add(ChangeAction.mergePatch(MigPlanManifests.object("MigPlan", name, Map.of("namespaces", wanted)),
                    "namespaces: " + String.join(", ", wanted)));
            return java.util.Optional.of(change.note("The controller discovers the volumes of the new namespace list; "
                    + "choose their copy options on Persistent volumes once it has.").build());
        }
        // what the pages show unchanged (the live selections, else the console's defaults) is no change
        boolean sameChoices = PvSelections.resolve(plan, choices).equals(PvSelections.resolve(plan, List.of()));
        boolean newConfirmations = PlanVolume.listFrom(plan).stream()
                .anyMatch(v -> confirmed.contains(v.name()) && !v.capacityConfirmed());
        if (sameChoices && !newConfirmations) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(editVolumes(cluster, plan, choices, confirmed));
    }

    /** Close or delete, as the Monitor's buttons and `plan close|delete` do them ({@code plan} is the live MigPlan). */
    public static ChangePlan closeOrDelete(String cluster, JsonNode plan, PlanChangeRules.Change change) {
        String name = plan.path("metadata").path("name").asText();
        return switch (change) {
            case CLOSE -> close(cluster, name);
            case DELETE -> delete(cluster, name, hookNames(plan));
            case EDIT -> throw new IllegalArgumentException("an edit is built from what the admin changed: edit(...)");
        };
    }

    /** Copy options: direct or indirect image and volume migration. */
    public static ChangePlan editOptions(String cluster, String planName, boolean directImages, boolean directVolumes) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("indirectImageMigration", !directImages);
        spec.put("indirectVolumeMigration", !directVolumes);
        return patch(cluster, planName, "Edit the migration options of plan " + planName, spec,
                (directImages ? "direct" : "indirect") + " image and " + (directVolumes ? "direct" : "indirect")
                        + " volume migration");
    }

    /**
     * The plan's hooks replaced by {@code hooks}: MigHooks the live plan already refers to are patched, new ones
     * created, then spec.hooks is patched. A MigHook the plan stops using is kept (another plan may use it).
     */
    public static ChangePlan editHooks(String cluster, JsonNode plan, List<PlanHook> hooks) {
        String name = plan.path("metadata").path("name").asText();
        List<String> existing = hookNames(plan);
        ChangePlan.Builder change = ChangePlan.builder(cluster, "Edit the hooks of plan " + name);
        for (GenericKubernetesResource hook : MigPlanManifests.migHooks(hooks)) {
            String hookName = hook.getMetadata().getName();
            if (existing.contains(hookName)) {
                @SuppressWarnings("unchecked")
                Map<String, Object> spec = (Map<String, Object>) hook.getAdditionalProperties().get("spec");
                // null in a merge patch removes the playbook of a hook that now runs a custom image
                spec.putIfAbsent("playbook", null);
                change.add(ChangeAction.mergePatch(hook, "hook " + hookName + " changed"));
            } else {
                change.add(ChangeAction.create(hook, "hook " + hookName + " the plan runs"));
            }
        }
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("hooks", MigPlanManifests.hookEntries(hooks));
        change.add(ChangeAction.mergePatch(MigPlanManifests.object("MigPlan", name, spec), hooks.isEmpty()
                ? "the plan runs no hooks" : hooks.size() + " hook(s): " + String.join(", ",
                        hooks.stream().map(h -> h.name() + " at " + h.phase()).toList())));
        List<String> dropped = existing.stream().filter(h -> hooks.stream().noneMatch(k -> k.name().equals(h)))
                .toList();
        if (!dropped.isEmpty()) {
            change.note("MigHook(s) " + String.join(", ", dropped) + " are no longer used by this plan and stay on "
                    + "the cluster (delete them with oc when no other plan uses them).");
        }
        return change.build();
    }

    /** Closing keeps the plan (and its history) but no migration can start from it. */
    public static ChangePlan close(String cluster, String planName) {
        return patch(cluster, planName, "Close migration plan " + planName, Map.of("closed", true),
                "a closed plan starts no migrations; its history stays");
    }

    public static ChangePlan delete(String cluster, String planName, List<String> hookNames) {
        ChangePlan.Builder plan = ChangePlan.builder(cluster, "Delete migration plan " + planName);
        plan.add(ChangeAction.delete(MigPlanManifests.object("MigPlan", planName, Map.of()),
                "the plan; its MigMigrations stay until deleted"));
        for (String hook : hookNames) {
            plan.add(ChangeAction.delete(MigPlanManifests.object("MigHook", hook, Map.of()), "the plan's hook"));
        }
        return plan.note("Deleting a plan does not undo its migrations: roll back first if that is what you want.")
                .build();
    }

    private static ChangePlan patch(String cluster, String planName, String title, Map<String, Object> spec,
            String reason) {
        GenericKubernetesResource body = MigPlanManifests.object("MigPlan", planName, spec);
        return ChangePlan.builder(cluster, title).add(ChangeAction.mergePatch(body, reason)).build();
    }

    /** Names of the hooks a live plan refers to (deleted with it). */
    public static List<String> hookNames(JsonNode plan) {
        List<String> names = new java.util.ArrayList<>();
        plan.path("spec").path("hooks").forEach(h -> names.add(h.path("reference").path("name").asText()));
        return names.stream().filter(n -> !n.isEmpty()).toList();
    }
}
