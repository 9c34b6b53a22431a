package io.mtcassistant.ui.steps.clusters;

/** Where a context stands with its connection. */
public enum ConnectionState {
    NOT_CONNECTED("not connected"),
    CONNECTING("connecting…"),
    CONNECTED("connected"),
    FAILED("failed");

    private final String label;

    ConnectionState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
