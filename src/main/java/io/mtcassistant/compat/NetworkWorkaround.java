package io.mtcassistant.compat;

/** What the admin chose for a remote cluster that cannot connect with the control cluster. */
public enum NetworkWorkaround {
    NONE,
    /** crane tunnel-api between the unreachable cluster and the control cluster (MTC 1.7.z). */
    TUNNEL_API,
    /** The edge case: the legacy cluster is the control cluster and pushes workloads to the remote one. */
    LEGACY_CONTROL_CLUSTER
}
