package io.mtcassistant.network;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.mtcassistant.install.plan.ChangeAction;
import io.mtcassistant.install.plan.KubeObjects;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fixes of procedure 7.4.2 as change-plan actions. The procedure gives its egress and its ingress NetworkPolicy
 * the same name ({@code allow-all-egress-from-rsync-pods}), so applying both would replace the first with the second;
 * here they have distinct names. For egress firewalls the procedure's example shows {@code type: Deny} for the other
 * cluster's CIDR, which blocks exactly the traffic that must pass: the fix is an {@code Allow} rule, placed first
 * because the first matching rule decides.
 */
public final class RsyncNetworkFixes {

    public static final String EGRESS_POLICY = "allow-all-egress-from-rsync-pods";
    public static final String INGRESS_POLICY = "allow-all-ingress-to-rsync-pods";

    private RsyncNetworkFixes() {
    }

    public static ChangeAction egressPolicy(String namespace) {
        return ChangeAction.createIfAbsent(policy(namespace, EGRESS_POLICY, "Egress", "egress"),
                "lets the rsync pods in " + namespace + " connect out (procedure 7.4.2.1.1); only pods with both rsync"
                        + " labels are exempted");
    }

    public static ChangeAction ingressPolicy(String namespace) {
        return ChangeAction.createIfAbsent(policy(namespace, INGRESS_POLICY, "Ingress", "ingress"),
                "lets connections reach the rsync pods in " + namespace + " (procedure 7.4.2.1.2, with its own name:"
                        + " the procedure reuses the egress policy's name)");
    }

    private static GenericKubernetesResource policy(String namespace, String name, String type, String rulesKey) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("podSelector", Map.of("matchLabels", new java.util.TreeMap<>(RsyncPods.LABELS)));
        spec.put(rulesKey, List.of(Map.of()));
        spec.put("policyTypes", List.of(type));
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("apiVersion", "networking.k8s.io/v1");
        object.put("kind", "NetworkPolicy");
        object.put("metadata", Map.of("name", name, "namespace", namespace,
                "labels", Map.of("app.kubernetes.io/managed-by", "mtc-assistant")));
        object.put("spec", spec);
        return KubeObjects.generic(object);
    }

    /** A merge patch that replaces the rules with an Allow for {@code other} followed by the existing rules. */
    public static ChangeAction allowFirst(GenericKubernetesResource egressObject, Cidr other) {
        Map<String, Object> patch = new LinkedHashMap<>();
        patch.put("apiVersion", egressObject.getApiVersion());
        patch.put("kind", egressObject.getKind());
        patch.put("metadata", Map.of("name", egressObject.getMetadata().getName(),
                "namespace", egressObject.getMetadata().getNamespace()));
        patch.put("spec", Map.of("egress", EgressRulesEvaluator.withAllowFirst(egressObject, other)));
        return ChangeAction.mergePatch(KubeObjects.generic(patch), "puts 'Allow " + other + "' before the existing"
                + " rules of " + egressObject.getKind() + " " + egressObject.getMetadata().getName() + ": the first"
                + " matching rule decides, and it applies to every pod of the namespace (labels cannot exempt rsync)");
    }
}
