package io.mtcassistant.plans;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Persistent-volume choices after discovery: the defaults the web console proposes, the admin's choices applied on
 * top, the problems and warnings the console gives, and the spec.persistentVolumes list to patch.
 */
public final class PvSelections {

    private PvSelections() {
    }

    /**
     * The console's default for a volume: the controller's selection when it made one; else copy (or the first
     * supported action), filesystem, and the target class of the same name, else the target's default, else the
     * first; the claim's access mode when that class offers it.
     */
    public static PvChoice defaultFor(PlanVolume volume, List<DestStorageClass> classes) {
        PvAction action = volume.supportedActions().isEmpty() || volume.supportedActions().contains("copy")
                ? PvAction.COPY : PvAction.parse(volume.supportedActions().get(0));
        Optional<DestStorageClass> target = classes.stream().filter(c -> c.name().equals(volume.storageClass()))
                .findFirst().or(() -> classes.stream().filter(DestStorageClass::isDefault).findFirst())
                .or(() -> classes.stream().findFirst());
        String accessMode = target.flatMap(c -> volume.accessModes().stream().filter(c.accessModes()::contains)
                .findFirst()).orElse(null);
        PvChoice copyDefault = new PvChoice(volume.name(), PvAction.COPY, CopyMethod.FILESYSTEM,
                target.map(DestStorageClass::name).orElse(null), accessMode, false);
        PvChoice current = volume.selection();
        return merge(copyDefault, current != null ? current
                : new PvChoice(volume.name(), action, null, null, null, null));
    }

    /**
     * {@code change} on top of {@code base}: its non-null fields win. The copy fields are kept for a move or skip
     * too (they only count for a copy), so switching back to copy finds the defaults again.
     */
    public static PvChoice merge(PvChoice base, PvChoice change) {
        return new PvChoice(base.pvName(), change.action(), first(change.copyMethod(), base.copyMethod(),
                CopyMethod.FILESYSTEM), first(change.storageClass(), base.storageClass(), null),
                first(change.accessMode(), base.accessMode(), null), first(change.verify(), base.verify(), false));
    }

    private static <T> T first(T a, T b, T c) {
        return a != null ? a : b != null ? b : c;
    }

    /** Every volume's selection: defaults, then the admin's choices by PV name. */
    public static List<PvChoice> resolve(JsonNode plan, List<PvChoice> choices) {
        List<DestStorageClass> classes = DestStorageClass.listFrom(plan);
        Map<String, PvChoice> byName = new LinkedHashMap<>();
        choices.forEach(c -> byName.put(c.pvName(), c));
        List<PvChoice> result = new ArrayList<>();
        for (PlanVolume volume : PlanVolume.listFrom(plan)) {
            PvChoice base = defaultFor(volume, classes);
            PvChoice chosen = byName.get(volume.name());
            result.add(chosen == null ? base : merge(base, chosen));
        }
        return result;
    }

    /** Choices naming a PV the plan does not have, and what is wrong or risky with each selection. */
    public static List<PlanProblem> check(JsonNode plan, List<PvChoice> choices, boolean directVolumes) {
        List<PlanProblem> problems = new ArrayList<>();
        List<PlanVolume> volumes = PlanVolume.listFrom(plan);
        List<DestStorageClass> classes = DestStorageClass.listFrom(plan);
        for (PvChoice choice : choices) {
            if (volumes.stream().noneMatch(v -> v.name().equals(choice.pvName()))) {
                problems.add(PlanProblem.error("pv", choice.pvName() + " is not a persistent volume of this plan "
                        + "(known: " + String.join(", ", volumes.stream().map(PlanVolume::name).toList()) + ")"));
            }
        }
        List<PvChoice> resolved = resolve(plan, choices);
        for (int i = 0; i < volumes.size(); i++) {
            check(problems, volumes.get(i), resolved.get(i), classes, directVolumes);
        }
        return problems;
    }

