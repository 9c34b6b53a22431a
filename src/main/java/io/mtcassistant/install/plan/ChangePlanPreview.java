package io.mtcassistant.install.plan;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The plan as it will be reviewed: YAML per action, and for a patch the diff against what the cluster has now. */
public final class ChangePlanPreview {

    private ChangePlanPreview() {
    }

    /** Without a cluster: no diffs. */
    public static List<ActionPreview> of(ChangePlan plan) {
        return of(plan, null);
    }

    public static List<ActionPreview> of(ChangePlan plan, KubernetesClient live) {
        List<ActionPreview> result = new ArrayList<>();
        int number = 1;
        for (ChangeAction action : plan.actions()) {
            String yaml = action.object() == null ? "" : KubeObjects.yaml(action.object());
            String diff = "";
            if (action.kind() == ActionKind.MERGE_PATCH && live != null) {
                diff = diff(action, live);
            }
            result.add(new ActionPreview(number++, action, yaml, diff));
        }
        return result;
    }

    private static String diff(ChangeAction action, KubernetesClient client) {
        ObjectRef ref = action.target();
        GenericKubernetesResource current;
        try {
            current = ref.live(client);
        } catch (KubernetesClientException e) {
            return "(could not read the live object: " + ServerErrors.describe(e) + ")";
        }
        if (current == null) {
            return "(" + ref + " is not on the cluster yet)";
        }
        Map<String, Object> before = comparable(KubeObjects.asMap(current));
        Map<String, Object> after = KubeObjects.merge(before, ChangePlanApplier.patchBody(action.object()));
        return unifiedDiff(KubeObjects.yaml(before), KubeObjects.yaml(after), ref.toString());
    }

    private static Map<String, Object> comparable(Map<String, Object> object) {
        Map<String, Object> copy = new LinkedHashMap<>(KubeObjects.withoutServerFields(object));
        copy.remove("status");
        return copy;
    }

    public static String unifiedDiff(String before, String after, String name) {
        List<String> a = before.lines().toList();
        List<String> b = after.lines().toList();
        var patch = DiffUtils.diff(a, b);
        if (patch.getDeltas().isEmpty()) {
            return "(no change: the cluster already has these values)";
        }
        return String.join("\n", UnifiedDiffUtils.generateUnifiedDiff("live " + name, "after patch", a, patch, 3)) + "\n";
    }

    /** The whole plan as text, for the command line and the log. */
    public static String text(ChangePlan plan, List<ActionPreview> previews) {
        StringBuilder s = new StringBuilder();
        s.append("# ").append(plan.cluster()).append(": ").append(plan.title()).append('\n');
        for (String note : plan.notes()) {
            s.append("# NOTE: ").append(note).append('\n');
        }
        for (ActionPreview p : previews) {
            s.append('\n').append(String.format("%02d  %s", p.number(), p.action().title())).append('\n');
            s.append("    why: ").append(p.action().reason()).append('\n');
            if (p.action().condition() != null && p.action().kind() == ActionKind.WAIT_FOR) {
                s.append("    until: ").append(p.action().condition().describe()).append(" (timeout ")
                        .append(p.action().condition().timeout().toSeconds()).append(" s)\n");
            }
            if (!p.diff().isEmpty()) {
                p.diff().lines().forEach(l -> s.append("    ").append(l).append('\n'));
            } else if (!p.yaml().isEmpty()) {
                p.yaml().lines().forEach(l -> s.append("    ").append(l).append('\n'));
            }
        }
        return s.toString();
    }
}
