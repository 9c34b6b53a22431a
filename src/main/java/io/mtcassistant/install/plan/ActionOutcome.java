package io.mtcassistant.install.plan;

import java.time.Duration;

/**
 * Where one action stands: its state, what happened in plain words (the server's reason on failure), and how long it
 * has taken so far.
 */
public record ActionOutcome(int index, ChangeAction action, ActionState state, String message, Duration elapsed) {

    public static ActionOutcome waiting(int index, ChangeAction action) {
        return new ActionOutcome(index, action, ActionState.WAITING, "", Duration.ZERO);
    }
}
