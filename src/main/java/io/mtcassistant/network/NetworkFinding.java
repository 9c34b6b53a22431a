package io.mtcassistant.network;

import io.mtcassistant.install.plan.ChangeAction;
import java.util.List;

/**
 * What one namespace's policies do to one rsync flow on one cluster, with the change-plan actions that would fix it.
 *
 * @param cluster   the context
 * @param namespace the namespace to migrate
 * @param mechanism NetworkPolicy, EgressNetworkPolicy or EgressFirewall
 * @param flow      which connection ("egress to the other cluster (10.20.0.0/16) port 443")
 * @param verdict   allowed, check or blocked, with the deciding objects and why
 * @param fixes     actions for the change plan; empty when nothing is blocked (or no fix can be generated yet)
 * @param fixNote   what the fix does and why, or what is missing to generate it
 */
public record NetworkFinding(String cluster, String namespace, String mechanism, String flow, PolicyVerdict verdict,
        List<ChangeAction> fixes, String fixNote) {

    public NetworkFinding {
        fixes = List.copyOf(fixes);
    }

    public boolean blocking() {
        return verdict.verdict() != Verdict.ALLOWED;
    }
}
