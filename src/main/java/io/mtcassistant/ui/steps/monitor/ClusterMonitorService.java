package io.mtcassistant.ui.steps.monitor;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.mtcassistant.monitor.ActionRequest;
import io.mtcassistant.monitor.MigResources;
import io.mtcassistant.monitor.MigrationActions;
import io.mtcassistant.monitor.MigrationWatcher;
import io.mtcassistant.monitor.MonitorListener;
import io.mtcassistant.monitor.MonitorSnapshot;
import java.time.Clock;
import java.time.Duration;

/** The Monitor step on a control cluster: informer watches and actions through its fabric8 client. */
public final class ClusterMonitorService implements MonitorService {

    /** Updates reach the screen at most this often, however many events the cluster sends. */
    static final Duration COALESCE = Duration.ofMillis(250);

    private final KubernetesClient client;
    private final String note;

    public ClusterMonitorService(KubernetesClient client) {
        this(client, "");
    }

    /** @param note which cluster this is and why it was chosen, shown on the page */
    public ClusterMonitorService(KubernetesClient client, String note) {
        this.client = client;
        this.note = note;
    }

    @Override
    public String note() {
        return note;
    }

    @Override
    public AutoCloseable watch(MonitorListener listener) {
        return new MigrationWatcher(client, MigResources.NAMESPACE, Clock.systemUTC(), COALESCE, listener).start();
    }

    @Override
    public String apply(MonitorSnapshot snapshot, ActionRequest request) throws MigrationActions.ActionRefusedException {
        return MigrationActions.apply(client, snapshot, request);
    }
}
