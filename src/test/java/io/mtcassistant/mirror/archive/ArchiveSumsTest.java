package io.mtcassistant.mirror.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mtcassistant.mirror.MirrorException;
import io.mtcassistant.mirror.layout.OciLayout;
import io.mtcassistant.mirror.testsupport.TestImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files next to the volumes (the rebuilt catalog) are listed in SHA256SUMS and verified like the volumes. */
class ArchiveSumsTest {

    @TempDir
    Path tmp;

    @Test
    void filesAddedToTheSumsAreVerifiedToo() throws Exception {
        TestImages images = new TestImages(new OciLayout(tmp.resolve("layout")), 3);
        images.write("app", TestImages.Kind.OCI_MANIFEST, 1000);
        Path archive = tmp.resolve("archive");
        MirrorArchive.pack(images.layout(), ArchiveMetadata.now(List.of()), archive, 0, false);
        Path catalogIndex = Files.createDirectories(archive.resolve("catalog")).resolve("index.json");
        Files.writeString(catalogIndex, "{\"schemaVersion\":2,\"manifests\":[]}");
        Path catalogJson = Files.writeString(archive.resolve("catalog.json"), "{}");

        MirrorArchive.addToSums(archive, List.of(catalogIndex, catalogJson));
        assertThat(Files.readString(archive.resolve(MirrorArchive.SUMS))).contains("  catalog/index.json\n").contains("  catalog.json\n");
        assertThat(MirrorArchive.verify(archive)).isNotEmpty();

        Files.writeString(catalogIndex, "{\"schemaVersion\":2,\"manifests\":[{}]}");
        assertThatThrownBy(() -> MirrorArchive.verify(archive)).isInstanceOf(MirrorException.class)
                .hasMessageContaining("catalog/index.json is truncated or corrupt");
    }

    @Test
    void sumsLinesThatLeaveTheFolderAreRejected() throws Exception {
        Path archive = Files.createDirectories(tmp.resolve("bad"));
        Files.writeString(archive.resolve(MirrorArchive.SUMS), "0".repeat(64) + "  ../outside\n");
        assertThatThrownBy(() -> MirrorArchive.verify(archive)).isInstanceOf(MirrorException.class).hasMessageContaining("malformed line");
    }
}
