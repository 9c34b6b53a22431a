package io.mtcassistant.compat;

/** How much a check's result stands in the way, from harmless to stopping the migration. */
public enum Severity {
    OK("ok"),
    WARNING("warning"),
    NEEDS_DECISION("needs decision"),
    BLOCKING("blocking");

    private final String label;

    Severity(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public Severity worst(Severity other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
