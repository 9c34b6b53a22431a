package io.mtcassistant.mirror.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtcassistant.mirror.engine.ImageResult;
import io.mtcassistant.mirror.engine.TransferListener.ImageState;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressTrackerTest {

    private final AtomicLong nanos = new AtomicLong();
    private final ProgressTracker tracker = new ProgressTracker(nanos::get, null);

    private static ImageRow planned(String source, long size) {
        return new ImageRow(source, "MTC operator or operand image", "", size, ImageRow.State.WAITING, "");
    }

    @Test
    void rowsFollowTheEngineAndBytesGiveRateAndEta() {
        tracker.reset(List.of(planned("registry.redhat.io/rhmtc/a:v1", 1000), planned("registry.redhat.io/rhmtc/b:v1", 1000),
                planned("registry.redhat.io/rhmtc/c:v1", 2000)));
        tracker.imageState("registry.redhat.io/rhmtc/a:v1", ImageState.STARTED, null);
        tracker.bytesTransferred(500);
        nanos.set(Duration.ofSeconds(1).toNanos());

        ProgressSnapshot s = tracker.snapshot();
        assertThat(s.rows()).extracting(ImageRow::state)
                .containsExactly(ImageRow.State.COPYING, ImageRow.State.WAITING, ImageRow.State.WAITING);
        assertThat(s.bytesDone()).isEqualTo(500);
        assertThat(s.bytesTotal()).isEqualTo(4000);
        assertThat(s.bytesPerSecond()).isEqualTo(500.0);
        assertThat(s.eta()).isEqualTo(Duration.ofSeconds(7));
        assertThat(s.fraction()).isEqualTo(0.125);
    }

    @Test
    void aCopyingImageShowsTheShareOfItsBlobsInPlaceUntilItFinishes() {
        tracker.reset(List.of(planned("registry.redhat.io/rhmtc/a:v1", 1000), planned("registry.redhat.io/rhmtc/b:v1", 1000)));
        tracker.imageState("registry.redhat.io/rhmtc/a:v1", ImageState.STARTED, null);
        tracker.imageProgress("registry.redhat.io/rhmtc/a:v1", 250, 1000);
        tracker.imageState("registry.redhat.io/rhmtc/a:v1", ImageState.MANIFESTS_READ, "1 manifests");
        assertThat(tracker.snapshot().rows().get(0).stateText()).isEqualTo("copying 25%");
        assertThat(tracker.snapshot().rows().get(1).stateText()).isEqualTo("waiting");

        tracker.imageProgress("registry.redhat.io/rhmtc/a:v1", 1000, 1000);
        assertThat(tracker.snapshot().rows().get(0).stateText()).isEqualTo("copying 100%");

        tracker.imageState("registry.redhat.io/rhmtc/a:v1", ImageState.FINISHED, "sha256:x");
        tracker.imageProgress("registry.redhat.io/rhmtc/a:v1", 500, 1000);
        assertThat(tracker.snapshot().rows().get(0).stateText()).as("a late event does not reopen a finished image")
                .isEqualTo("done");
    }

    @Test
    void finishedImagesStayFinishedAndFailuresKeepTheirReason() {
        tracker.reset(List.of(planned("registry.redhat.io/rhmtc/a:v1", 1000), planned("registry.redhat.io/rhmtc/b:v1", 1000)));
        tracker.imageFinished(new ImageResult("registry.redhat.io/rhmtc/a:v1", "m/rhmtc/a:v1", "sha256:x", null, 1000,
                Duration.ZERO, ImageResult.Status.ALREADY_PRESENT, null));
        tracker.imageState("registry.redhat.io/rhmtc/a:v1", ImageState.STARTED, null);
        tracker.imageFinished(new ImageResult("registry.redhat.io/rhmtc/b:v1", "m/rhmtc/b:v1", null, null, 0, Duration.ZERO,
                ImageResult.Status.FAILED, "manifest unknown"));
        tracker.imageState("somewhere.else/x:1", ImageState.STARTED, null);

        ProgressSnapshot s = tracker.snapshot();
        assertThat(s.rows()).extracting(ImageRow::state).containsExactly(ImageRow.State.ALREADY_PRESENT, ImageRow.State.FAILED);
        assertThat(s.rows().get(1).reason()).isEqualTo("manifest unknown");
        assertThat(s.bytesDone()).as("already-present images count as done").isEqualTo(1000);
        assertThat(s.allFinished()).isTrue();
        assertThat(s.fraction()).as("a failed image is not progress (issue 16, point 6)").isEqualTo(0.5);
    }

    @Test
    void aRunWhereEveryImageFailedShowsNoProgress() {
        tracker.reset(List.of(planned("registry.redhat.io/rhmtc/a:v1", 1000), planned("registry.redhat.io/rhmtc/b:v1", 1000)));
        for (String source : List.of("registry.redhat.io/rhmtc/a:v1", "registry.redhat.io/rhmtc/b:v1")) {
            tracker.imageFinished(new ImageResult(source, "m/x", null, null, 0, Duration.ZERO, ImageResult.Status.FAILED,
                    "cannot connect to registry mirror.invalid:5000: host not found"));
        }
        ProgressSnapshot s = tracker.snapshot();
        assertThat(s.allFinished()).isTrue();
        assertThat(s.succeeded()).isZero();
        assertThat(s.fraction()).isZero();
        assertThat(RunCounts.commonCause(s.rows())).contains("cannot connect to registry mirror.invalid:5000: host not found");
    }

    @Test
    void theBarStaysBelowFullUntilEveryImageHasFinished() {
        tracker.reset(List.of(planned("registry.redhat.io/rhmtc/a:v1", 100), planned("registry.redhat.io/rhmtc/b:v1", 100)));
        tracker.bytesTransferred(500);
        assertThat(tracker.snapshot().fraction()).isEqualTo(0.99);
        assertThat(tracker.snapshot().bytesDone()).isEqualTo(200);
    }
}
