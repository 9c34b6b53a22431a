package io.mtcassistant.ui.steps.operators;

import io.mtcassistant.install.plan.ActionOutcome;
import io.mtcassistant.install.plan.ActionPreview;
import io.mtcassistant.install.plan.ActionState;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** One action of a cluster's plan on screen: what it does, why, its YAML or diff, and its live state. Use on the FX thread. */
public final class ActionRow {

    private final ActionPreview preview;
    private final ReadOnlyObjectWrapper<ActionState> state = new ReadOnlyObjectWrapper<>(ActionState.WAITING);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper elapsed = new ReadOnlyStringWrapper("");

    public ActionRow(ActionPreview preview) {
        this.preview = preview;
    }

    public void update(ActionOutcome outcome) {
        state.set(outcome.state());
        message.set(outcome.message() == null ? "" : outcome.message());
        elapsed.set(outcome.state() == ActionState.WAITING ? "" : String.format("%.1f s", outcome.elapsed().toMillis() / 1000.0));
    }

    public int number() {
        return preview.number();
    }

    public String title() {
        return preview.action().title();
    }

    public String reason() {
        return preview.action().reason();
    }

    /** The diff for a patch when the cluster was compared, else the YAML the action carries (empty for waits). */
    public String detail() {
        if (!preview.diff().isEmpty()) {
            return preview.diff();
        }
        if (!preview.yaml().isEmpty()) {
            return preview.yaml();
        }
        var condition = preview.action().condition();
        return condition == null ? "" : "waits for " + condition.describe();
    }

    public ReadOnlyObjectProperty<ActionState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ActionState state() {
        return state.get();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty elapsedProperty() {
        return elapsed.getReadOnlyProperty();
    }
}
