package io.mtcassistant.cli;

import io.mtcassistant.cluster.ClusterSession;
import io.mtcassistant.cluster.ConnectOptions;
import io.mtcassistant.cluster.ConnectionOutcome;
import io.mtcassistant.cluster.FabricClusterConnector;
import io.mtcassistant.cluster.KubeconfigException;
import io.mtcassistant.cluster.KubeconfigFiles;
import io.mtcassistant.cluster.KubeconfigLocations;
import io.mtcassistant.cluster.KubeconfigSet;
import io.mtcassistant.common.ActivityListener;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Connects `monitor` and `migrate` to the control cluster (the one running the MTC controller). */
final class ControlClusterConnection {

    private ControlClusterConnection() {
    }

    /**
     * @throws BadInputException for a missing kubeconfig or an unknown context
     * @throws ConnectFailedException when the cluster cannot be reached (exit 1)
     */
    static ClusterSession connect(List<String> kubeconfig, String context) {
        List<Path> files = new ArrayList<>();
        if (kubeconfig == null || kubeconfig.isEmpty()) {
            files.addAll(KubeconfigLocations.defaults());
            if (files.isEmpty()) {
                throw new BadInputException("no kubeconfig: KUBECONFIG is not set and ~/.kube/config does not exist "
                        + "(use --kubeconfig)");
            }
        } else {
            kubeconfig.forEach(list -> files.addAll(KubeconfigLocations.parseList(list)));
        }
        KubeconfigSet set;
        try {
            set = new KubeconfigFiles().load(files);
        } catch (KubeconfigException e) {
            throw new BadInputException(e.getMessage(), e);
        }
        List<String> known = set.contexts().stream().map(c -> c.name()).toList();
        if (!known.contains(context)) {
            throw new BadInputException("unknown context '" + context + "' (known: " + String.join(", ", known) + ")");
        }
        ConnectionOutcome outcome = new FabricClusterConnector().connect(set, context, ConnectOptions.defaults(),
                ActivityListener.NONE);
        if (outcome instanceof ConnectionOutcome.Connected connected) {
            return connected.session();
        }
        ConnectionOutcome.Failed failed = (ConnectionOutcome.Failed) outcome;
        throw new ConnectFailedException(context + ": " + failed.failure().summary()
                + (failed.failure().nextStep() == null ? "" : " " + failed.failure().nextStep()));
    }

    /** The cluster could not be reached: exit code 1, one line. */
    static final class ConnectFailedException extends RuntimeException {
        ConnectFailedException(String message) {
            super(message);
        }
    }
}
