package io.mtcassistant.plans;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.mtcassistant.install.plan.ChangeAction;
import io.mtcassistant.install.plan.ChangePlan;
import io.mtcassistant.install.plan.ObjectRef;
import io.mtcassistant.install.plan.WaitCondition;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
     * An existing plan changed to {@code wanted}, every change in one change plan (the diff Review shows, exported and
     * applied together): first the MigHooks, created or merge-patched when their image, playbook or cluster changed;
     * then one merge patch of the MigPlan; last the MigHooks the plan no longer runs are deleted, unless another plan
     * runs them too. In the patch a new namespace list goes without volume selections (the controller discovers the
     * volumes again, so choices for the old ones would be lost); else the selections and capacity confirmations when
     * one changed (the whole list is then written, defaults included); the copy options and the hook list when they
     * changed. Empty when nothing differs from the live plan.
     */
    public static Optional<ChangePlan> edit(String cluster, JsonNode plan, LivePlanHooks live, PlanEdit wanted) {
        String name = plan.path("metadata").path("name").asText();
        JsonNode spec = plan.path("spec");
        Map<String, Object> patch = new LinkedHashMap<>();
        List<String> changed = new ArrayList<>();
        List<String> liveNamespaces = new ArrayList<>();
        spec.path("namespaces").forEach(n -> liveNamespaces.add(n.asText()));
        List<String> namespaces = wanted.namespaces().stream().map(NamespaceMapping::specValue).toList();
        boolean newNamespaces = !namespaces.equals(liveNamespaces);
        if (newNamespaces) {
            patch.put("namespaces", namespaces);
            changed.add("namespaces: " + String.join(", ", namespaces));
        } else if (volumesChanged(plan, wanted.choices(), wanted.confirmed())) {
            List<PvChoice> resolved = PvSelections.resolve(plan, wanted.choices());
            patch.put("persistentVolumes", PvSelections.patchedVolumes(plan, resolved, wanted.confirmed()));
            changed.add(resolved.size() + " persistent volume selection(s)" + (wanted.confirmed().isEmpty() ? ""
                    : "; proposed capacity confirmed for " + String.join(", ", wanted.confirmed())));
        }
        if (wanted.directImages() == spec.path("indirectImageMigration").asBoolean(false)) {
            patch.put("indirectImageMigration", !wanted.directImages());
            changed.add((wanted.directImages() ? "direct" : "indirect") + " image migration");
        }
        if (wanted.directVolumes() == spec.path("indirectVolumeMigration").asBoolean(false)) {
            patch.put("indirectVolumeMigration", !wanted.directVolumes());
            changed.add((wanted.directVolumes() ? "direct" : "indirect") + " volume migration");
        }
        List<Map<String, Object>> entries = MigPlanManifests.hookEntries(wanted.hooks());
        JsonNode liveEntries = spec.path("hooks").isArray() ? spec.path("hooks")
                : com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
        if (!Serialization.jsonMapper().valueToTree(entries).equals(liveEntries)) {
            patch.put("hooks", entries);
            changed.add(hooksText(wanted.hooks()));
        }
        ChangePlan.Builder change = ChangePlan.builder(cluster, "Edit plan " + name);
        Map<String, PlanHook> before = new HashMap<>();
        live.hooks().forEach(h -> before.put(h.name(), h));
        int actions = 0;
        for (PlanHook hook : wanted.hooks()) {
            PlanHook old = before.get(hook.name());
            if (old == null || !old.sameMigHook(hook)) {
                change.add(hookAction(hook, old != null));
                actions++;
            }
        }
        if (!patch.isEmpty()) {
            change.add(ChangeAction.mergePatch(MigPlanManifests.object("MigPlan", name, patch),
                    String.join("; ", changed)));
            actions++;
        }
        List<String> kept = new ArrayList<>();
        for (PlanHook dropped : live.hooks()) {
            if (wanted.hooks().stream().anyMatch(h -> h.name().equals(dropped.name()))) {
                continue;
            }
            if (live.sharedWithOtherPlans().contains(dropped.name())) {
                kept.add(dropped.name());
            } else {
                change.add(ChangeAction.delete(MigPlanManifests.object("MigHook", dropped.name(), Map.of()),
                        "hook " + dropped.name() + ": the plan no longer runs it"));
                actions++;
            }
        }
        if (actions == 0) {
            return Optional.empty();
        }
        if (newNamespaces) {
            change.note("The controller discovers the volumes of the new namespace list; choose their copy options "
                    + "on Persistent volumes once it has.");
        }
        if (!kept.isEmpty()) {
            change.note("MigHook(s) " + String.join(", ", kept) + " stay on the cluster: another plan runs them too.");
        }
        return Optional.of(change.build());
    }

    /** Whether the pages' volume choices or confirmations differ from what the live plan holds. */
    private static boolean volumesChanged(JsonNode plan, List<PvChoice> choices, Collection<String> confirmed) {
        // what the pages show unchanged (the live selections, else the console's defaults) is no change
        boolean sameChoices = PvSelections.resolve(plan, choices).equals(PvSelections.resolve(plan, List.of()));
        boolean newConfirmations = PlanVolume.listFrom(plan).stream()
                .anyMatch(v -> confirmed.contains(v.name()) && !v.capacityConfirmed());
        return !sameChoices || newConfirmations;
    }

    /** A MigHook to create, or its merge patch (null removes the playbook of a hook that now runs a custom image). */
    private static ChangeAction hookAction(PlanHook hook, boolean exists) {
        GenericKubernetesResource object = MigPlanManifests.migHooks(List.of(hook)).get(0);
        if (!exists) {
            return ChangeAction.create(object, "hook " + hook.name() + " the plan runs");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> spec = (Map<String, Object>) object.getAdditionalProperties().get("spec");
        spec.putIfAbsent("playbook", null);
        return ChangeAction.mergePatch(object, "hook " + hook.name() + " changed");
    }

    private static String hooksText(List<PlanHook> hooks) {
        return hooks.isEmpty() ? "the plan runs no hooks" : hooks.size() + " hook(s): " + String.join(", ",
                hooks.stream().map(h -> h.name() + " at " + h.phase()).toList());
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
        for (PlanHook hook : hooks) {
            change.add(hookAction(hook, existing.contains(hook.name())));
        }
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("hooks", MigPlanManifests.hookEntries(hooks));
        change.add(ChangeAction.mergePatch(MigPlanManifests.object("MigPlan", name, spec), hooksText(hooks)));
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
