package io.mtcassistant.install.plan;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Every action's final state after one apply; actions after a failure stay waiting. */
public record ApplyResult(String cluster, List<ActionOutcome> outcomes, Duration elapsed) {

    public ApplyResult {
        outcomes = List.copyOf(outcomes);
    }

    public boolean succeeded() {
        return outcomes.stream().allMatch(o -> o.state().succeeded());
    }

    public Optional<ActionOutcome> failure() {
        return outcomes.stream().filter(o -> o.state() == ActionState.FAILED).findFirst();
    }
}
