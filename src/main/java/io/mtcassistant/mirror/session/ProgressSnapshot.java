package io.mtcassistant.mirror.session;

import java.time.Duration;
import java.util.List;

/**
 * The state of a run at one moment, for the screen.
 *
 * @param rows             every planned image with its state, in plan order
 * @param bytesDone        bytes moved in this run plus the planned size of images already in the destination
 * @param bytesTotal       the plan's known total size
 * @param bytesPerSecond   average rate of this run so far
 * @param eta              estimated time left; null when it cannot be estimated
 */
public record ProgressSnapshot(List<ImageRow> rows, long bytesDone, long bytesTotal, double bytesPerSecond, Duration eta) {

    public long count(ImageRow.State state) {
        return rows.stream().filter(r -> r.state() == state).count();
    }

    public long finished() {
        return rows.stream().filter(r -> r.state().finished()).count();
    }

    public boolean allFinished() {
        return finished() == rows.size();
    }

    /** Images that made it: copied, or already in the destination. */
    public long succeeded() {
        return count(ImageRow.State.DONE) + count(ImageRow.State.ALREADY_PRESENT);
    }

    /**
     * 0..1: bytes against the planned total, kept below 1 until every image has made it (shared layers move once). A
     * failed image never counts as progress, so a run where all images failed never shows a full bar.
     */
    public double fraction() {
        if (rows.isEmpty()) {
            return 0;
        }
        if (succeeded() == rows.size()) {
            return 1;
        }
        double byBytes = bytesTotal > 0 ? (double) bytesDone / bytesTotal : 0;
        double byImages = (double) succeeded() / rows.size();
        return Math.min(0.99, Math.max(byBytes, byImages));
    }
}
