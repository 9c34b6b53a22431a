package io.mtcassistant.compat;

/** The whole migration's result: the worst row decides. */
public enum Verdict {
    READY("Ready"),
    READY_WITH_WARNINGS("Ready, with warnings"),
    NEEDS_DECISION("Needs your decision"),
    BLOCKED("Blocked");

    private final String label;

    Verdict(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    static Verdict of(Severity worst) {
        return switch (worst) {
            case OK -> READY;
            case WARNING -> READY_WITH_WARNINGS;
            case NEEDS_DECISION -> NEEDS_DECISION;
            case BLOCKING -> BLOCKED;
        };
    }

    /** True when nothing blocks and nothing waits for a decision. */
    public boolean canProceed() {
        return this == READY || this == READY_WITH_WARNINGS;
    }
}
