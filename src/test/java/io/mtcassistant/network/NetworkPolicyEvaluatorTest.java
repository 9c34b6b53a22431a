package io.mtcassistant.network;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One test per policy set; each asks about rsync egress to the other cluster and ingress from the router. */
class NetworkPolicyEvaluatorTest {

    private static final Cidr OTHER = Cidr.parse("other", "10.20.0.0/16");
    private static final RsyncFlow EGRESS = RsyncFlow.egressToOtherCluster(OTHER, 443);
    private static final RsyncFlow INGRESS = RsyncFlow.ingressFromRouter(new RsyncFlow.InCluster("openshift-ingress",
            Map.of("kubernetes.io/metadata.name", "openshift-ingress", "network.openshift.io/policy-group", "ingress"),
            Map.of("ingresscontroller.operator.openshift.io/deployment-ingresscontroller", "default")));

    private static List<NetworkPolicy> policies(String yaml) {
        return Arrays.stream(yaml.split("(?m)^---$")).filter(s -> !s.isBlank())
                .map(s -> Serialization.unmarshal(s, NetworkPolicy.class)).toList();
    }

    private static PolicyVerdict egress(String yaml) {
        return NetworkPolicyEvaluator.evaluate("app", RsyncPods.LABELS, policies(yaml), EGRESS);
    }

    private static PolicyVerdict ingress(String yaml) {
        return NetworkPolicyEvaluator.evaluate("app", RsyncPods.LABELS, policies(yaml), INGRESS);
    }

    private static final String HEAD = "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  namespace: app\n  name: ";

    @Test
    void noPoliciesAllowEverything() {
        assertThat(egress("").verdict()).isEqualTo(Verdict.ALLOWED);
        assertThat(ingress("").explanation()).contains("no NetworkPolicy in app isolates");
    }

    @Test
    void defaultDenyAllBlocksBothDirections() {
        String yaml = HEAD + "deny-all\nspec:\n  podSelector: {}\n  policyTypes: [Ingress, Egress]\n";
        assertThat(egress(yaml).verdict()).isEqualTo(Verdict.BLOCKED);
        assertThat(egress(yaml).deciders()).containsExactly("deny-all");
        assertThat(ingress(yaml).verdict()).isEqualTo(Verdict.BLOCKED);
    }

    @Test
    void denyEgressOnlyLeavesIngressOpen() {
        String yaml = HEAD + "deny-egress\nspec:\n  podSelector: {}\n  policyTypes: [Egress]\n";
        assertThat(egress(yaml).verdict()).isEqualTo(Verdict.BLOCKED);
        assertThat(ingress(yaml).verdict()).isEqualTo(Verdict.ALLOWED);
    }

    @Test
    void omittedPolicyTypesMeanIngressOnlyWithoutEgressRules() {
        String yaml = HEAD + "deny-in\nspec:\n  podSelector: {}\n";
        assertThat(ingress(yaml).verdict()).isEqualTo(Verdict.BLOCKED);
        assertThat(egress(yaml).verdict()).isEqualTo(Verdict.ALLOWED);
    }

    @Test
    void omittedPolicyTypesIncludeEgressWhenThereAreEgressRules() {
        String yaml = HEAD + "dns-only\nspec:\n  podSelector: {}\n  egress:\n  - ports:\n    - protocol: UDP\n      port: 53\n";
        PolicyVerdict v = egress(yaml);
        assertThat(v.verdict()).isEqualTo(Verdict.BLOCKED);
        assertThat(v.explanation()).contains("isolated for egress by dns-only");
    }

    @Test
    void aPolicyForOtherLabelsDoesNotIsolateRsyncPods() {
        String yaml = HEAD + "web-only\nspec:\n  podSelector:\n    matchLabels:\n      app: web\n  policyTypes: [Ingress, Egress]\n";
        assertThat(egress(yaml).verdict()).isEqualTo(Verdict.ALLOWED);
        assertThat(ingress(yaml).verdict()).isEqualTo(Verdict.ALLOWED);
    }

    @Test
    void anAllowForOtherLabelsDoesNotHelpWhenEverythingIsDenied() {
        String yaml = HEAD + "deny-all\nspec:\n  podSelector: {}\n  policyTypes: [Ingress, Egress]\n---\n"
                + HEAD + "allow-web\nspec:\n  podSelector:\n    matchLabels:\n      app: web\n  egress:\n  - {}\n"
                + "  policyTypes: [Egress]\n";
        assertThat(egress(yaml).verdict()).isEqualTo(Verdict.BLOCKED);
    }

