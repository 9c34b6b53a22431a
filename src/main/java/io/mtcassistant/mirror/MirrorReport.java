package io.mtcassistant.mirror;

import io.mtcassistant.mirror.engine.ImageResult;
import io.mtcassistant.mirror.engine.TransferStats;
import java.nio.file.Path;
import java.util.List;

/** The outcome of a mirror run: per-image results, counters, and where the outputs went. */
public record MirrorReport(List<ImageResult> images, TransferStats stats, Path resultsDir, Path archiveDir) {

    public boolean ok() {
        return images.stream().allMatch(ImageResult::ok);
    }

    public long failed() {
        return images.stream().filter(r -> !r.ok()).count();
    }
}
