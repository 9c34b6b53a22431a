package io.mtcassistant.ui.steps.monitor;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.mtcassistant.install.plan.ApplyListener;
import io.mtcassistant.install.plan.ApplyResult;
import io.mtcassistant.install.plan.ChangePlan;
import io.mtcassistant.install.plan.ChangePlanApplier;
import io.mtcassistant.monitor.ActionCheck;
import io.mtcassistant.monitor.ActionRequest;
import io.mtcassistant.monitor.MigResources;
import io.mtcassistant.monitor.MigrationActions;
import io.mtcassistant.monitor.MigrationWatcher;
import io.mtcassistant.monitor.MonitorListener;
import io.mtcassistant.monitor.MonitorSnapshot;
import io.mtcassistant.plans.PlanChangeRules;
import io.mtcassistant.plans.PlanChanges;
import java.time.Clock;
import java.time.Duration;

/** The Monitor step on a control cluster: informer watches and actions through its fabric8 client. */
public final class ClusterMonitorService implements MonitorService {

    /** Updates reach the screen at most this often, however many events the cluster sends. */
    static final Duration COALESCE = Duration.ofMillis(250);

    private final KubernetesClient client;
    private final String note;
    private final String cluster;

    public ClusterMonitorService(KubernetesClient client) {
        this(client, "", "control cluster");
    }

    /**
     * @param note    which cluster this is and why it was chosen, shown on the page
     * @param cluster its context name, for the change plans of Close plan and Delete plan
     */
    public ClusterMonitorService(KubernetesClient client, String note, String cluster) {
        this.client = client;
        this.note = note;
        this.cluster = cluster;
    }

    @Override
    public ApplyResult changePlan(MonitorSnapshot snapshot, String plan, PlanChangeRules.Change change)
            throws MigrationActions.ActionRefusedException {
        ActionCheck check = PlanChangeRules.check(snapshot, plan, change);
        if (!check.allowed()) {
            throw new MigrationActions.ActionRefusedException(check.reason());
        }
        GenericKubernetesResource live = client.genericKubernetesResources(MigResources.MIG_PLAN)
                .inNamespace(MigResources.NAMESPACE).withName(plan).get();
        if (live == null) {
            throw new MigrationActions.ActionRefusedException("no MigPlan named " + plan + " in "
                    + MigResources.NAMESPACE + " any more");
        }
        ChangePlan changePlan = PlanChanges.closeOrDelete(cluster, Serialization.jsonMapper().valueToTree(live), change);
        return new ChangePlanApplier(client, Duration.ofMillis(500), Clock.systemUTC()).apply(changePlan,
                ApplyListener.NONE);
    }

    @Override
    public java.util.Optional<ControlCluster> controlCluster() {
        return java.util.Optional.of(new ControlCluster(cluster, client));
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
