package io.mtcassistant.ui.steps.monitor;

import io.mtcassistant.cluster.ClusterRole;
import io.mtcassistant.cluster.ClusterSession;
import io.mtcassistant.compat.MigrationPlan;
import io.mtcassistant.ui.MigrationPlanHolder;
import io.mtcassistant.ui.steps.clusters.ClustersViewModel;
import io.mtcassistant.ui.steps.clusters.ContextRow;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Which cluster the Monitor step watches: the control cluster the Compatibility step decided (MTC's controller and
 * its MigPlans live there), else the target cluster with a note saying so. Asked each time the admin opens the step.
 */
public final class ControlClusterMonitors implements Supplier<Optional<MonitorService>> {

    /** The cluster to watch and the note the page shows about it. */
    record Choice(ClusterSession session, String note) {
    }

    private final ClustersViewModel clusters;
    private final MigrationPlanHolder plans;

    public ControlClusterMonitors(ClustersViewModel clusters, MigrationPlanHolder plans) {
        this.clusters = clusters;
        this.plans = plans;
    }

    @Override
    public Optional<MonitorService> get() {
        return choose().map(choice -> new ClusterMonitorService(choice.session().client(), choice.note(),
                choice.session().context().name()));
    }

    /** Empty when neither the control cluster nor the target is connected. */
    Optional<Choice> choose() {
        MigrationPlan plan = plans.readyPlan();
        String control = plan == null ? null : plan.controlCluster();
        if (control != null) {
            Optional<ClusterSession> session = clusters.assigned().stream().filter(row -> row.name().equals(control))
                    .map(ContextRow::session).filter(s -> s != null).findFirst();
            if (session.isPresent()) {
                return Optional.of(new Choice(session.get(),
                        "Watching " + control + ", the control cluster chosen in step 2."));
            }
        }
        Optional<ContextRow> target = clusters.row(ClusterRole.TARGET).filter(row -> row.session() != null);
        String why = control == null ? "Step 2 (Compatibility) has not decided the control cluster yet"
                : "The control cluster " + control + " chosen in step 2 is not connected";
        return target.map(row -> new Choice(row.session(),
                why + ": watching the target cluster " + row.name() + " instead."));
    }
}
