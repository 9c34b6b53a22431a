package io.mtcassistant.network;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.networking.v1.IPBlock;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Kubernetes NetworkPolicy semantics for one pod and one flow: a pod is isolated for a direction when some policy in
 * its namespace selects it and has that policy type (omitted {@code policyTypes} mean Ingress, plus Egress when the
 * policy has egress rules); an isolated pod gets the union of the rules of all those policies; a rule with no peers
 * allows every peer, with no ports every port; {@code podSelector} alone means pods of the policy's namespace,
 * {@code namespaceSelector} (with an optional {@code podSelector}) pods of the selected namespaces, and
 * {@code ipBlock} addresses outside the cluster.
 */
public final class NetworkPolicyEvaluator {

    private enum Match { YES, MAYBE, NO }

    private NetworkPolicyEvaluator() {
    }

    public static PolicyVerdict evaluate(String namespace, Map<String, String> podLabels, List<NetworkPolicy> policies,
            RsyncFlow flow) {
        String type = flow.egress() ? "Egress" : "Ingress";
        List<NetworkPolicy> isolating = policies.stream()
                .filter(p -> LabelSelectors.matches(p.getSpec().getPodSelector(), podLabels))
                .filter(p -> policyTypes(p).contains(type)).toList();
        if (isolating.isEmpty()) {
            return new PolicyVerdict(Verdict.ALLOWED, List.of(), "no NetworkPolicy in " + namespace + " isolates the rsync"
                    + " pods for " + type.toLowerCase() + ", so " + flow.what() + " is allowed");
        }
        List<String> names = isolating.stream().map(p -> p.getMetadata().getName()).toList();
        List<String> unsure = new ArrayList<>();
        for (NetworkPolicy policy : isolating) {
            int number = 1;
            for (Rule rule : rules(policy, flow.egress())) {
                Match m = and(peers(rule.peers(), policy.getMetadata().getNamespace(), namespace, flow.peer()),
                        ports(rule.ports(), flow));
                if (m == Match.YES) {
                    return new PolicyVerdict(Verdict.ALLOWED, List.of(policy.getMetadata().getName()), "NetworkPolicy "
                            + policy.getMetadata().getName() + " " + type.toLowerCase() + " rule " + number + " allows "
                            + flow.what());
                }
                if (m == Match.MAYBE) {
                    unsure.add(policy.getMetadata().getName() + " rule " + number);
                }
                number++;
            }
        }
        String isolatedBy = "the rsync pods are isolated for " + type.toLowerCase() + " by " + String.join(", ", names);
        if (!unsure.isEmpty()) {
            return new PolicyVerdict(Verdict.UNSURE, names, isolatedBy + "; " + String.join(", ", unsure)
                    + " may allow " + flow.what() + " (it depends on a port or address range the app cannot know)");
        }
        return new PolicyVerdict(Verdict.BLOCKED, names, isolatedBy + " and no rule allows " + flow.what());
    }

    static List<String> policyTypes(NetworkPolicy p) {
        List<String> declared = p.getSpec().getPolicyTypes();
        if (declared != null && !declared.isEmpty()) {
            return declared;
        }
        boolean egressRules = p.getSpec().getEgress() != null && !p.getSpec().getEgress().isEmpty();
        return egressRules ? List.of("Ingress", "Egress") : List.of("Ingress");
    }

    private record Rule(List<NetworkPolicyPeer> peers, List<NetworkPolicyPort> ports) {
    }

    private static List<Rule> rules(NetworkPolicy p, boolean egress) {
        if (egress) {
            return p.getSpec().getEgress() == null ? List.of()
                    : p.getSpec().getEgress().stream().map(r -> new Rule(r.getTo(), r.getPorts())).toList();
        }
        return p.getSpec().getIngress() == null ? List.of()
                : p.getSpec().getIngress().stream().map(r -> new Rule(r.getFrom(), r.getPorts())).toList();
    }

    private static Match and(Match a, Match b) {
        if (a == Match.NO || b == Match.NO) {
            return Match.NO;
        }
        return a == Match.YES && b == Match.YES ? Match.YES : Match.MAYBE;
    }

    private static Match any(List<Match> matches) {
        if (matches.contains(Match.YES)) {
            return Match.YES;
        }
        return matches.contains(Match.MAYBE) ? Match.MAYBE : Match.NO;
    }

    private static Match peers(List<NetworkPolicyPeer> peers, String policyNamespace, String podNamespace,
            RsyncFlow.Peer peer) {
        if (peers == null || peers.isEmpty()) {
            return Match.YES;
        }
        String home = policyNamespace == null ? podNamespace : policyNamespace;
        return any(peers.stream().map(p -> peer(p, home, peer)).toList());
    }

    private static Match peer(NetworkPolicyPeer p, String home, RsyncFlow.Peer peer) {
        if (p.getIpBlock() != null) {
            return peer instanceof RsyncFlow.External external ? ipBlock(p.getIpBlock(), external.cidr()) : Match.NO;
        }
        if (!(peer instanceof RsyncFlow.InCluster pod)) {
            return Match.NO; // pod and namespace selectors only ever select pods of this cluster
        }
        LabelSelector namespaces = p.getNamespaceSelector();
        boolean namespaceOk = namespaces == null ? pod.namespace().equals(home)
                : LabelSelectors.matches(namespaces, pod.namespaceLabels());
        return namespaceOk && LabelSelectors.matches(p.getPodSelector(), pod.podLabels()) ? Match.YES : Match.NO;
    }

    private static Match ipBlock(IPBlock block, Cidr other) {
        if (other == null) {
            return Match.MAYBE;
        }
        Cidr allowed;
        try {
            allowed = Cidr.parse("ipBlock.cidr", block.getCidr());
        } catch (InvalidSettingException e) {
            return Match.NO;
        }
        if (!allowed.overlaps(other)) {
            return Match.NO;
        }
        boolean excepted = block.getExcept() != null && block.getExcept().stream().anyMatch(x -> {
            try {
                return Cidr.parse("ipBlock.except", x).overlaps(other);
            } catch (InvalidSettingException e) {
                return false;
            }
        });
        return allowed.contains(other) && !excepted ? Match.YES : Match.MAYBE;
    }

    private static Match ports(List<NetworkPolicyPort> ports, RsyncFlow flow) {
        if (ports == null || ports.isEmpty()) {
            return Match.YES;
        }
        return any(ports.stream().map(p -> port(p, flow)).toList());
    }

    private static Match port(NetworkPolicyPort p, RsyncFlow flow) {
        String protocol = p.getProtocol() == null ? "TCP" : p.getProtocol();
        if (!protocol.equals(flow.protocol())) {
            return Match.NO;
        }
        IntOrString port = p.getPort();
        if (port == null) {
            return Match.YES;
        }
        if (port.getIntVal() == null || flow.port() < 0) {
            return Match.MAYBE; // a named port, or a port the app does not know
        }
        int from = port.getIntVal();
        int to = p.getEndPort() == null ? from : p.getEndPort();
        return flow.port() >= from && flow.port() <= to ? Match.YES : Match.NO;
    }
}
