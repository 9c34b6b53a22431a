package io.mtcassistant.ui;

import io.mtcassistant.compat.CompatibilityReport;
import io.mtcassistant.compat.MigrationDecisions;
import io.mtcassistant.compat.MigrationPlan;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The outcome of the Compatibility step for the later steps: the latest report, the admin's decisions and the
 * plan. Only the Compatibility page writes it; the later steps read {@link #readyPlanProperty()}, which is null
 * until nothing blocks and no decision is open. Use on the FX thread.
 */
public final class MigrationPlanHolder {

    private final ReadOnlyObjectWrapper<CompatibilityReport> report = new ReadOnlyObjectWrapper<>();
    private final ObjectBinding<MigrationPlan> readyPlan = Bindings.createObjectBinding(
            () -> report.get() != null && report.get().verdict().canProceed() ? report.get().plan() : null, report);
    private final BooleanBinding ready = readyPlan.isNotNull();

    /** Called by the Compatibility page after each evaluation; null when the clusters changed and it must check again. */
    public void publish(CompatibilityReport latest) {
        report.set(latest);
    }

    public ReadOnlyObjectProperty<CompatibilityReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    public CompatibilityReport report() {
        return report.get();
    }

    /** The plan the later steps act on; null while the report blocks, needs a decision, or was not made yet. */
    public ObjectBinding<MigrationPlan> readyPlanProperty() {
        return readyPlan;
    }

    public MigrationPlan readyPlan() {
        return readyPlan.get();
    }

    public BooleanBinding readyProperty() {
        return ready;
    }

    /** The decisions the latest report was computed with (never null). */
    public MigrationDecisions decisions() {
        return report.get() == null ? MigrationDecisions.none() : report.get().decisions();
    }
}
