package io.mtcassistant.network;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.junit.jupiter.api.Test;

class EgressRulesEvaluatorTest {

    private static final Cidr OTHER = Cidr.parse("other", "10.20.0.0/16");

    private static GenericKubernetesResource sdn(String rules) {
        return Serialization.unmarshal("apiVersion: network.openshift.io/v1\nkind: EgressNetworkPolicy\nmetadata:\n"
                + "  name: test-egress-policy\n  namespace: app\nspec:\n  egress:\n" + rules, GenericKubernetesResource.class);
    }

    private static GenericKubernetesResource ovn(String rules) {
        return Serialization.unmarshal("apiVersion: k8s.ovn.org/v1\nkind: EgressFirewall\nmetadata:\n  name: default\n"
                + "  namespace: app\nspec:\n  egress:\n" + rules, GenericKubernetesResource.class);
    }

    private static final String DENY_ALL = "  - type: Deny\n    to:\n      cidrSelector: 0.0.0.0/0\n";
    private static final String ALLOW_OTHER = "  - type: Allow\n    to:\n      cidrSelector: 10.20.0.0/16\n";

    @Test
    void denyAllBlocksAndAnAllowAfterItDoesNotHelp() {
        PolicyVerdict v = EgressRulesEvaluator.evaluate(sdn(DENY_ALL + ALLOW_OTHER), OTHER, 443);
        assertThat(v.verdict()).isEqualTo(Verdict.BLOCKED);
        assertThat(v.explanation()).contains("rule 1 (Deny 0.0.0.0/0)").contains("must come before");
    }

    @Test
    void anAllowBeforeTheDenyWins() {
        PolicyVerdict v = EgressRulesEvaluator.evaluate(sdn(ALLOW_OTHER + DENY_ALL), OTHER, 443);
        assertThat(v.verdict()).isEqualTo(Verdict.ALLOWED);
        assertThat(v.explanation()).contains("rule 1 (Allow 10.20.0.0/16)");
    }

    @Test
    void theProceduresDenyExampleForTheOtherClusterBlocks() {
        assertThat(EgressRulesEvaluator.evaluate(sdn("  - type: Deny\n    to:\n      cidrSelector: 10.20.0.0/16\n"),
                OTHER, 443).verdict()).isEqualTo(Verdict.BLOCKED);
    }

    @Test
    void rulesForOtherRangesAndDnsNamesAreSkipped() {
        String rules = "  - type: Deny\n    to:\n      dnsName: www.example.com\n"
                + "  - type: Deny\n    to:\n      cidrSelector: 192.168.0.0/16\n";
        PolicyVerdict v = EgressRulesEvaluator.evaluate(ovn(rules), OTHER, 443);
        assertThat(v.verdict()).isEqualTo(Verdict.ALLOWED);
        assertThat(v.explanation()).contains("no rule covers 10.20.0.0/16");
    }

    @Test
    void egressFirewallPortsLimitTheRule() {
        String rules = "  - type: Allow\n    to:\n      cidrSelector: 10.20.0.0/16\n    ports:\n    - protocol: TCP\n"
                + "      port: 80\n" + DENY_ALL;
        assertThat(EgressRulesEvaluator.evaluate(ovn(rules), OTHER, 443).verdict()).isEqualTo(Verdict.BLOCKED);
        assertThat(EgressRulesEvaluator.evaluate(ovn(rules.replace("port: 80", "port: 443")), OTHER, 443).verdict())
                .isEqualTo(Verdict.ALLOWED);
    }

    @Test
    void partialCoverAndUnknownOtherClusterAreUnsure() {
        String part = "  - type: Deny\n    to:\n      cidrSelector: 10.20.5.0/24\n";
        assertThat(EgressRulesEvaluator.evaluate(ovn(part), OTHER, 443).verdict()).isEqualTo(Verdict.UNSURE);
        assertThat(EgressRulesEvaluator.evaluate(ovn(part), null, 443).verdict()).isEqualTo(Verdict.UNSURE);
        assertThat(EgressRulesEvaluator.evaluate(ovn(DENY_ALL), null, 443).verdict()).isEqualTo(Verdict.BLOCKED);
    }

    @Test
    void theFixPutsTheAllowFirstAndKeepsTheRules() {
        var rules = EgressRulesEvaluator.withAllowFirst(sdn(DENY_ALL), OTHER);
        assertThat(rules).hasSize(2);
        assertThat(rules.get(0).toString()).contains("Allow").contains("10.20.0.0/16");
        assertThat(rules.get(1).toString()).contains("Deny").contains("0.0.0.0/0");
    }
}
