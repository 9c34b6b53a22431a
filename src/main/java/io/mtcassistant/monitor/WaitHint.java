package io.mtcassistant.monitor;

import java.time.Duration;
import java.time.Instant;

/**
 * What a migration waits for in a wait phase and since when; {@link #long_()} once it has waited longer than
 * such a phase usually takes (the phases users report as stuck).
 */
public record WaitHint(String phase, String waitingFor, String whatToCheck, Instant since, Duration waited,
        boolean long_) {

    /**
     * "Waiting for the rsync transfers of the volumes for 3m 07s.", with what to check once it is long; a wait that
     * has just begun says so instead of "for 0s".
     */
    public String text() {
        String age = waited == null || waited.toSeconds() < 1 ? " (started just now)" : " for " + Durations.short_(waited);
        return "Waiting for " + waitingFor + age + (long_ ? ". That is long: check " + whatToCheck + "." : ".");
    }
}
