package io.mtcassistant.ui;

import io.mtcassistant.cluster.ConnectionFailure;
import io.mtcassistant.cluster.ConnectionOutcome;
import io.mtcassistant.cluster.FailureKind;
import io.mtcassistant.cluster.KubeconfigException;
import java.nio.file.Path;
import java.util.List;

/** The real cluster layer. Placeholder until the cluster branch lands: every call says it is not built in. */
final class ProductionClusterServices {

    private ProductionClusterServices() {
    }

    static ClusterServices create() {
        return new ClusterServices(
                files -> {
                    throw new KubeconfigException(null, null, "kubeconfig support is not part of this build yet");
                },
                (set, context, options, activity) -> new ConnectionOutcome.Failed(set.context(context).orElseThrow(),
                        new ConnectionFailure(FailureKind.UNEXPECTED, "Connecting is not part of this build yet.",
                                "Use a newer build.", "")),
                () -> List.of(Path.of(System.getProperty("user.home"), ".kube", "config")),
                () -> {
                    throw new IllegalStateException("the simulated clusters are not part of this build yet");
                });
    }
}
