package io.mtcassistant.ui.steps.monitor;

import io.mtcassistant.install.plan.ApplyResult;
import io.mtcassistant.monitor.ActionRequest;
import io.mtcassistant.monitor.MigrationActions;
import io.mtcassistant.monitor.MonitorListener;
import io.mtcassistant.monitor.MonitorSnapshot;
import io.mtcassistant.plans.PlanChangeRules;

/** Where the Monitor step gets its data and sends its actions (the control cluster; tests may pass another). */
public interface MonitorService {

    /** Starts watching; updates arrive on a background thread; close to stop. */
    AutoCloseable watch(MonitorListener listener);

    /** Checks the action against the snapshot and does it; returns the migration's name. Runs off the FX thread. */
    String apply(MonitorSnapshot snapshot, ActionRequest request) throws MigrationActions.ActionRefusedException;

    /**
     * Closes or deletes a plan through the change plan (as `plan close|delete --apply`), after the same check as the
     * command line ({@link io.mtcassistant.plans.PlanChangeRules}) against the snapshot. Runs off the FX thread.
     */
    default ApplyResult changePlan(MonitorSnapshot snapshot, String plan, PlanChangeRules.Change change)
            throws MigrationActions.ActionRefusedException {
        throw new MigrationActions.ActionRefusedException("plans cannot be changed from here");
    }

    /** Which cluster this is and why, for the page ("Watching sim-target, the control cluster chosen in step 2."). */
    default String note() {
        return "";
    }

    /** The watched cluster's client and name, for New plan… and Edit…; empty when this is no cluster. */
    default java.util.Optional<ControlCluster> controlCluster() {
        return java.util.Optional.empty();
    }
}
