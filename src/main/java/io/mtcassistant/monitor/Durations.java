package io.mtcassistant.monitor;

import java.time.Duration;

/** Durations as the admin reads them: "45s", "3m 07s", "1h 02m". */
public final class Durations {

    private Durations() {
    }

    /**
     * How long something has been going on, for "waiting ... for X": "just now" under a second, so a thing that has
     * just begun never reads as "0s".
     */
    public static String age(Duration duration) {
        if (duration == null || duration.toSeconds() < 1) {
            return "just now";
        }
        return "for " + short_(duration);
    }

    public static String short_(Duration duration) {
        if (duration == null) {
            return "";
        }
        long seconds = Math.max(0, duration.toSeconds());
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return String.format("%dm %02ds", seconds / 60, seconds % 60);
        }
        return String.format("%dh %02dm", seconds / 3600, (seconds % 3600) / 60);
    }
}
