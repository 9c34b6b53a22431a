package io.mtcassistant.cluster;

/**
 * What a successful connection learned about a cluster.
 *
 * @param context           kubeconfig context name
 * @param apiUrl            API server URL
 * @param kubernetesVersion gitVersion from /version, e.g. "v1.11.0+d4cacc0"
 * @param openshiftVersion  OpenShift version: 3.x from /version/openshift (or the gitVersion), 4.x the newest
 *                          Completed ClusterVersion history entry; null when not OpenShift
 * @param desiredVersion    ClusterVersion status.desired.version on 4.x (may differ during an update); null otherwise
 * @param platform          platform class per the procedure
 * @param user              the identity the server sees (e.g. "system:admin", "kube:admin")
 * @param clusterAdmin      whether the SelfSubjectAccessReview for verb *, resource *, group * is allowed
 */
public record ClusterFacts(
        String context,
        String apiUrl,
        String kubernetesVersion,
        String openshiftVersion,
        String desiredVersion,
        PlatformClass platform,
        String user,
        boolean clusterAdmin) {
}
