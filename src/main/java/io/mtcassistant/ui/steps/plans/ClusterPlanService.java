package io.mtcassistant.ui.steps.plans;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.mtcassistant.install.plan.ApplyListener;
import io.mtcassistant.install.plan.ApplyResult;
import io.mtcassistant.install.plan.ChangePlan;
import io.mtcassistant.install.plan.ChangePlanApplier;
import io.mtcassistant.monitor.ActionRequest;
import io.mtcassistant.monitor.MigResources;
import io.mtcassistant.monitor.MigrationActions;
import io.mtcassistant.monitor.MigrationObjectsReader;
import io.mtcassistant.monitor.MonitorModel;
import io.mtcassistant.plans.PlanInventory;
import io.mtcassistant.plans.PlanInventoryReader;
import java.time.Clock;
import java.time.Duration;

/**
 * The New plan flow on the connected clusters: the control cluster the Monitor page watches (MigPlans live there)
 * and, when connected, the source (its namespaces).
 */
public final class ClusterPlanService implements PlanService {

    private final String cluster;
    private final KubernetesClient control;
    private final KubernetesClient source;

    /** @param source the source cluster's client, or null when it is not connected */
    public ClusterPlanService(String cluster, KubernetesClient control, KubernetesClient source) {
        this.cluster = cluster;
        this.control = control;
        this.source = source;
    }

    @Override
    public PlanInventory inventory() {
        PlanInventory inventory = PlanInventoryReader.readControl(control);
        return source == null ? inventory
                : inventory.withSourceNamespaces(PlanInventoryReader.readSourceNamespaces(source));
    }

    @Override
    public ApplyResult apply(ChangePlan plan) {
        return new ChangePlanApplier(control, Duration.ofMillis(500), Clock.systemUTC()).apply(plan, ApplyListener.NONE);
    }

    @Override
    public JsonNode plan(String name) {
        var plan = control.genericKubernetesResources(MigResources.MIG_PLAN).inNamespace(MigResources.NAMESPACE)
                .withName(name).get();
        return plan == null ? null : io.fabric8.kubernetes.client.utils.Serialization.jsonMapper().valueToTree(plan);
    }

    @Override
    public io.mtcassistant.plans.LivePlanHooks hooks(JsonNode plan) {
        return io.mtcassistant.plans.LivePlanHooks.read(control, plan);
    }

    @Override
    public java.util.Set<String> migHookNames() {
        return io.mtcassistant.plans.LivePlanHooks.migHookNames(control);
    }

    @Override
    public String start(ActionRequest request) throws MigrationActions.ActionRefusedException {
        var snapshot = new MonitorModel(Clock.systemUTC()).build(MigrationObjectsReader.list(control,
                MigResources.NAMESPACE));
        return MigrationActions.apply(control, snapshot, request);
    }

    @Override
    public String preview(ChangePlan plan) {
        return io.mtcassistant.install.plan.ChangePlanPreview.text(plan,
                io.mtcassistant.install.plan.ChangePlanPreview.of(plan, control));
    }

    @Override
    public String cluster() {
        return cluster;
    }

    /** The client plans are read and written with (the control cluster's). */
    public KubernetesClient controlClient() {
        return control;
    }
}
