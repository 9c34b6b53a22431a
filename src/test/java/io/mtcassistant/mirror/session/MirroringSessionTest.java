package io.mtcassistant.mirror.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mtcassistant.mirror.MirrorException;
import io.mtcassistant.mirror.archive.MirrorArchive;
import io.mtcassistant.mirror.catalog.CatalogMirror;
import io.mtcassistant.mirror.catalog.ImagePurpose;
import io.mtcassistant.mirror.engine.ImageResult;
import io.mtcassistant.mirror.engine.TransferListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo through the real catalog and transfer engine: plan, stop half-way, resume to a complete archive. */
class MirroringSessionTest {

    @TempDir
    Path tmp;

    private MirrorSetup toArchive() {
        return new MirrorSetup(MirrorMode.MIRROR_TO_ARCHIVE, MirroringSession.demoIndexImage(), "release-v1.7", true, "",
                "", "", null, false, tmp.resolve("archive"), tmp.resolve("results"));
    }

    @Test
    void demoPlanListsEveryImageWithWhyAndChecksTheDisk() {
        try (MirroringSession session = new MirroringSession(tmp.resolve("cache"), true, new ProgressTracker())) {
            MirroringSession.Planned planned = session.plan(toArchive());

            assertThat(planned.rows()).extracting(ImageRow::purpose).contains(ImagePurpose.CATALOG.label(),
                    ImagePurpose.MTC_BUNDLE.label(), ImagePurpose.MTC_OPERAND.label(), ImagePurpose.OADP_DEPENDENCY.label(),
                    ImagePurpose.LEGACY_OPERATOR.label());
            assertThat(planned.rows()).allMatch(r -> r.sizeBytes() > 0, "every demo image has a measured size");
            assertThat(planned.rows()).noneMatch(r -> r.source().contains("1.8."), "only the chosen channel");
            assertThat(planned.disk()).isNotNull();
            assertThat(planned.disk().neededBytes()).isGreaterThanOrEqualTo(planned.totalBytes());
            assertThat(planned.disk().known()).isTrue();
        }
    }

    @Test
    void aStoppedRunResumesWithoutCopyingFinishedImagesAgain() {
        AtomicReference<MirroringSession> current = new AtomicReference<>();
        TransferListener stopAfterFirstImage = new TransferListener() {
            @Override
            public void imageFinished(ImageResult result) {
                MirroringSession session = current.get();
                if (session != null) {
                    session.stop();
                }
            }
        };
        ProgressTracker tracker = new ProgressTracker(System::nanoTime, stopAfterFirstImage);
        try (MirroringSession session = new MirroringSession(tmp.resolve("cache"), true, tracker)) {
            current.set(session);
            MirroringSession.Planned planned = session.plan(toArchive());

            MirroringSession.Outcome stopped = session.run(planned);
            assertThat(stopped.stopped()).isTrue();
            assertThat(stopped.ok()).isFalse();
            ProgressSnapshot afterStop = tracker.snapshot();
            assertThat(afterStop.count(ImageRow.State.FAILED)).isPositive();
            assertThat(afterStop.rows()).filteredOn(r -> r.state() == ImageRow.State.FAILED)
                    .allMatch(r -> r.reason().contains("run it again to resume") || r.reason().contains("not pushed"));
            assertThat(tmp.resolve("archive").resolve(MirrorArchive.TAR)).doesNotExist();
            long finishedBefore = afterStop.count(ImageRow.State.DONE);

            current.set(null);
            MirroringSession.Outcome done = session.run(planned);
            assertThat(done.ok()).as("resumed run: %s", tracker.snapshot()).isTrue();
            ProgressSnapshot end = tracker.snapshot();
            assertThat(end.allFinished()).isTrue();
            assertThat(end.fraction()).isEqualTo(1.0);
            assertThat(end.count(ImageRow.State.ALREADY_PRESENT)).isGreaterThanOrEqualTo(finishedBefore);
            assertThat(tmp.resolve("archive").resolve(MirrorArchive.TAR)).exists();
            assertThat(CatalogMirror.hasCatalog(tmp.resolve("archive"))).isTrue();
            assertThat(done.files()).extracting(p -> p.getFileName().toString()).contains("summary.json");
        }
    }

    @Test
    void theEngineReportsEachImageReachingAllOfItsBlobs() {
        Map<String, long[]> lastShare = new ConcurrentHashMap<>();
        TransferListener shares = new TransferListener() {
            @Override
            public void imageProgress(String source, long done, long total) {
                lastShare.merge(source, new long[] {done, total}, (a, b) -> a[0] >= b[0] ? a : b);
            }
        };
        try (MirroringSession session = new MirroringSession(tmp.resolve("cache"), true,
                new ProgressTracker(System::nanoTime, shares))) {
            MirroringSession.Outcome written = session.run(session.plan(toArchive()));
            assertThat(written.ok()).isTrue();
        }
        assertThat(lastShare).isNotEmpty();
        assertThat(lastShare.values()).allSatisfy(share -> assertThat(share[0]).isEqualTo(share[1]).isPositive());
    }

    @Test
    void theArchiveSidePlansFromTheArchiveItself() {
        try (MirroringSession session = new MirroringSession(tmp.resolve("cache"), true, new ProgressTracker())) {
            MirroringSession.Outcome written = session.run(session.plan(toArchive()));
            assertThat(written.ok()).isTrue();

            MirrorSetup airGapped = new MirrorSetup(MirrorMode.ARCHIVE_TO_MIRROR, "", null, false, "mirror.example.com:8443/mtc",
                    "", "", null, false, tmp.resolve("archive"), tmp.resolve("results2"));
            MirroringSession.Planned fromArchive = session.plan(airGapped);
            assertThat(fromArchive.rows()).hasSizeGreaterThan(20);
            assertThat(fromArchive.rows()).anyMatch(r -> r.source().contains("openshift-migration-legacy-rhel8-operator"));
            assertThat(fromArchive.rows()).anyMatch(r -> r.purpose().equals(ImagePurpose.CATALOG.label()));
        }
    }

    @Test
    void badInputIsOneClearLine() {
        try (MirroringSession session = new MirroringSession(tmp.resolve("cache"), true, new ProgressTracker())) {
            MirrorSetup noRegistry = new MirrorSetup(MirrorMode.MIRROR_TO_MIRROR, MirroringSession.demoIndexImage(), "release-v1.7",
                    false, " ", "", "", null, false, null, tmp.resolve("results"));
            assertThatThrownBy(() -> session.plan(noRegistry)).isInstanceOf(MirrorException.class)
                    .hasMessageContaining("mirror registry");
            MirrorSetup missingArchive = new MirrorSetup(MirrorMode.ARCHIVE_TO_MIRROR, "", null, false, "mirror:5000", "", "",
                    null, false, tmp.resolve("nope"), tmp.resolve("results"));
            assertThatThrownBy(() -> session.plan(missingArchive)).hasMessageContaining("does not exist");
        }
        assertThat(Files.exists(tmp.resolve("results"))).isFalse();
    }
}
