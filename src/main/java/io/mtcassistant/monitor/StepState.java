package io.mtcassistant.monitor;

/** A pipeline step's state (the console's chip colours). */
public enum StepState {
    COMPLETED("completed"),
    RUNNING("running"),
    NOT_STARTED("not-started"),
    SKIPPED("skipped"),
    FAILED("failed");

    private final String jsonName;

    StepState(String jsonName) {
        this.jsonName = jsonName;
    }

    public String jsonName() {
        return jsonName;
    }
}
