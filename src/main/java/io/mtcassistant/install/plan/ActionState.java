package io.mtcassistant.install.plan;

/** The live state of one action while a plan is applied. */
public enum ActionState {
    WAITING("waiting"),
    RUNNING("running"),
    DONE("done"),
    ALREADY_PRESENT("already present"),
    FAILED("failed");

    private final String label;

    ActionState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Done or already present: a later apply moves past it. */
    public boolean succeeded() {
        return this == DONE || this == ALREADY_PRESENT;
    }
}
