package io.mtcassistant.common;

import java.time.Instant;

/** One line of the activity log: what the app did, when, and how it went. */
public record ActivityEvent(Instant at, Level level, String source, String message) {

    public enum Level { INFO, SUCCESS, WARNING, ERROR }

    public static ActivityEvent info(String source, String message) {
        return new ActivityEvent(Instant.now(), Level.INFO, source, message);
    }

    public static ActivityEvent success(String source, String message) {
        return new ActivityEvent(Instant.now(), Level.SUCCESS, source, message);
    }

    public static ActivityEvent warning(String source, String message) {
        return new ActivityEvent(Instant.now(), Level.WARNING, source, message);
    }

    public static ActivityEvent error(String source, String message) {
        return new ActivityEvent(Instant.now(), Level.ERROR, source, message);
    }
}
