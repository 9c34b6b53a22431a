package io.mtcassistant.ui.steps.plans;

import com.fasterxml.jackson.databind.JsonNode;
import io.mtcassistant.install.plan.ApplyResult;
import io.mtcassistant.install.plan.ChangePlan;
import io.mtcassistant.monitor.ActionRequest;
import io.mtcassistant.monitor.MigrationActions;
import io.mtcassistant.plans.PlanInventory;

/** What the New plan flow needs from the clusters; every call runs off the FX thread. */
public interface PlanService {

    /** MigClusters, MigStorages and limits on the control cluster, with the source's namespaces when connected. */
    PlanInventory inventory();

    /** Applies a change plan on the control cluster (through the Operators step's applier). */
    ApplyResult apply(ChangePlan plan);

    /** The live MigPlan, or null. */
    JsonNode plan(String name);

    /** The hooks the live plan runs (its entries with their MigHooks), where an edit starts from. */
    io.mtcassistant.plans.LivePlanHooks hooks(JsonNode plan);

    /** The names of the MigHooks on the control cluster (a new hook may not take one). */
    java.util.Set<String> migHookNames();

    /** Starts a stage or a cutover as the monitor does; returns the migration's name. */
    String start(ActionRequest request) throws MigrationActions.ActionRefusedException;

    /** The change plan as Review shows it: YAML per action and, for a patch, the diff against the live object. */
    default String preview(ChangePlan plan) {
        return io.mtcassistant.install.plan.ChangePlanPreview.text(plan,
                io.mtcassistant.install.plan.ChangePlanPreview.of(plan));
    }

    /** The control cluster's name for change plans. */
    String cluster();
}
