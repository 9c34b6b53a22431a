package io.mtcassistant.mirror.session;

import io.mtcassistant.mirror.MirrorReport;
import io.mtcassistant.mirror.engine.ImageResult;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * What a finished run did, counted once from the engine's report (the numbers summary.json has), so the screen and the
 * file never disagree.
 *
 * @param images       every image of the run, the catalog included
 * @param copied       images copied in this run
 * @param alreadyThere images the destination had already (an earlier run, or the same content)
 * @param failed       images that did not make it
 * @param bytesMoved   bytes that went over the wire in this run
 * @param plannedBytes the plan's total: every image's size, so layers shared between images count once per image
 * @param blobsShared  blobs not copied because the destination had them or mounted them from another repository
 * @param commonCause  the one reason every failed image gives (the catalog left unpushed aside); null otherwise
 */
public record RunCounts(int images, long copied, long alreadyThere, long failed, long bytesMoved, long plannedBytes,
                        long blobsShared, String commonCause) {

    static final String NOT_PUSHED = "not pushed:";

    public static RunCounts of(MirrorReport report, long plannedBytes) {
        long copied = 0;
        long present = 0;
        long failed = 0;
        Set<String> causes = new LinkedHashSet<>();
        for (ImageResult r : report.images()) {
            switch (r.status()) {
                case MIRRORED -> copied++;
                case ALREADY_PRESENT -> present++;
                case FAILED -> {
                    failed++;
                    String error = r.error() == null ? "" : r.error();
                    if (!error.startsWith(NOT_PUSHED)) {
                        causes.add(error);
                    }
                }
            }
        }
        String common = failed > 1 && causes.size() == 1 ? causes.iterator().next() : null;
        return new RunCounts(report.images().size(), copied, present, failed, report.stats().bytesTransferred(), plannedBytes,
                report.stats().blobsSkipped() + report.stats().blobsMounted(), common);
    }

    /** The one cause all failed rows of a table share (the catalog's "not pushed" aside), if there is one. */
    public static Optional<String> commonCause(java.util.List<ImageRow> rows) {
        Set<String> causes = new LinkedHashSet<>();
        long failed = 0;
        for (ImageRow row : rows) {
            if (row.state() == ImageRow.State.FAILED) {
                failed++;
                if (!row.reason().startsWith(NOT_PUSHED)) {
                    causes.add(row.reason());
                }
            }
        }
        return failed > 1 && causes.size() == 1 ? Optional.of(causes.iterator().next()) : Optional.empty();
    }
}
