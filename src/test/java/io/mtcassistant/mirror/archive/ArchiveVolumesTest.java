package io.mtcassistant.mirror.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mtcassistant.mirror.MirrorException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveVolumesTest {

    @TempDir
    Path tmp;

    @Test
    void filesAreReadInPlaceAcrossVolumeBoundariesAndTruncationIsDetected() throws Exception {
        byte[] big = new byte[10_000];
        new Random(1).nextBytes(big);
        VolumeOutputStream out = new VolumeOutputStream(tmp, "images.tar", 3000);
        try (TarWriter tar = new TarWriter(out)) {
            tar.addFile("small.txt", "hi".getBytes());
            tar.addFile("blobs/sha256/big", big);
        }
        List<Path> volumes = out.volumes().stream().map(v -> tmp.resolve(v.name())).toList();
        assertThat(volumes).hasSizeGreaterThan(3);
        ArchiveVolumes set = ArchiveVolumes.index(volumes);
        assertThat(set.readString("small.txt")).isEqualTo("hi");
        try (InputStream in = set.open(set.entries().get("blobs/sha256/big").offset(), big.length)) {
            assertThat(in.readAllBytes()).isEqualTo(big);
        }

        Path last = volumes.get(volumes.size() - 1);
        Files.write(last, Arrays.copyOf(Files.readAllBytes(last), 100));
        Path secondLast = volumes.get(volumes.size() - 2);
        Files.write(secondLast, Arrays.copyOf(Files.readAllBytes(secondLast), 10));
        assertThatThrownBy(() -> ArchiveVolumes.index(volumes)).isInstanceOf(MirrorException.class)
                .hasMessageContaining("truncated").matches(e -> ((MirrorException) e).isBadInput());
    }
}
