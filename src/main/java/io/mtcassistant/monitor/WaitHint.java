package io.mtcassistant.monitor;

import java.time.Duration;
import java.time.Instant;

/**
 * What a migration waits for in a wait phase and since when; {@link #long_()} once it has waited longer than
 * such a phase usually takes (the phases users report as stuck).
 */
public record WaitHint(String phase, String waitingFor, String whatToCheck, Instant since, Duration waited,
        boolean long_) {

    /** "Waiting for the backup on the source cluster for 3m 07s.", with what to check once it is long. */
    public String text() {
        return "Waiting for " + waitingFor + " " + Durations.age(waited) + (long_ ? ". That is long: check " + whatToCheck
                + "." : ".");
    }
}
