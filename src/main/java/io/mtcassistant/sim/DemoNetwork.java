package io.mtcassistant.sim;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.List;
import java.util.Map;

/**
 * The demo's network situation for the Proxy &amp; network step: the demo plans' namespaces on sim-source, one of them
 * ({@value #BLOCKED_NAMESPACE}) with a default-deny NetworkPolicy that blocks the rsync pods, and on sim-target the
 * router's namespace, an empty cluster-wide proxy and an install config with the machine network; each cluster's
 * nodes with their InternalIP addresses (sim-source's outside any install config, as OpenShift 3 has none).
 */
public final class DemoNetwork {

    public static final List<String> NAMESPACES = List.of("crm", "inventory", "inventory-db", "payroll", "reports",
            "webshop");
    public static final String BLOCKED_NAMESPACE = "crm";
    public static final String DENY_ALL = "deny-all";
    public static final String TARGET_MACHINE_NETWORK = "10.0.0.0/16";
    public static final List<String> SOURCE_NODE_ADDRESSES = List.of("192.168.10.11", "192.168.10.12");
    public static final List<String> TARGET_NODE_ADDRESSES = List.of("10.0.1.10", "10.0.1.11");

    private DemoNetwork() {
    }

    public static void seed(SimulatedCluster source, SimulatedCluster target) {
        try (KubernetesClient client = source.client()) {
            seedSource(client, source.name());
        }
        try (KubernetesClient client = target.client()) {
            seedTarget(client, target.name());
        }
    }

    /** The source's part of {@link #seed}: its namespaces, the deny-all policy and its nodes. */
    static void seedSource(KubernetesClient client, String clusterName) {
        for (String namespace : NAMESPACES) {
            client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata()
                    .build()).createOr(io.fabric8.kubernetes.client.dsl.NonDeletingOperation::update);
        }
        client.network().v1().networkPolicies().inNamespace(BLOCKED_NAMESPACE).resource(new NetworkPolicyBuilder()
                .withNewMetadata().withName(DENY_ALL).withNamespace(BLOCKED_NAMESPACE).endMetadata()
                .withNewSpec().withNewPodSelector().endPodSelector().withPolicyTypes("Ingress", "Egress").endSpec()
                .build()).create();
        nodes(client, clusterName, SOURCE_NODE_ADDRESSES);
    }

    /** The target's part of {@link #seed}: its nodes, the ingress namespace, the cluster Proxy and install config. */
    static void seedTarget(KubernetesClient client, String clusterName) {
        nodes(client, clusterName, TARGET_NODE_ADDRESSES);
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("openshift-ingress")
                .withLabels(Map.of("network.openshift.io/policy-group", "ingress",
                        "policy-group.network.openshift.io/ingress", ""))
                .endMetadata().build()).create();
        GenericKubernetesResource proxy = Serialization.unmarshal("apiVersion: config.openshift.io/v1\nkind: Proxy\n"
                + "metadata:\n  name: cluster\nspec:\n  trustedCA:\n    name: \"\"\n", GenericKubernetesResource.class);
        client.genericKubernetesResources("config.openshift.io/v1", "Proxy").resource(proxy).create();
        client.configMaps().inNamespace("kube-system").resource(new ConfigMapBuilder().withNewMetadata()
                .withName("cluster-config-v1").withNamespace("kube-system").endMetadata()
                .addToData("install-config", "apiVersion: v1\nbaseDomain: sim.example\nnetworking:\n"
                        + "  clusterNetwork:\n  - cidr: 10.128.0.0/14\n    hostPrefix: 23\n  machineNetwork:\n"
                        + "  - cidr: " + TARGET_MACHINE_NETWORK + "\n  networkType: OVNKubernetes\n"
                        + "  serviceNetwork:\n  - 172.30.0.0/16\n")
                .build()).create();
    }

    private static void nodes(KubernetesClient client, String cluster, List<String> addresses) {
        for (int i = 0; i < addresses.size(); i++) {
            String name = cluster + "-worker-" + i;
            client.nodes().resource(new io.fabric8.kubernetes.api.model.NodeBuilder().withNewMetadata().withName(name)
                    .endMetadata().withNewStatus().addNewAddress().withType("InternalIP").withAddress(addresses.get(i))
                    .endAddress().addNewAddress().withType("Hostname").withAddress(name).endAddress().endStatus()
                    .build()).createOr(io.fabric8.kubernetes.client.dsl.NonDeletingOperation::update);
        }
    }
}
