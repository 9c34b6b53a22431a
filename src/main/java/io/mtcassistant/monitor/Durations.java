package io.mtcassistant.monitor;

import java.time.Duration;

/** Durations as the admin reads them: "45s", "3m 07s", "1h 02m". */
public final class Durations {

    private Durations() {
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
