package io.mtcassistant.cli;

/** Exit codes every command follows (see ARCHITECTURE.md). */
public final class ExitCodes {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int BAD_INPUT = 2;

    private ExitCodes() {
    }
}
