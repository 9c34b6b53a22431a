package io.mtcassistant.ui.wizard;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * One step of the journey.
 *
 * @see WizardModel#standard()
 */
public final class WizardStep {

    private final String id;
    private final String title;
    private final String purpose;
    private final boolean available;
    private final ObjectProperty<StepState> state = new SimpleObjectProperty<>(StepState.NOT_STARTED);

    public WizardStep(String id, String title, String purpose, boolean available) {
        this.id = id;
        this.title = title;
        this.purpose = purpose;
        this.available = available;
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    /** One sentence: what the user gets from this step. */
    public String purpose() {
        return purpose;
    }

    /** False for steps this version does not have yet; they show a notice instead of pretending to work. */
    public boolean available() {
        return available;
    }

    public ObjectProperty<StepState> stateProperty() {
        return state;
    }

    public StepState state() {
        return state.get();
    }

    @Override
    public String toString() {
        return title;
    }
}
