package io.mtcassistant.ui;

import io.mtcassistant.cluster.ConnectionFailure;
import io.mtcassistant.cluster.ConnectionOutcome;
import io.mtcassistant.cluster.FailureKind;
import io.mtcassistant.cluster.KubeconfigFiles;
import io.mtcassistant.cluster.KubeconfigLocations;

/** The real cluster layer. The connector and the simulation are placeholders until the cluster branch has them. */
final class ProductionClusterServices {

    private ProductionClusterServices() {
    }

    static ClusterServices create() {
        return new ClusterServices(
                new KubeconfigFiles(),
                (set, context, options, activity) -> new ConnectionOutcome.Failed(set.context(context).orElseThrow(),
                        new ConnectionFailure(FailureKind.UNEXPECTED, "Connecting is not part of this build yet.",
                                "Use a newer build.", "")),
                KubeconfigLocations::defaults,
                () -> {
                    throw new IllegalStateException("the simulated clusters are not part of this build yet");
                });
    }
}
