package io.mtcassistant.ui.steps.mirroring;

import io.mtcassistant.common.ByteSizes;
import java.time.Duration;

/** Bytes, rates and durations in words people read. */
final class Sizes {

    private Sizes() {
    }

    static String bytes(long n) {
        return ByteSizes.words(n);
    }

    static String rate(double bytesPerSecond) {
        return bytes((long) bytesPerSecond) + "/s";
    }

    static String duration(Duration d) {
        long s = Math.max(0, d.toSeconds());
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return (s / 60) + " min " + (s % 60) + " s";
        }
        return (s / 3600) + " h " + (s % 3600 / 60) + " min";
    }
}
