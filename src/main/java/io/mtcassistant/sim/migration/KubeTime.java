package io.mtcassistant.sim.migration;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Time as Kubernetes objects and MTC progress lines write it. */
final class KubeTime {

    private KubeTime() {
    }

    /** RFC 3339 in whole seconds, as the API server stores metav1.Time. */
    static String format(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** Go's Duration.String() rounded to seconds: "0s", "45s", "2m3s", "1h2m3s". */
    static String goDuration(Duration duration) {
        long seconds = Math.max(0, duration.getSeconds());
        long hours = seconds / 3600;
        long minutes = (seconds % 3600) / 60;
        long rest = seconds % 60;
        if (hours > 0) {
            return hours + "h" + minutes + "m" + rest + "s";
        }
        if (minutes > 0) {
            return minutes + "m" + rest + "s";
        }
        return rest + "s";
    }
}
