package io.mtcassistant.ui.wizard;

/** How far the user got with a step, as the step list shows it. */
public enum StepState {
    NOT_STARTED("not started"),
    NEEDS_ATTENTION("needs attention"),
    DONE("done");

    private final String label;

    StepState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
