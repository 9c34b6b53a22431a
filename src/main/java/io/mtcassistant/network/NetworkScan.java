package io.mtcassistant.network;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Looks at the namespaces to migrate on one cluster and says, per namespace, what would stop the rsync pods: the
 * NetworkPolicies (evaluated for egress to the other cluster and ingress from this cluster's router) and the
 * EgressNetworkPolicy / EgressFirewall (rule order against the other cluster's CIDR). A namespace that does not exist
 * yet (a destination namespace MTC creates) has nothing that blocks.
 */
public final class NetworkScan {

    private static final Logger LOG = LoggerFactory.getLogger(NetworkScan.class);
    static final ResourceDefinitionContext SDN = context("network.openshift.io", "EgressNetworkPolicy", "egressnetworkpolicies");
    static final ResourceDefinitionContext OVN = context("k8s.ovn.org", "EgressFirewall", "egressfirewalls");

    private final String cluster;
    private final KubernetesClient client;
    private final Cidr otherCluster;
    private final RsyncEndpointType endpoint;

    /** {@code otherCluster} may be null (not entered yet): rules that depend on it are then "check". */
    public NetworkScan(String cluster, KubernetesClient client, Cidr otherCluster, RsyncEndpointType endpoint) {
        this.cluster = cluster;
        this.client = client;
        this.otherCluster = otherCluster;
        this.endpoint = endpoint == null ? RsyncEndpointType.ROUTE : endpoint;
    }

    private static ResourceDefinitionContext context(String group, String kind, String plural) {
        return new ResourceDefinitionContext.Builder().withGroup(group).withVersion("v1").withKind(kind)
                .withPlural(plural).withNamespaced(true).build();
    }

    /** The namespaces of the cluster, for the picker (sorted; system namespaces left out). */
    public static List<String> userNamespaces(KubernetesClient client) {
        return client.namespaces().list().getItems().stream().map(n -> n.getMetadata().getName())
                .filter(n -> !n.startsWith("openshift") && !n.startsWith("kube-") && !n.equals("default"))
                .sorted().toList();
    }

    public List<NetworkFinding> scan(List<String> namespaces) {
        RsyncFlow egress = RsyncFlow.egressToOtherCluster(otherCluster, endpoint == RsyncEndpointType.ROUTE ? 443 : -1);
        RsyncFlow ingress = RsyncFlow.ingressFromRouter(router());
        List<NetworkFinding> findings = new ArrayList<>();
        for (String namespace : namespaces) {
            if (client.namespaces().withName(namespace).get() == null) {
                continue;
            }
            List<NetworkPolicy> policies = client.network().v1().networkPolicies().inNamespace(namespace).list().getItems();
            PolicyVerdict out = NetworkPolicyEvaluator.evaluate(namespace, RsyncPods.LABELS, policies, egress);
            findings.add(new NetworkFinding(cluster, namespace, "NetworkPolicy", egress.what(), out,
                    out.verdict() == Verdict.ALLOWED ? List.of() : List.of(RsyncNetworkFixes.egressPolicy(namespace)),
                    out.verdict() == Verdict.ALLOWED ? "" : "create " + RsyncNetworkFixes.EGRESS_POLICY));
            PolicyVerdict in = NetworkPolicyEvaluator.evaluate(namespace, RsyncPods.LABELS, policies, ingress);
            findings.add(new NetworkFinding(cluster, namespace, "NetworkPolicy", ingress.what(), in,
                    in.verdict() == Verdict.ALLOWED ? List.of() : List.of(RsyncNetworkFixes.ingressPolicy(namespace)),
                    in.verdict() == Verdict.ALLOWED ? "" : "create " + RsyncNetworkFixes.INGRESS_POLICY));
            for (GenericKubernetesResource rules : egressRules(namespace)) {
                PolicyVerdict v = EgressRulesEvaluator.evaluate(rules, otherCluster, egress.port());
                boolean fixable = v.verdict() != Verdict.ALLOWED && otherCluster != null;
                findings.add(new NetworkFinding(cluster, namespace, rules.getKind(), egress.what(), v,
                        fixable ? List.of(RsyncNetworkFixes.allowFirst(rules, otherCluster)) : List.of(),
                        v.verdict() == Verdict.ALLOWED ? "" : otherCluster == null
                                ? "enter the other cluster's CIDR to generate the Allow rule"
                                : "add 'Allow " + otherCluster + "' as the first rule"));
            }
        }
        return findings;
    }

    private List<GenericKubernetesResource> egressRules(String namespace) {
        List<GenericKubernetesResource> result = new ArrayList<>();
        for (ResourceDefinitionContext kind : List.of(SDN, OVN)) {
            try {
                result.addAll(client.genericKubernetesResources(kind).inNamespace(namespace).list().getItems());
            } catch (KubernetesClientException e) {
                // the cluster's network plugin does not serve this kind: nothing of it can block
                LOG.debug("{}: {} not listed in {}: {}", cluster, kind.getKind(), namespace, e.getCode());
            }
        }
        return result;
    }

    /** The router's namespace as policies see it: openshift-ingress on OpenShift 4, default on OpenShift 3. */
    private RsyncFlow.InCluster router() {
        String name = client.namespaces().withName("openshift-ingress").get() != null ? "openshift-ingress" : "default";
        Namespace ns = client.namespaces().withName(name).get();
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("kubernetes.io/metadata.name", name);
        if (ns != null && ns.getMetadata().getLabels() != null) {
            labels.putAll(ns.getMetadata().getLabels());
        }
        return new RsyncFlow.InCluster(name, labels,
                Map.of("ingresscontroller.operator.openshift.io/deployment-ingresscontroller", "default"));
    }
}
