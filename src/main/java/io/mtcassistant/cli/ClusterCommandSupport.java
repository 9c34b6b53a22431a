package io.mtcassistant.cli;

import io.mtcassistant.cluster.ClusterSession;
import io.mtcassistant.cluster.ConnectOptions;
import io.mtcassistant.cluster.ConnectionOutcome;
import io.mtcassistant.cluster.ContextEntry;
import io.mtcassistant.cluster.FabricClusterConnector;
import io.mtcassistant.cluster.KubeconfigException;
import io.mtcassistant.cluster.KubeconfigFiles;
import io.mtcassistant.cluster.KubeconfigLocations;
import io.mtcassistant.cluster.KubeconfigSet;
import io.mtcassistant.common.ActivityListener;
import io.mtcassistant.install.plan.ActionOutcome;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Connecting to one context for the commands that change a cluster (install, uninstall). */
final class ClusterCommandSupport {

    private ClusterCommandSupport() {
    }

    /** Connects, or throws: bad input for an unknown context, a work failure when the cluster cannot be reached. */
    static ClusterSession connect(String kubeconfig, String context, boolean insecure, int timeoutSeconds) {
        List<Path> files = kubeconfig == null || kubeconfig.isBlank() ? KubeconfigLocations.defaults()
                : KubeconfigLocations.parseList(kubeconfig);
        if (files.isEmpty()) {
            throw new BadInputException("no kubeconfig: KUBECONFIG is not set and ~/.kube/config does not exist (use --kubeconfig)");
        }
        KubeconfigSet set;
        try {
            set = new KubeconfigFiles().load(files);
        } catch (KubeconfigException e) {
            throw new BadInputException(e.getMessage(), e);
        }
        if (set.context(context).isEmpty()) {
            throw new BadInputException("context \"" + context + "\" is not in the kubeconfig (contexts: "
                    + String.join(", ", set.contexts().stream().map(ContextEntry::name).toList()) + ")");
        }
        ConnectOptions options = ConnectOptions.defaults().withTimeout(Duration.ofSeconds(timeoutSeconds))
                .withSkipTlsVerify(insecure);
        ConnectionOutcome outcome = new FabricClusterConnector().connect(set, context, options, ActivityListener.NONE);
        if (outcome instanceof ConnectionOutcome.Connected connected) {
            return connected.session();
        }
        ConnectionOutcome.Failed failed = (ConnectionOutcome.Failed) outcome;
        throw new WorkFailedException(context + ": cannot connect: " + failed.failure().summary() + " " + failed.failure().nextStep());
    }

    static void printOutcome(PrintWriter out, ActionOutcome o) {
        out.printf("%02d  %-16s %-70s %6.1f s  %s%n", o.index() + 1, o.state().label(), o.action().title(),
                o.elapsed().toMillis() / 1000.0, o.message());
        out.flush();
    }

    /** The work failed (exit 1) with a message for the admin, not a stack trace. */
    static final class WorkFailedException extends RuntimeException {
        WorkFailedException(String message) {
            super(message);
        }
    }
}
