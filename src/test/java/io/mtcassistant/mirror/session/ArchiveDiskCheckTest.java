package io.mtcassistant.mirror.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtcassistant.mirror.ImageReference;
import io.mtcassistant.mirror.MirrorOptions;
import io.mtcassistant.mirror.archive.ArchiveSpace;
import io.mtcassistant.mirror.catalog.CatalogPlan;
import io.mtcassistant.mirror.catalog.ImagePurpose;
import io.mtcassistant.mirror.catalog.PlannedImage;
import io.mtcassistant.mirror.plan.MirrorItem;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The free-space check before mirror -> archive, on a fake file store: shared layers once, the catalog beside the volumes. */
class ArchiveDiskCheckTest {

    private static final long BASE = 400L << 20;

    @TempDir
    Path tmp;

    private static PlannedImage image(String name, ImagePurpose purpose, Map<String, Long> manifests, Map<String, Long> blobs) {
        ImageReference ref = ImageReference.parseRegistry(name);
        long size = manifests.values().stream().mapToLong(Long::longValue).sum() + blobs.values().stream().mapToLong(Long::longValue).sum();
        return new PlannedImage(new MirrorItem(name, ref, ref), purpose, "test", size, manifests, blobs);
    }

    /** Three operand images on one 400 MiB base layer, and a 30 MiB rebuilt catalog. */
    private static CatalogPlan plan() {
        List<PlannedImage> images = List.of(
                image("example.com/mtc/controller:v1", ImagePurpose.MTC_OPERAND, Map.of("sha256:m1", 1000L),
                        Map.of("sha256:base", BASE, "sha256:c1", 10L << 20)),
                image("example.com/mtc/ui:v1", ImagePurpose.MTC_OPERAND, Map.of("sha256:m2", 1000L),
                        Map.of("sha256:base", BASE, "sha256:c2", 20L << 20)),
                image("example.com/oadp/velero:v1", ImagePurpose.OADP_DEPENDENCY, Map.of("sha256:m3", 1000L),
                        Map.of("sha256:base", BASE, "sha256:c3", 30L << 20)),
                new PlannedImage(new MirrorItem("example.com/index:v1", ImageReference.parseRegistry("example.com/index:v1"),
                        ImageReference.parseRegistry("example.com/index:v1")), ImagePurpose.CATALOG, "rebuilt", 30L << 20));
        return new CatalogPlan(null, null, null, null, null, images, List.of());
    }

    @Test
    void theNeedCountsASharedLayerOnceAndIsSaidAgainstTheFreeSpace() {
        CatalogPlan plan = plan();
        ArchiveSpace space = MirroringSession.archiveSpace(plan, tmp.resolve("archive"), MirrorOptions.defaults());
        long unique = BASE + (60L << 20) + 3000;
        assertThat(space.toWrite()).isBetween(unique, unique + (1L << 20));
        assertThat(space.besideVolumes()).isGreaterThanOrEqualTo(30L << 20);
        // Six transfers at once may hold all four blobs in staging; with one, only the largest waits there.
        assertThat(space.staging()).isEqualTo(BASE + (60L << 20) + 3000);
        ArchiveSpace oneJob = MirroringSession.archiveSpace(plan, tmp.resolve("archive"), new MirrorOptions(1, true, true, 0));
        assertThat(oneJob.staging()).isEqualTo(BASE + 3000);
        // The old rule wanted every image's full size and 10% more: the base layer three times.
        long oldRule = (long) (plan.knownBytes() * 1.1);
        assertThat(oneJob.needed()).isEqualTo(space.toWrite() + BASE + 3000 + ArchiveSpace.MARGIN_PER_VOLUME + space.besideVolumes())
                .isLessThan(oldRule - BASE);
        assertThat(space.needed()).isLessThan(oldRule);

        MirroringSession.DiskCheck tight = MirroringSession.diskCheck(tmp.resolve("archive"), space, folder -> space.needed() - 1);
        assertThat(tight.enough()).isFalse();
        assertThat(tight.known()).isTrue();
        MirroringSession.DiskCheck exact = MirroringSession.diskCheck(tmp.resolve("archive"), space, folder -> space.needed());
        assertThat(exact.enough()).isTrue();
        assertThat(exact.neededBytes()).isEqualTo(space.needed());
        assertThat(exact.freeBytes()).isEqualTo(space.needed());
    }

    @Test
    void theFreeSpaceIsAskedOfTheNearestExistingFolderAndAnUnreadableStoreIsUnknown() {
        Path[] asked = new Path[1];
        ArchiveSpace space = MirroringSession.archiveSpace(plan(), tmp.resolve("not/yet/there"), MirrorOptions.defaults());
        MirroringSession.DiskCheck check = MirroringSession.diskCheck(tmp.resolve("not/yet/there"), space, folder -> {
            asked[0] = folder;
            return 1L << 40;
        });
        assertThat(asked[0]).isEqualTo(tmp.toAbsolutePath());
        assertThat(check.enough()).isTrue();

        MirroringSession.DiskCheck unknown = MirroringSession.diskCheck(tmp, space, folder -> {
            throw new IOException("no file store");
        });
        assertThat(unknown.known()).isFalse();
        assertThat(unknown.enough()).isTrue();
    }

    @Test
    void theVolumesOfAnEarlierArchiveThatARunReplacesCountAsFree() {
        ArchiveSpace space = new ArchiveSpace(1000, 100, 10, 0, 0, 500, 1);
        assertThat(MirroringSession.diskCheck(tmp, space, folder -> 700).enough()).isTrue();
        assertThat(MirroringSession.diskCheck(tmp, space, folder -> 500).enough()).isFalse();
    }
}
