package io.mtcassistant.monitor;

/**
 * One PVC's direct volume transfer (a DirectVolumeMigrationProgress, or a DVM pod line when no DVMP is visible).
 *
 * @param rateBytesPerSecond the transfer rate in bytes per second, null when unknown
 */
public record VolumeProgress(String pvc, String pod, String phase, Double percent, String rate,
        Double rateBytesPerSecond, String elapsed, String migrationName) {

    /**
     * Whether the copy has begun. A pending transfer pod has no rate even when the object still carries an old one,
     * so a volume that waits never reads as "Pending 0% 61.8MB/s".
     */
    public boolean started() {
        if (phase == null || phase.isBlank()) {
            return percent != null && percent > 0;
        }
        return !phase.equalsIgnoreCase("Pending");
    }

    /** The rate while it copies; null once finished or before it began. */
    public String shownRate() {
        boolean copying = started() && !finished();
        return copying ? rate : null;
    }

    /** The rate in bytes per second while it copies, for the rate chart; null otherwise. */
    public Double shownRateBytesPerSecond() {
        return shownRate() == null ? null : rateBytesPerSecond;
    }

    private boolean finished() {
        return phase != null && (phase.equalsIgnoreCase("Succeeded") || phase.equalsIgnoreCase("Completed")
                || phase.equalsIgnoreCase("Failed"));
    }

    /** "Running  42 %  61.8MB/s", "Pending", "Succeeded  100 %". */
    public String text() {
        StringBuilder text = new StringBuilder(phase == null || phase.isBlank() ? (started() ? "Running" : "Pending")
                : phase);
        if (started() && percent != null) {
            text.append("  ").append(Math.round(percent)).append(" %");
        }
        if (shownRate() != null) {
            text.append("  ").append(shownRate());
        }
        return text.toString();
    }
}
