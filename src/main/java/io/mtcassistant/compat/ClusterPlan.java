package io.mtcassistant.compat;

import io.mtcassistant.cluster.ClusterRole;

/**
 * What the later steps do on one cluster, as far as the compatibility step could decide it.
 *
 * @param context          kubeconfig context
 * @param role             source, target, extra remote
 * @param openshiftVersion major.minor used for the table; null when unknown or not OpenShift
 * @param columnId         the Table 7.1 column ("ocp-4.10+"); null when the table does not cover the cluster
 * @param controlCluster   true for the cluster that runs the MTC controller and GUI
 * @param install          how to install the decided MTC version here; null while undecided or impossible
 * @param oadpChannel      OADP channel the OLM bundle needs; null for the legacy operator or undecided
 * @param existing         what an existing MTC install means
 */
public record ClusterPlan(
        String context,
        ClusterRole role,
        OpenShiftVersion openshiftVersion,
        String columnId,
        boolean controlCluster,
        InstallOption install,
        String oadpChannel,
        ExistingMtcAction existing) {
}
