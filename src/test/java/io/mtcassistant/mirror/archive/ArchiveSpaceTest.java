package io.mtcassistant.mirror.archive;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtcassistant.mirror.Descriptor;
import io.mtcassistant.mirror.Digests;
import io.mtcassistant.mirror.layout.OciLayout;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The free space an archive run still needs, checked against what {@link StreamingArchive} really writes:
 * a fresh archive, one continued after an interruption, and one replacing an earlier archive in the folder.
 */
class ArchiveSpaceTest {

    private static final long VOLUME = 100_000;
    private static final int JOBS = 2;

    @TempDir
    Path tmp;

    @Test
    void sharedBlobsCountOnceAndOnlyTheLargestBlobsInFlightSitInStaging() {
        Map<String, Long> blobs = Map.of("sha256:a", 1_000_000L, "sha256:b", 300_000L, "sha256:c", 200_000L, "sha256:d", 1L);
        Map<String, Long> manifests = Map.of("sha256:m1", 700L, "sha256:m2", 900L);
        ArchiveSpace space = ArchiveSpace.estimate(manifests, blobs, 2, 0, tmp.resolve("new-archive"), 0, JOBS);

        long entries = (512 + 1_000_448) + (512 + 300_032) + (512 + 200_192) + (512 + 512) + (512 + 1024) + (512 + 1024);
        long finish = 2 * 512 + 2 * 2 * ArchiveSpace.FINISH_PER_IMAGE + 2 * 512;
        assertThat(space.toWrite()).isEqualTo(entries + finish);
        assertThat(space.staging()).as("the two largest blobs and the manifests").isEqualTo(1_000_000 + 300_000 + 1600);
        assertThat(space.volumes()).isEqualTo(1);
        assertThat(space.margin()).isEqualTo(ArchiveSpace.MARGIN_PER_VOLUME);
        assertThat(space.needed()).isEqualTo(space.toWrite() + space.staging() + space.margin() + 2 * ArchiveSpace.FINISH_PER_IMAGE);
        assertThat(space.alreadyWritten()).isZero();
        assertThat(space.freedAtStart()).isZero();
    }

    @Test
    void aResumedArchiveNeedsOnlyWhatIsNotPackedAndTheEstimateCoversWhatIsWritten() throws Exception {
        Path archiveDir = tmp.resolve("archive");
        OciLayout staging = new OciLayout(tmp.resolve("staging")).create();
        Random random = new Random(5);
        Map<String, Long> blobs = new LinkedHashMap<>();
        for (int size : List.of(90_000, 45_000, 130_000, 12_345, 60_001, 7)) {
            blobs.put(writeBlob(staging, random, size), (long) size);
        }
        // A manifest stays in staging until the archive is finished.
        String manifest = writeBlob(staging, random, 1500);
        List<String> digests = List.copyOf(blobs.keySet());

        ArchiveSpace fresh = ArchiveSpace.estimate(Map.of(manifest, 1500L), blobs, 1, 0, archiveDir, VOLUME, JOBS);
        try (StreamingArchive first = StreamingArchive.start(staging, archiveDir, VOLUME, false)) {
            for (String d : digests.subList(0, 3)) {
                first.addBlob(d, staging.blobPath(d));
            }
            // closed without finish: the run was cut short
        }

        ArchiveSpace resumed = ArchiveSpace.estimate(Map.of(manifest, 1500L), blobs, 1, 0, archiveDir, VOLUME, JOBS);
        StreamingArchive.Kept kept = StreamingArchive.kept(archiveDir, VOLUME);
        assertThat(kept).isNotNull();
        assertThat(resumed.alreadyWritten()).isEqualTo(kept.end()).isGreaterThan(90_000 + 45_000 + 130_000);
        long packed = ArchiveSpace.entry(90_000) + ArchiveSpace.entry(45_000) + ArchiveSpace.entry(130_000);
        assertThat(resumed.toWrite()).isEqualTo(fresh.toWrite() - packed);
        assertThat(resumed.staging()).as("the largest blobs not yet packed, and the manifest").isEqualTo(60_001 + 12_345 + 1500);
        assertThat(resumed.needed()).isLessThan(fresh.needed() - 200_000);

        List<VolumeOutputStream.Volume> volumes;
        try (StreamingArchive second = StreamingArchive.resume(staging, archiveDir, VOLUME, false)) {
            assertThat(second.resumed()).isTrue();
            for (String d : digests.subList(3, digests.size())) {
                second.addBlob(d, staging.blobPath(d));
            }
            volumes = second.finish(ArchiveMetadata.now(List.of(new ArchiveMetadata.Image("example.com/team/app:v1", "team/app:v1",
                    manifest, "application/vnd.oci.image.manifest.v1+json", 1500))));
        }
        long written = volumes.stream().mapToLong(VolumeOutputStream.Volume::size).sum();
        // The estimate is an upper bound of what the volumes grew by, and not a loose one.
        assertThat(written - resumed.alreadyWritten()).isLessThanOrEqualTo(resumed.toWrite())
                .isGreaterThan(resumed.toWrite() - 2 * 2 * ArchiveSpace.FINISH_PER_IMAGE);
        assertThat(resumed.volumes()).isEqualTo(volumes.size() - (int) (kept.end() / VOLUME));
    }

    @Test
    void aFreshStartOverAnEarlierArchiveCountsItsVolumesAsFreed() throws Exception {
        Path archiveDir = tmp.resolve("earlier");
        OciLayout staging = new OciLayout(tmp.resolve("staging-earlier")).create();
        String digest = writeBlob(staging, new Random(6), 250_000);
        MirrorArchive.pack(staging, ArchiveMetadata.now(List.of()), archiveDir, VOLUME, false);
        long earlier = 0;
        try (var files = Files.list(archiveDir)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                String n = p.getFileName().toString();
                if (n.startsWith(MirrorArchive.TAR) || n.equals(MirrorArchive.SUMS)) {
                    earlier += Files.size(p);
                }
            }
        }

        ArchiveSpace again = ArchiveSpace.estimate(Map.of(), Map.of(digest, 250_000L), 1, 0, archiveDir, VOLUME, JOBS);
        assertThat(again.alreadyWritten()).as("a complete archive is rewritten, not continued").isZero();
        assertThat(again.freedAtStart()).isEqualTo(earlier).isGreaterThan(250_000);
        assertThat(again.volumes()).isEqualTo(3);
        assertThat(again.margin()).isEqualTo(3 * ArchiveSpace.MARGIN_PER_VOLUME);
    }

    private static String writeBlob(OciLayout layout, Random random, int size) {
        byte[] bytes = new byte[size];
        random.nextBytes(bytes);
        String digest = Digests.sha256(bytes);
        layout.writeBlob(new Descriptor(null, digest, size), new ByteArrayInputStream(bytes));
        return digest;
    }
}
