package io.mtcassistant.mirror.session;

import io.mtcassistant.mirror.ImageReference;
import io.mtcassistant.mirror.MirrorException;
import io.mtcassistant.mirror.engine.ImageResult;
import io.mtcassistant.mirror.engine.TransferListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Collects the engine's progress events (from its worker threads) into per-image rows and byte counts; the UI reads
 * a {@link #snapshot()} at its own pace, so hundreds of images and frequent byte events never flood the screen.
 */
public final class ProgressTracker implements TransferListener {

    private final Map<String, ImageRow> rows = new LinkedHashMap<>();
    private final AtomicLong bytes = new AtomicLong();
    private final LongSupplier nanoClock;
    private volatile TransferListener also;
    private long startedNanos;
    private long alreadyPresentBytes;

    /**
     * @param also receives every event too, after the tracker (a log, or a test that acts at a given point)
     */
    public ProgressTracker(LongSupplier nanoClock, TransferListener also) {
        this.nanoClock = nanoClock;
        this.also = also == null ? TransferListener.NONE : also;
        this.startedNanos = nanoClock.getAsLong();
    }

    public ProgressTracker() {
        this(System::nanoTime, null);
    }

    /** Replaces the listener that receives every event too. */
    public void alsoNotify(TransferListener listener) {
        this.also = listener == null ? TransferListener.NONE : listener;
    }

    /** Starts a run over these rows (all waiting); byte counters restart. */
    public synchronized void reset(List<ImageRow> planned) {
        rows.clear();
        for (ImageRow row : planned) {
            rows.put(key(row.source()), new ImageRow(row.source(), row.purpose(), row.detail(), row.sizeBytes(),
                    ImageRow.State.WAITING, ""));
        }
        bytes.set(0);
        alreadyPresentBytes = 0;
        startedNanos = nanoClock.getAsLong();
    }

    @Override
    public void imageState(String source, ImageState state, String detail) {
        switch (state) {
            case STARTED, MANIFESTS_READ, BLOBS_DONE -> update(source, ImageRow.State.COPYING, "");
            case FINISHED -> update(source, ImageRow.State.DONE, "");
            case FAILED -> update(source, ImageRow.State.FAILED, detail == null ? "" : detail);
        }
        also.imageState(source, state, detail);
    }

    @Override
    public void imageFinished(ImageResult result) {
        switch (result.status()) {
            case MIRRORED -> update(result.source(), ImageRow.State.DONE, "");
            case ALREADY_PRESENT -> update(result.source(), ImageRow.State.ALREADY_PRESENT, "kept from an earlier run");
            case FAILED -> update(result.source(), ImageRow.State.FAILED, result.error() == null ? "" : result.error());
        }
        also.imageFinished(result);
    }

    @Override
    public void imageProgress(String source, long blobBytesDone, long blobBytesTotal) {
        int percent = blobBytesTotal <= 0 ? 100 : (int) Math.min(100, blobBytesDone * 100 / blobBytesTotal);
        synchronized (this) {
            ImageRow row = rows.get(key(source));
            // Only a copying image shows a share; a finished one keeps its final state.
            if (row != null && !row.state().finished()) {
                rows.put(key(source), row.withProgress(ImageRow.State.COPYING, row.reason(), Math.max(percent, row.percent())));
            }
        }
        also.imageProgress(source, blobBytesDone, blobBytesTotal);
    }

    @Override
    public void bytesTransferred(long delta) {
        bytes.addAndGet(delta);
        also.bytesTransferred(delta);
    }

    private synchronized void update(String source, ImageRow.State state, String reason) {
        String key = key(source);
        ImageRow row = rows.get(key);
        if (row == null) {
            return;
        }
        // A late "copying" event must not undo a finished image.
        if (row.state().finished() && !state.finished()) {
            return;
        }
        if (state == ImageRow.State.ALREADY_PRESENT && row.state() != ImageRow.State.ALREADY_PRESENT) {
            alreadyPresentBytes += Math.max(0, row.sizeBytes());
        }
        rows.put(key, row.withProgress(state, reason, state == ImageRow.State.COPYING ? row.percent() : -1));
    }

    public synchronized ProgressSnapshot snapshot() {
        List<ImageRow> list = new ArrayList<>(rows.values());
        long total = list.stream().mapToLong(r -> Math.max(0, r.sizeBytes())).sum();
        long moved = bytes.get();
        double seconds = Math.max(1e-3, (nanoClock.getAsLong() - startedNanos) / 1e9);
        double rate = moved / seconds;
        long done = Math.min(total, moved + alreadyPresentBytes);
        Duration eta = rate > 0 && total > done ? Duration.ofSeconds((long) Math.ceil((total - done) / rate)) : null;
        return new ProgressSnapshot(List.copyOf(list), done, total, rate, eta);
    }

    /** The engine names images by their plain reference (no "docker://"); the plan may carry the text as written. */
    static String key(String source) {
        try {
            return ImageReference.parseRegistry(source).plain();
        } catch (MirrorException | IllegalArgumentException e) {
            return source;
        }
    }
}
