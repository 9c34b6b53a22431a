package io.mtcassistant.network;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.mtcassistant.install.plan.KubeObjects;
import java.util.List;
import java.util.Map;

/**
 * OpenShift's namespace-wide egress rules: {@code EgressNetworkPolicy} ({@code network.openshift.io/v1}, OpenShift SDN
 * and OpenShift 3) and {@code EgressFirewall} ({@code k8s.ovn.org/v1}, OVN-Kubernetes). Rules are read in order and
 * the first that matches the destination decides; traffic no rule matches is allowed. They apply to every pod of the
 * namespace, so rsync's labels cannot exempt it: only an Allow rule for the other cluster before the Deny rules can.
 */
public final class EgressRulesEvaluator {

    public static final String SDN_API = "network.openshift.io/v1";
    public static final String SDN_KIND = "EgressNetworkPolicy";
    public static final String OVN_API = "k8s.ovn.org/v1";
    public static final String OVN_KIND = "EgressFirewall";

    private EgressRulesEvaluator() {
    }

    public static PolicyVerdict evaluate(GenericKubernetesResource object, Cidr other, int port) {
        String name = object.getKind() + " " + object.getMetadata().getName();
        List<Map<String, Object>> rules = rules(object);
        for (int i = 0; i < rules.size(); i++) {
            Map<String, Object> rule = rules.get(i);
            String type = String.valueOf(rule.get("type"));
            String target = KubeObjects.valueAt(rule, "to.cidrSelector").orElse(null);
            String rulePlace = name + " rule " + (i + 1) + " (" + type + " " + describeTo(rule) + ")";
            if (target == null) {
                continue; // dnsName / nodeSelector rules: the app cannot tell which addresses they cover
            }
            Cidr range;
            try {
                range = Cidr.parse("cidrSelector", target);
            } catch (InvalidSettingException e) {
                continue;
            }
            if (other == null) {
                if (range.prefixLength() == 0 && "Deny".equals(type)) {
                    return new PolicyVerdict(Verdict.BLOCKED, List.of(name), rulePlace + " denies every destination"
                            + " outside the cluster, the other cluster included");
                }
                return new PolicyVerdict(Verdict.UNSURE, List.of(name), rulePlace + " may cover the other cluster:"
                        + " enter its CIDR to know");
            }
            if (!range.overlaps(other) || !portsMatch(rule, port)) {
                continue;
            }
            if (!range.contains(other)) {
                return new PolicyVerdict(Verdict.UNSURE, List.of(name), rulePlace + " covers part of " + other);
            }
            if ("Allow".equals(type)) {
                return new PolicyVerdict(Verdict.ALLOWED, List.of(name), rulePlace + " allows " + other
                        + " (it comes before any Deny rule that covers it)");
            }
            return new PolicyVerdict(Verdict.BLOCKED, List.of(name), rulePlace + " denies " + other
                    + "; the first matching rule decides, so an Allow rule for it must come before this one");
        }
        return new PolicyVerdict(Verdict.ALLOWED, List.of(), name + ": no rule covers "
                + (other == null ? "the other cluster" : other) + ", so it is allowed");
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> rules(GenericKubernetesResource object) {
        Object spec = object.getAdditionalProperties().get("spec");
        if (spec instanceof Map<?, ?> m && m.get("egress") instanceof List<?> list) {
            return list.stream().filter(Map.class::isInstance).map(r -> (Map<String, Object>) r).toList();
        }
        return List.of();
    }

    private static boolean portsMatch(Map<String, Object> rule, int port) {
        if (!(rule.get("ports") instanceof List<?> ports) || ports.isEmpty() || port < 0) {
            return true;
        }
        return ports.stream().anyMatch(p -> p instanceof Map<?, ?> m
                && (m.get("port") == null || String.valueOf(m.get("port")).equals(String.valueOf(port))));
    }

    private static String describeTo(Map<String, Object> rule) {
        return KubeObjects.valueAt(rule, "to.cidrSelector")
                .or(() -> KubeObjects.valueAt(rule, "to.dnsName").map(d -> "dnsName " + d))
                .orElse("nodeSelector");
    }

    /** The rules with an Allow for {@code other} first, for the merge patch that fixes a blocking object. */
    public static List<Object> withAllowFirst(GenericKubernetesResource object, Cidr other) {
        List<Object> result = new java.util.ArrayList<>();
        Map<String, Object> allow = new java.util.LinkedHashMap<>();
        allow.put("type", "Allow");
        allow.put("to", Map.of("cidrSelector", other.toString()));
        result.add(allow);
        result.addAll(rules(object));
        return result;
    }
}