    private static void check(List<PlanProblem> problems, PlanVolume volume, PvChoice choice,
            List<DestStorageClass> classes, boolean directVolumes) {
        String pv = volume.name() + " (" + volume.namespace() + "/" + volume.claim() + ")";
        if (!volume.supportedActions().isEmpty() && !volume.supportedActions().contains(choice.action().id())) {
            problems.add(PlanProblem.error("pv", pv + ": the controller does not support " + choice.action().id()
                    + " for this volume (supported: " + String.join(", ", volume.supportedActions()) + ")"
                    + (choice.action() == PvAction.MOVE ? "; move needs storage both clusters reach, such as NFS" : "")));
        }
        if (choice.action() == PvAction.MOVE) {
            problems.add(PlanProblem.warning("pv", pv + ": move re-attaches the source's storage on the target; the "
                    + "target cluster must reach it, and the data is not copied (no way back after a cutover but "
                    + "a rollback)"));
        }
        if (choice.action() != PvAction.COPY) {
            return;
        }
        if (!volume.supportedCopyMethods().isEmpty()
                && !volume.supportedCopyMethods().contains(choice.copyMethod().id())) {
            problems.add(PlanProblem.error("pv", pv + ": copy method " + choice.copyMethod().id() + " is not supported "
                    + "for this volume (supported: " + String.join(", ", volume.supportedCopyMethods()) + ")"));
        }
        if (choice.storageClass() == null) {
            problems.add(PlanProblem.error("pv", pv + ": no target storage class (the plan lists none yet)"));
        } else {
            Optional<DestStorageClass> target = classes.stream().filter(c -> c.name().equals(choice.storageClass()))
                    .findFirst();
            if (target.isEmpty()) {
                problems.add(PlanProblem.error("pv", pv + ": storage class " + choice.storageClass()
                        + " is not on the target (it has: " + String.join(", ",
                                classes.stream().map(DestStorageClass::name).toList()) + ")"));
            } else if (choice.accessMode() != null && !target.get().accessModes().isEmpty()
                    && !target.get().accessModes().contains(choice.accessMode())) {
                problems.add(PlanProblem.warning("pv", pv + ": storage class " + choice.storageClass()
                        + " does not offer " + choice.accessMode() + " (it offers " + String.join(", ",
                                target.get().accessModes()) + ")"));
            }
        }
        if (choice.copyMethod() == CopyMethod.SNAPSHOT) {
            problems.add(PlanProblem.warning("pv", pv + ": a snapshot copy needs the same cloud provider and region "
                    + "on both clusters" + (directVolumes ? "; it goes through the repository even with direct "
                    + "volume migration" : "")));
            if (Boolean.TRUE.equals(choice.verify())) {
                problems.add(PlanProblem.warning("pv", pv + ": verify applies to filesystem copies only"));
            }
        }
    }

    /**
     * Capacity confirmations naming a PV the plan does not have (an error), or one without a proposed capacity
     * (a warning: nothing to confirm).
     */
    public static List<PlanProblem> checkConfirmations(JsonNode plan, java.util.Collection<String> confirmed) {
        List<PlanProblem> problems = new ArrayList<>();
        List<PlanVolume> volumes = PlanVolume.listFrom(plan);
        for (String name : confirmed) {
            Optional<PlanVolume> volume = volumes.stream().filter(v -> v.name().equals(name)).findFirst();
            if (volume.isEmpty()) {
                problems.add(PlanProblem.error("capacity-confirmed", name + " is not a persistent volume of this plan "
                        + "(known: " + String.join(", ", volumes.stream().map(PlanVolume::name).toList()) + ")"));
            } else if (volume.get().proposedCapacity() == null) {
                problems.add(PlanProblem.warning("capacity-confirmed", name + ": the controller proposes no other "
                        + "capacity for this volume; nothing to confirm"));
            }
        }
        return problems;
    }

    /** spec.persistentVolumes of the plan with these selections, for a merge patch (lists are replaced whole). */
    public static List<Map<String, Object>> patchedVolumes(JsonNode plan, List<PvChoice> resolved) {
        return patchedVolumes(plan, resolved, java.util.Set.of());
    }

    /**
     * The same, with {@code capacityConfirmed: true} on the volumes named in {@code confirmed}: the admin accepts the
     * controller's proposedCapacity for their target claims (the condition PvCapacityAdjustmentRequired goes).
     */
    public static List<Map<String, Object>> patchedVolumes(JsonNode plan, List<PvChoice> resolved,
            java.util.Collection<String> confirmed) {
        List<Map<String, Object>> volumes = new ArrayList<>();
        int i = 0;
        for (JsonNode pv : plan.path("spec").path("persistentVolumes")) {
            Map<String, Object> entry = io.mtcassistant.install.plan.KubeObjects.asMap(pv);
            if (confirmed.contains(pv.path("name").asText())) {
                entry.put("capacityConfirmed", true);
            }
            PvChoice choice = resolved.get(i++);
            Map<String, Object> selection = new LinkedHashMap<>();
            selection.put("action", choice.action().id());
            if (choice.action() == PvAction.COPY) {
                selection.put("copyMethod", choice.copyMethod().id());
                if (choice.storageClass() != null) {
                    selection.put("storageClass", choice.storageClass());
                }
                if (choice.accessMode() != null) {
                    selection.put("accessMode", choice.accessMode());
                }
                selection.put("verify", Boolean.TRUE.equals(choice.verify()));
            }
            entry.put("selection", selection);
            volumes.add(entry);
        }
        return volumes;
    }
}
