package io.mtcassistant.compat;

import io.mtcassistant.cluster.ClusterFacts;
import io.mtcassistant.cluster.ClusterRole;
import io.mtcassistant.cluster.ConnectionFailure;
import io.mtcassistant.cluster.FailureKind;
import io.mtcassistant.cluster.PlatformClass;
import java.util.List;
import java.util.Map;

/** Cluster snapshots for the pure checks: facts as the connector would report them. */
final class TestClusters {

    /** Kubernetes minor per OpenShift release, as the clusters report it on /version. */
    private static final Map<String, String> KUBERNETES = Map.ofEntries(
            Map.entry("3.10", "v1.10.0+b81c8f8"), Map.entry("3.11", "v1.11.0+d4cacc0"),
            Map.entry("4.0", "v1.13.4"), Map.entry("4.1", "v1.13.4+838b4fa"), Map.entry("4.2", "v1.14.6+c07e432"),
            Map.entry("4.5", "v1.18.3+2fbd7c7"), Map.entry("4.6", "v1.19.0+d670f74"), Map.entry("4.9", "v1.22.0+8bf7f16"),
            Map.entry("4.10", "v1.23.5+3afdacb"), Map.entry("4.12", "v1.25.4+77bec7a"), Map.entry("4.13", "v1.26.3+b404935"),
            Map.entry("4.16", "v1.29.5+58e6109"));

    private TestClusters() {
    }

    static ClusterFacts facts(String context, String openshift, boolean admin) {
        String minor = openshift.replaceAll("^(\\d+\\.\\d+).*", "$1");
        String kubernetes = KUBERNETES.getOrDefault(minor, "v1.25.0");
        PlatformClass platform = OpenShiftVersion.of(minor).isBefore(OpenShiftVersion.of("4.6"))
                ? PlatformClass.LEGACY : PlatformClass.MODERN;
        String full = openshift.startsWith("3.") ? "v" + openshift : openshift;
        return new ClusterFacts(context, "https://api." + context + ".example.com:6443", kubernetes, full,
                openshift.startsWith("4.") ? openshift : null, platform, "system:admin", admin);
    }

    static ClusterSnapshot ocp(ClusterRole role, String context, String openshift) {
        return ClusterSnapshot.connected(role, facts(context, openshift + (openshift.chars().filter(c -> c == '.').count() == 1
                ? ".3" : ""), true), ClusterInventory.empty());
    }

    static ClusterSnapshot ocp(ClusterRole role, String context, String openshift, ClusterInventory inventory) {
        ClusterSnapshot base = ocp(role, context, openshift);
        return ClusterSnapshot.connected(role, base.facts(), inventory);
    }

    static ClusterSnapshot kubernetes(ClusterRole role, String context) {
        return ClusterSnapshot.connected(role, new ClusterFacts(context, "https://" + context + ".example.com:6443",
                "v1.29.2", null, null, PlatformClass.NOT_OPENSHIFT, "kubernetes-admin", true), ClusterInventory.empty());
    }

    static ClusterSnapshot nonAdmin(ClusterRole role, String context, String openshift) {
        ClusterSnapshot base = ocp(role, context, openshift);
        ClusterFacts f = base.facts();
        return ClusterSnapshot.connected(role, new ClusterFacts(f.context(), f.apiUrl(), f.kubernetesVersion(),
                f.openshiftVersion(), f.desiredVersion(), f.platform(), "developer", false), ClusterInventory.empty());
    }

    static ClusterSnapshot unreachable(ClusterRole role, String context) {
        return ClusterSnapshot.failed(role, context, "https://api." + context + ".example.com:6443",
                new ConnectionFailure(FailureKind.UNREACHABLE, "The API server at https://api." + context
                        + ".example.com:6443 refused the connection.", "Check the address and that you are on the right network.",
                        "Connection refused"));
    }

    /** The restricted-network parts a well-prepared OpenShift 4 cluster shows. */
    static ClusterInventory prepared() {
        return ClusterInventory.empty()
                .withOperatorHub(new ClusterInventory.OperatorHubState(true, true, List.of(), List.of()))
                .withProxy(new ClusterInventory.ClusterProxy(true, null, null, null, null))
                .withMirrorPolicies(new ClusterInventory.MirrorPolicies(List.of("redhat-operator-index"), List.of(), false,
                        List.of("registry.redhat.io/rhmtc")));
    }

    static CompatibilityEvaluator evaluator() {
        try {
            return new CompatibilityEvaluator(CompatibilityMatrixLoader.builtIn(), "built-in");
        } catch (CompatibilityDataException e) {
            throw new IllegalStateException(e);
        }
    }

    static CheckResult row(CompatibilityReport report, CheckKind kind, String context) {
        return report.checks().stream().filter(r -> r.check() == kind && java.util.Objects.equals(context, r.cluster()))
                .findFirst().orElseThrow(() -> new AssertionError("no row " + kind + " for " + context + " in " + report.checks()));
    }
}
