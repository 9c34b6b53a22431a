package io.mtcassistant.ui.steps.mirroring;

import io.mtcassistant.mirror.session.ImageRow;
import io.mtcassistant.mirror.session.MirroringSession;
import io.mtcassistant.mirror.session.ProgressSnapshot;
import io.mtcassistant.mirror.session.RunCounts;

/** The Mirroring page's lines about disk space and progress, from the engine's numbers. */
final class MirrorProgressText {

    private MirrorProgressText() {
    }

    /** The archive folder's free space against what the plan needs; empty without a check. */
    static String disk(MirroringSession.DiskCheck disk) {
        if (disk == null) {
            return "";
        }
        if (!disk.known()) {
            return "The free space in " + disk.folder() + " could not be read; about " + Sizes.bytes(disk.neededBytes())
                    + " are needed.";
        }
        return (disk.enough() ? "Enough disk space: " : "Not enough disk space: ") + Sizes.bytes(disk.neededBytes())
                + " needed, " + Sizes.bytes(disk.freeBytes()) + " free in " + disk.folder()
                + (disk.space() == null ? "" : disk.space().breakdown()) + ".";
    }

    /** A run as it goes; {@code moving} adds the rate and the time left. */
    static String live(ProgressSnapshot snapshot, boolean moving) {
        StringBuilder text = new StringBuilder();
        text.append(Sizes.bytes(snapshot.bytesDone())).append(" of ").append(Sizes.bytes(snapshot.bytesTotal()))
                .append(" · ").append(snapshot.succeeded()).append(" of ").append(snapshot.rows().size()).append(" images done");
        if (snapshot.count(ImageRow.State.FAILED) > 0) {
            text.append(" (").append(snapshot.count(ImageRow.State.FAILED)).append(" failed)");
        }
        if (moving) {
            text.append(" · ").append(Sizes.rate(snapshot.bytesPerSecond()));
            if (snapshot.eta() != null) {
                text.append(" · about ").append(Sizes.duration(snapshot.eta())).append(" left");
            }
        }
        return text.toString();
    }

    /**
     * The finished run in the engine's own numbers (those of summary.json), with what happened to the planned bytes that
     * did not move.
     */
    static String finished(RunCounts c) {
        StringBuilder text = new StringBuilder();
        text.append(c.images()).append(" images: ").append(c.copied()).append(" copied");
        if (c.alreadyThere() > 0) {
            text.append(", ").append(c.alreadyThere()).append(" already there");
        }
        if (c.failed() > 0) {
            text.append(", ").append(c.failed()).append(" failed");
        }
        text.append(" · ").append(Sizes.bytes(c.bytesMoved())).append(" moved of ").append(Sizes.bytes(c.plannedBytes()))
                .append(" planned");
        if (c.failed() == 0 && c.bytesMoved() < c.plannedBytes()) {
            text.append(" (the plan counts layers shared between images once per image; they move once");
            if (c.blobsShared() > 0) {
                text.append(", and ").append(c.blobsShared()).append(" blob(s) were already in the destination or mounted");
            }
            text.append(")");
        }
        return text.toString();
    }
}
