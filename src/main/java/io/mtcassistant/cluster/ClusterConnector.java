package io.mtcassistant.cluster;

import io.mtcassistant.common.ActivityListener;

/** Connects to a kubeconfig context and probes it. Never throws for cluster problems: they come back as Failed. */
public interface ClusterConnector {

    ConnectionOutcome connect(KubeconfigSet kubeconfigs, String context, ConnectOptions options, ActivityListener activity);
}
