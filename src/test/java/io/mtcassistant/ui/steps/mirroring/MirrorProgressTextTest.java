package io.mtcassistant.ui.steps.mirroring;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtcassistant.mirror.archive.ArchiveSpace;
import io.mtcassistant.mirror.session.MirroringSession;
import io.mtcassistant.mirror.session.RunCounts;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The words of the Mirroring page's disk and progress lines. */
class MirrorProgressTextTest {

    @Test
    void aFinishedRunSaysWhatHappenedToTheBytesThatDidNotMove() {
        RunCounts counts = new RunCounts(24, 20, 4, 0, 13_605, 32 * 1024, 3, null);
        assertThat(MirrorProgressText.finished(counts)).isEqualTo("24 images: 20 copied, 4 already there · 13 KiB moved of "
                + "32 KiB planned (the plan counts layers shared between images once per image; they move once, and 3 blob(s) "
                + "were already in the destination or mounted)");
    }

    @Test
    void aFailedRunCountsItsFailuresAndExplainsNothingAway() {
        RunCounts counts = new RunCounts(25, 0, 0, 25, 0, 32 * 1024, 0, "connection refused");
        assertThat(MirrorProgressText.finished(counts)).isEqualTo("25 images: 0 copied, 25 failed · 0 B moved of 32 KiB planned");
    }

    @Test
    void theDiskLineSaysEnoughNotEnoughOrUnknown() {
        Path folder = Path.of("/tmp/archive");
        assertThat(MirrorProgressText.disk(null)).isEmpty();
        assertThat(MirrorProgressText.disk(new MirroringSession.DiskCheck(folder, 2048, 4096)))
                .isEqualTo("Enough disk space: 2.0 KiB needed, 4.0 KiB free in /tmp/archive.");
        assertThat(MirrorProgressText.disk(new MirroringSession.DiskCheck(folder, 4096, 2048))).startsWith("Not enough disk space");
        assertThat(MirrorProgressText.disk(new MirroringSession.DiskCheck(folder, 4096, -1)))
                .isEqualTo("The free space in /tmp/archive could not be read; about 4.0 KiB are needed.");
    }

    @Test
    void theDiskLineSaysHowTheNeedIsMadeUp() {
        Path folder = Path.of("/tmp/archive");
        ArchiveSpace resumed = new ArchiveSpace(900L << 20, 120L << 20, 8L << 20, 30L << 20, 300L << 20, 0, 2);
        assertThat(MirrorProgressText.disk(new MirroringSession.DiskCheck(folder, resumed.needed(), 2L << 30, resumed)))
                .isEqualTo("Enough disk space: 1.0 GiB needed, 2.0 GiB free in /tmp/archive (900 MiB still to write into the archive,"
                        + " 120 MiB for blobs waiting in staging, 8.0 MiB margin for 2 volumes, 30 MiB for the catalog and metadata"
                        + " next to it); the 300 MiB the interrupted run wrote are kept.");
        ArchiveSpace replacing = new ArchiveSpace(900L << 20, 120L << 20, 4L << 20, 0, 0, 1L << 30, 1);
        assertThat(MirrorProgressText.disk(new MirroringSession.DiskCheck(folder, replacing.needed(), 512L << 20, replacing)))
                .isEqualTo("Enough disk space: 1.0 GiB needed, 512 MiB free in /tmp/archive (900 MiB still to write into the archive,"
                        + " 120 MiB for blobs waiting in staging, 4.0 MiB margin for 1 volume); the earlier archive there (1.0 GiB)"
                        + " is deleted first.");
    }
}
