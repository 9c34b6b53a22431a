package io.mtcassistant.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    @Test
    void replacesTheWholeFileAndLeavesNoTemporaryBehind() throws IOException {
        Path file = dir.resolve("report.md");
        Files.writeString(file, "old");
        AtomicFiles.writeString(file, "new content");
        assertThat(file).hasContent("new content");
        try (var listing = Files.list(dir)) {
            assertThat(listing).containsExactly(file);
        }
    }

    @Test
    void ownerOnlyFilesAreNotReadableByOthers() throws IOException {
        Path file = AtomicFiles.write(dir.resolve("kubeconfig"), "token: x".getBytes(), true);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void aMissingFolderIsAnErrorNamingTheFolder() {
        Path file = dir.resolve("no-such-folder/report.json");
        assertThatThrownBy(() -> AtomicFiles.writeString(file, "{}"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("no-such-folder");
        assertThat(file).doesNotExist();
    }
}
