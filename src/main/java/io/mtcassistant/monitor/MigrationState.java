package io.mtcassistant.monitor;

/** A migration's state as the admin reads it (the console's table status, plus not-started). */
public enum MigrationState {
    RUNNING("running", "Running"),
    PAUSED("paused", "Paused"),
    WARNING("warning", "Warning"),
    FAILED("failed", "Failed"),
    CANCELING("canceling", "Canceling"),
    CANCELED("canceled", "Canceled"),
    SUCCEEDED("succeeded", "Succeeded"),
    SUCCEEDED_WITH_WARNINGS("succeeded-with-warnings", "Succeeded with warnings"),
    NOT_STARTED("not-started", "Not started");

    private final String jsonName;
    private final String label;

    MigrationState(String jsonName, String label) {
        this.jsonName = jsonName;
        this.label = label;
    }

    public String jsonName() {
        return jsonName;
    }

    public String label() {
        return label;
    }

    public boolean terminal() {
        return this == FAILED || this == CANCELED || this == SUCCEEDED || this == SUCCEEDED_WITH_WARNINGS;
    }
}
