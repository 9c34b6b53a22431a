package io.mtcassistant.compat;

/** The questions the app never answers on its own. */
public enum DecisionTopic {
    /** Table 7.1 gives different MTC versions to the clusters; which one runs everywhere. */
    MTC_VERSION,
    /** A remote cluster and the control cluster cannot connect; tunnel, legacy control cluster, or fix the network. */
    NETWORK_RESTRICTION
}