    @Test
    void theProceduresRsyncPoliciesAllowAgainstDefaultDeny() {
        String yaml = HEAD + "deny-all\nspec:\n  podSelector: {}\n  policyTypes: [Ingress, Egress]\n---\n"
                + HEAD + "allow-all-egress-from-rsync-pods\nspec:\n  podSelector:\n    matchLabels:\n"
                + "      owner: directvolumemigration\n      app: directvolumemigration-rsync-transfer\n"
                + "  egress:\n  - {}\n  policyTypes: [Egress]\n---\n"
                + HEAD + "allow-all-ingress-to-rsync-pods\nspec:\n  podSelector:\n    matchLabels:\n"
                + "      owner: directvolumemigration\n  ingress:\n  - {}\n  policyTypes: [Ingress]\n";
        assertThat(egress(yaml).verdict()).isEqualTo(Verdict.ALLOWED);
        assertThat(egress(yaml).explanation()).contains("allow-all-egress-from-rsync-pods");
        assertThat(ingress(yaml).verdict()).isEqualTo(Verdict.ALLOWED);
    }

    @Test
    void podSelectorPeersOnlyMeanPodsOfTheSameNamespace() {
        String yaml = HEAD + "same-ns\nspec:\n  podSelector: {}\n  ingress:\n  - from:\n    - podSelector: {}\n";
        PolicyVerdict v = ingress(yaml);
        assertThat(v.verdict()).isEqualTo(Verdict.BLOCKED);
        assertThat(v.explanation()).contains("no rule allows");
    }

    @Test
    void namespaceSelectorForTheIngressNamespaceAllowsTheRouter() {
        String yaml = HEAD + "from-router\nspec:\n  podSelector: {}\n  ingress:\n  - from:\n    - namespaceSelector:\n"
                + "        matchLabels:\n          network.openshift.io/policy-group: ingress\n";
        assertThat(ingress(yaml).verdict()).isEqualTo(Verdict.ALLOWED);
        String other = yaml.replace("policy-group: ingress", "policy-group: monitoring");
        assertThat(ingress(other).verdict()).isEqualTo(Verdict.BLOCKED);
        String all = HEAD + "from-all-ns\nspec:\n  podSelector: {}\n  ingress:\n  - from:\n    - namespaceSelector: {}\n";
        assertThat(ingress(all).verdict()).isEqualTo(Verdict.ALLOWED);
    }

    @Test
    void namespaceAndPodSelectorTogetherMustBothMatch() {
        String yaml = HEAD + "router-pods\nspec:\n  podSelector: {}\n  ingress:\n  - from:\n    - namespaceSelector: {}\n"
                + "      podSelector:\n        matchExpressions:\n        - key: app\n          operator: In\n"
                + "          values: [prometheus]\n";
        assertThat(ingress(yaml).verdict()).isEqualTo(Verdict.BLOCKED);
    }

    @Test
    void ipBlocksDecideEgressToTheOtherCluster() {
        String covers = HEAD + "to-dc\nspec:\n  podSelector: {}\n  policyTypes: [Egress]\n  egress:\n  - to:\n"
                + "    - ipBlock:\n        cidr: 10.0.0.0/8\n";
        assertThat(egress(covers).verdict()).isEqualTo(Verdict.ALLOWED);
        String excepted = covers + "        except: [10.20.5.0/24]\n";
        assertThat(egress(excepted).verdict()).isEqualTo(Verdict.UNSURE);
        String elsewhere = covers.replace("10.0.0.0/8", "192.168.0.0/16");
        assertThat(egress(elsewhere).verdict()).isEqualTo(Verdict.BLOCKED);
        PolicyVerdict unknownOther = NetworkPolicyEvaluator.evaluate("app", RsyncPods.LABELS, policies(covers),
                RsyncFlow.egressToOtherCluster(null, 443));
        assertThat(unknownOther.verdict()).isEqualTo(Verdict.UNSURE);
    }

    @Test
    void portsAndProtocolsLimitARule() {
        String yaml = HEAD + "https-out\nspec:\n  podSelector: {}\n  policyTypes: [Egress]\n  egress:\n  - ports:\n"
                + "    - port: 443\n";
        assertThat(egress(yaml).verdict()).isEqualTo(Verdict.ALLOWED);
        assertThat(egress(yaml.replace("port: 443", "port: 8443")).verdict()).isEqualTo(Verdict.BLOCKED);
        assertThat(egress(yaml.replace("- port: 443", "- port: 400\n      endPort: 500")).verdict())
                .isEqualTo(Verdict.ALLOWED);
        assertThat(egress(yaml.replace("- port: 443", "- protocol: UDP\n      port: 443")).verdict())
                .isEqualTo(Verdict.BLOCKED);
        assertThat(egress(yaml.replace("port: 443", "port: https")).verdict()).isEqualTo(Verdict.UNSURE);
    }

    @Test
    void matchExpressionsOnThePodSelector() {
        String yaml = HEAD + "not-rsync\nspec:\n  podSelector:\n    matchExpressions:\n    - key: owner\n"
                + "      operator: NotIn\n      values: [directvolumemigration]\n  policyTypes: [Egress]\n";
        assertThat(egress(yaml).verdict()).isEqualTo(Verdict.ALLOWED);
        String exists = yaml.replace("operator: NotIn\n      values: [directvolumemigration]", "operator: Exists");
        assertThat(egress(exists).verdict()).isEqualTo(Verdict.BLOCKED);
    }
}
