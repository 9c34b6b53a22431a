package io.mtcassistant.compat;

import io.mtcassistant.cluster.ClusterFacts;
import io.mtcassistant.cluster.PlatformClass;

/**
 * Where one connected cluster sits in Table 7.1.
 *
 * @param snapshot      the cluster
 * @param version       OpenShift major.minor; null when unknown or not OpenShift
 * @param versionOrigin where the version came from
 * @param derived       true when the version was derived from the Kubernetes version
 * @param column        the table's column; null when the table does not cover the cluster
 * @param problem       why there is no column; null when there is one
 */
record Placement(
        ClusterSnapshot snapshot,
        OpenShiftVersion version,
        String versionOrigin,
        boolean derived,
        PlatformColumn column,
        String problem) {

    static Placement of(ClusterSnapshot snapshot, CompatibilityMatrix matrix) {
        ClusterFacts facts = snapshot.facts();
        if (facts.platform() == PlatformClass.NOT_OPENSHIFT) {
            return new Placement(snapshot, null, null, false, null,
                    "This cluster is plain Kubernetes (" + facts.kubernetesVersion() + "): it has no OpenShift API "
                            + "(no /version/openshift, no ClusterVersion). Table 7.1 covers only OpenShift Container Platform ("
                            + matrix.coveredColumns() + "), and MTC needs OpenShift: the legacy operator uses OpenShift "
                            + "security context constraints and role bindings, the modern operator comes from the OpenShift "
                            + "OperatorHub through OLM.");
        }
        OpenShiftVersion version = OpenShiftVersion.parse(facts.openshiftVersion()).orElse(null);
        String origin = version != null && version.major() == 3 ? "GET /version/openshift"
                : "ClusterVersion version (newest Completed history entry)";
        boolean derived = false;
        if (version == null) {
            OpenShiftVersion kubernetes = OpenShiftVersion.parse(facts.kubernetesVersion()).orElse(null);
            version = kubernetes == null ? null : matrix.openShiftForKubernetes(kubernetes).orElse(null);
            origin = "derived from Kubernetes " + facts.kubernetesVersion() + " (GET /version)";
            derived = true;
        }
        if (version == null) {
            return new Placement(snapshot, null, null, false, null,
                    "The OpenShift version could not be read (ClusterVersion or /version/openshift gave nothing usable, "
                            + "and Kubernetes " + facts.kubernetesVersion() + " is not in the version map), so the table cannot "
                            + "be applied.");
        }
        PlatformColumn column = matrix.columnFor(version).orElse(null);
        if (column == null) {
            return new Placement(snapshot, version, origin, derived, null,
                    "OpenShift " + version + " is not in Table 7.1, which covers " + matrix.coveredColumns() + ".");
        }
        return new Placement(snapshot, version, origin, derived, column, null);
    }

    String context() {
        return snapshot.context();
    }

    String role() {
        return snapshot.role().label();
    }

    boolean placed() {
        return column != null;
    }

    boolean isLegacy() {
        return column != null && !column.controlCluster();
    }

    /** "OpenShift 3.11 (source, ctx)". */
    String describe() {
        return "OpenShift " + version + " (" + role() + " " + context() + ")";
    }
}
