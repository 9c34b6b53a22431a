package io.mtcassistant.compat;

import io.mtcassistant.cluster.ClusterFacts;
import io.mtcassistant.cluster.ConnectionFailure;
import io.mtcassistant.common.SecretMasker;
import java.util.List;

/** Checks 4 and 5 (first half): the workstation reaches each API, and the user is cluster-admin there. */
final class AccessChecks {

    private AccessChecks() {
    }

    static CheckResult apiReachable(ClusterSnapshot snapshot) {
        if (!snapshot.isConnected()) {
            ConnectionFailure failure = snapshot.failure();
            List<Fact> facts = List.of(
                    Fact.of("API server", snapshot.apiUrl(), "kubeconfig"),
                    Fact.of("Failure", failure.kind().name().toLowerCase().replace('_', ' '), "connection attempt"),
                    Fact.of("Detail", SecretMasker.mask(failure.detail() == null || failure.detail().isBlank()
                            ? "(none)" : failure.detail()), "connection attempt"));
            return new CheckResult(CheckKind.API_REACHABLE, snapshot.context(), snapshot.role().label(), Severity.BLOCKING,
                    "Cannot connect: " + SecretMasker.mask(failure.summary()), facts,
                    SecretMasker.mask(failure.summary()) + " Without a connection none of this cluster's checks can run.",
                    SecretMasker.mask(failure.nextStep()), null);
        }
        ClusterFacts facts = snapshot.facts();
        return new CheckResult(CheckKind.API_REACHABLE, snapshot.context(), snapshot.role().label(), Severity.OK,
                "Connected to " + facts.apiUrl(), List.of(
                        Fact.of("API server", facts.apiUrl(), "kubeconfig"),
                        Fact.of("Identity", facts.user(), "SelfSubjectReview / user info"),
                        Fact.of("Kubernetes version", facts.kubernetesVersion(), "GET /version")),
                "The workstation reached the API server and read its version as " + facts.user() + ".",
                "Nothing.", null);
    }

    static CheckResult clusterAdmin(ClusterSnapshot snapshot) {
        ClusterFacts facts = snapshot.facts();
        List<Fact> used = List.of(
                Fact.of("Identity", facts.user(), "the API server"),
                Fact.of("May do everything (verb *, resource *, group *)", facts.clusterAdmin() ? "allowed" : "denied",
                        "SelfSubjectAccessReview"));
        if (facts.clusterAdmin()) {
            return new CheckResult(CheckKind.CLUSTER_ADMIN, snapshot.context(), snapshot.role().label(), Severity.OK,
                    facts.user() + " is cluster-admin", used,
                    "The procedure's prerequisite: \"You must be logged in as a user with cluster-admin privileges on all "
                            + "clusters.\" The API server allowed a SelfSubjectAccessReview for every verb on every resource.",
                    "Nothing.", null);
        }
        return new CheckResult(CheckKind.CLUSTER_ADMIN, snapshot.context(), snapshot.role().label(), Severity.BLOCKING,
                facts.user() + " is not cluster-admin", used,
                "The procedure's prerequisite: \"You must be logged in as a user with cluster-admin privileges on all "
                        + "clusters.\" The API server denied a SelfSubjectAccessReview for every verb on every resource to "
                        + facts.user() + ". Installing MTC creates CRDs, cluster roles and namespaces, which needs cluster-admin.",
                "Use a kubeconfig context of a cluster-admin user (for example system:admin or kubeadmin), or have a "
                        + "cluster-admin run: oc adm policy add-cluster-role-to-user cluster-admin " + facts.user(), null);
    }
}
