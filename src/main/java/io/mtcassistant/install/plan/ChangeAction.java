package io.mtcassistant.install.plan;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.Objects;

/**
 * One step of a change plan. {@code object} is the exact object to create, the patch body (with apiVersion, kind and
 * metadata naming the target) for a merge patch, the object to delete, or the object to wait on (only its identity
 * counts). For an approve, {@code target} names the namespace and {@code csvName} the CSV whose InstallPlan to approve.
 *
 * @param kind    what it does
 * @param target  the object it is about
 * @param object  the YAML it carries; null for wait-for and approve
 * @param reason  one line: why this step is in the plan
 * @param condition for wait-for and approve: the condition and the timeout
 * @param csvName for approve: the ClusterServiceVersion the InstallPlan must install
 */
public record ChangeAction(ActionKind kind, ObjectRef target, GenericKubernetesResource object, String reason,
        WaitCondition condition, String csvName) {

    public ChangeAction {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(reason, "reason");
        if ((kind == ActionKind.WAIT_FOR || kind == ActionKind.APPROVE) && condition == null) {
            throw new IllegalArgumentException(kind.id() + " needs a condition with a timeout");
        }
        if (kind != ActionKind.WAIT_FOR && kind != ActionKind.APPROVE && object == null) {
            throw new IllegalArgumentException(kind.id() + " needs the object");
        }
    }

    public static ChangeAction create(GenericKubernetesResource object, String reason) {
        return new ChangeAction(ActionKind.CREATE, ObjectRef.of(object), object, reason, null, null);
    }

    public static ChangeAction createIfAbsent(GenericKubernetesResource object, String reason) {
        return new ChangeAction(ActionKind.CREATE_IF_ABSENT, ObjectRef.of(object), object, reason, null, null);
    }

    public static ChangeAction mergePatch(GenericKubernetesResource patch, String reason) {
        return new ChangeAction(ActionKind.MERGE_PATCH, ObjectRef.of(patch), patch, reason, null, null);
    }

    public static ChangeAction delete(GenericKubernetesResource object, String reason) {
        return new ChangeAction(ActionKind.DELETE, ObjectRef.of(object), object, reason, null, null);
    }

    public static ChangeAction waitFor(ObjectRef target, WaitCondition condition, String reason) {
        return new ChangeAction(ActionKind.WAIT_FOR, target, null, reason, condition, null);
    }

    /** Approve the InstallPlan in {@code namespace} that installs {@code csvName}; waits for it to appear. */
    public static ChangeAction approve(String namespace, String csvName, java.time.Duration timeout, String reason) {
        ObjectRef target = new ObjectRef("operators.coreos.com/v1alpha1", "InstallPlan", namespace, "(the one for " + csvName + ")");
        WaitCondition condition = new WaitCondition("spec.approved", java.util.List.of("true"), null, null, timeout);
        return new ChangeAction(ActionKind.APPROVE, target, null, reason, condition, csvName);
    }

    /** "create Namespace openshift-migration" */
    public String title() {
        return kind.id() + " " + target;
    }
}
