package io.mtcassistant.monitor;

import java.time.Duration;
import java.time.Instant;

/**
 * Whether the monitor's data is live. While a watch is broken the last good data stays on screen, marked stale with
 * its age, and the watcher keeps retrying with a growing delay.
 *
 * @param staleSince when the data stopped being live (null while live or before the first load)
 * @param attempts failed attempts since the last good connection
 * @param nextRetryIn the backoff before the next attempt (null while live)
 * @param lastError the last connection error in plain words (null while live)
 */
public record FeedStatus(Kind kind, Instant staleSince, int attempts, Duration nextRetryIn, String lastError) {

    public enum Kind { CONNECTING, LIVE, RECONNECTING, STOPPED }

    public static FeedStatus connecting() {
        return new FeedStatus(Kind.CONNECTING, null, 0, null, null);
    }

    public static FeedStatus live() {
        return new FeedStatus(Kind.LIVE, null, 0, null, null);
    }

    /** A file read once: not live, not stale. */
    public static FeedStatus stopped() {
        return new FeedStatus(Kind.STOPPED, null, 0, null, null);
    }

    public boolean stale() {
        return kind == Kind.RECONNECTING;
    }

    /** "Live", "Connecting...", "Stale for 1m 05s: connection refused; retry 3 in 4s". */
    public String describe(Instant now) {
        return switch (kind) {
            case LIVE -> "Live";
            case CONNECTING -> attempts == 0 ? "Connecting..." : "Connecting (attempt " + (attempts + 1) + ", next in "
                    + Durations.short_(nextRetryIn) + ")" + (lastError == null ? "" : ": " + lastError);
            case STOPPED -> "Read from a file";
            case RECONNECTING -> "Stale for " + Durations.short_(Duration.between(staleSince, now))
                    + " - reconnecting (attempt " + (attempts + 1) + ", next in " + Durations.short_(nextRetryIn) + ")"
                    + (lastError == null ? "" : ": " + lastError);
        };
    }
}
