package io.mtcassistant.plans;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.mtcassistant.monitor.ActionCheck;
import io.mtcassistant.monitor.MigResources;
import io.mtcassistant.monitor.MigrationObjectsReader;
import io.mtcassistant.monitor.MigrationView;
import io.mtcassistant.monitor.MonitorModel;
import io.mtcassistant.monitor.MonitorSnapshot;
import io.mtcassistant.monitor.PlanView;
import java.time.Clock;

/**
 * When an existing plan may be edited, closed or deleted, for the CLI and the Monitor page alike: never while one of
 * its migrations runs (the controller reads the plan at every phase, so a change under it mixes two plans), and a
 * closed plan is not changed again (it may still be deleted).
 */
public final class PlanChangeRules {

    /** What is done to the existing plan. */
    public enum Change {
        EDIT("edited"), CLOSE("closed"), DELETE("deleted");

        private final String done;

        Change(String done) {
            this.done = done;
        }

        /** "closed", "deleted": for messages. */
        public String done() {
            return done;
        }
    }

    private PlanChangeRules() {
    }

    public static ActionCheck check(MonitorSnapshot snapshot, String planName, Change change) {
        PlanView plan = snapshot.plan(planName).orElse(null);
        if (plan == null) {
            return ActionCheck.refuse("no MigPlan named " + planName + " in " + MigResources.NAMESPACE);
        }
        MigrationView running = plan.migrations().stream().filter(MigrationView::active).findFirst().orElse(null);
        if (running != null) {
            return ActionCheck.refuse("migration " + running.name() + " of plan " + plan.name() + " is running ("
                    + running.state().label() + "): wait for it to end or cancel it first");
        }
        if (plan.closed() && change == Change.CLOSE) {
            return ActionCheck.refuse("plan " + plan.name() + " is already closed");
        }
        if (plan.closed() && change == Change.EDIT) {
            return ActionCheck.refuse("plan " + plan.name() + " is closed: a closed plan is not changed (delete it, "
                    + "or create a new one)");
        }
        return ActionCheck.allow();
    }

    /** The plans and migrations of the control cluster as the monitor models them, to check against. */
    public static MonitorSnapshot read(KubernetesClient control) {
        return new MonitorModel(Clock.systemUTC()).build(MigrationObjectsReader.list(control, MigResources.NAMESPACE));
    }
}
