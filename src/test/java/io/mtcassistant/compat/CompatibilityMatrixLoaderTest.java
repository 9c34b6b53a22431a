package io.mtcassistant.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mtcassistant.common.XdgDirs;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompatibilityMatrixLoaderTest {

    @TempDir
    Path home;

    private XdgDirs dirs() {
        return new XdgDirs(Map.of("XDG_CONFIG_HOME", home.resolve("config").toString()), home);
    }

    private String builtInText() throws IOException {
        try (InputStream in = getClass().getResourceAsStream(CompatibilityMatrixLoader.RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private Path writeOverride(String text) throws IOException {
        Path file = CompatibilityMatrixLoader.overrideFile(dirs());
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    @Test
    void withoutOverrideTheBuiltInDataIsUsed() throws Exception {
        CompatibilityMatrixLoader.Loaded loaded = CompatibilityMatrixLoader.load(dirs());
        assertThat(loaded.override()).isFalse();
        assertThat(loaded.origin()).contains("built-in");
        assertThat(loaded.matrix().platforms()).hasSize(4);
    }

    @Test
    void overrideInTheConfigFolderWins() throws Exception {
        // A new release: 4.20 and later get MTC 1.9 (an admin's edit, no rebuild).
        String text = builtInText()
                .replace("  - id: \"ocp-4.10+\"\n    label: \"OpenShift Container Platform 4.10 or later\"\n    from: \"4.10\"\n",
                        "  - id: \"ocp-4.10-4.19\"\n    label: \"OpenShift Container Platform 4.10 to 4.19\"\n    from: \"4.10\"\n    to: \"4.19\"\n")
                .replace("platforms:\n", "platforms:\n  - id: \"ocp-4.20+\"\n    label: \"OpenShift Container Platform 4.20 or later\"\n"
                        + "    from: \"4.20\"\n    platformClass: modern\n    stableMtc: \"1.9\"\n    controlCluster: true\n"
                        + "    install:\n      - mtc: \"1.9\"\n        method: olm\n        channel: \"release-v1.9\"\n"
                        + "        text: \"Install with OLM, release channel release-v1.9\"\n")
                .replace("mtcReleases:\n", "mtcReleases:\n  - version: \"1.9\"\n    label: \"MTC v.1.9.z\"\n"
                        + "    supportStatement: \"MTC 1.9 only supports migrations from OpenShift Container Platform 4.20 and later.\"\n"
                        + "    oadpChannel: \"stable-1.5\"\n    tunnelApi: false\n    legacyControlCluster: false\n");
        Path file = writeOverride(text);
        CompatibilityMatrixLoader.Loaded loaded = CompatibilityMatrixLoader.load(dirs());
        assertThat(loaded.override()).isTrue();
        assertThat(loaded.origin()).isEqualTo(file.toString());
        assertThat(loaded.matrix().columnFor(OpenShiftVersion.of("4.21")).orElseThrow().stableInstall().channel())
                .isEqualTo("release-v1.9");
        assertThat(loaded.matrix().columnFor(OpenShiftVersion.of("4.19")).orElseThrow().stableMtc())
                .isEqualTo(MtcVersion.of("1.8"));
    }

    @Test
    void brokenYamlNamesTheFileAndLine() throws Exception {
        Path file = writeOverride("schemaVersion: 1\nplatforms:\n  - id: [unclosed\n");
        assertThatThrownBy(() -> CompatibilityMatrixLoader.load(dirs()))
                .isInstanceOf(CompatibilityDataException.class)
                .hasMessageStartingWith(file.toString() + ":")
                .hasMessageContaining("malformed");
    }

    @Test
    void unquotedVersionIsRejectedBecauseItLosesTheMinor() throws Exception {
        Path file = writeOverride(builtInText().replace("from: \"4.10\"", "from: 4.10"));
        assertThatThrownBy(() -> CompatibilityMatrixLoader.load(dirs()))
                .isInstanceOf(CompatibilityDataException.class)
                .hasMessageStartingWith(file.toString())
                .hasMessageContaining("quotes");
    }

    @Test
    void unknownKeyIsRejected() throws Exception {
        Path file = writeOverride(builtInText().replace("    stableMtc: \"1.8\"", "    stableMTC: \"1.8\""));
        assertThatThrownBy(() -> CompatibilityMatrixLoader.load(dirs()))
                .isInstanceOf(CompatibilityDataException.class)
                .hasMessageStartingWith(file.toString())
                .hasMessageContaining("stableMTC");
    }

    @Test
    void inconsistentDataIsRejectedWithTheEntry() throws Exception {
        writeOverride(builtInText().replace("from: \"4.6\"", "from: \"4.5\""));
        assertThatThrownBy(() -> CompatibilityMatrixLoader.load(dirs()))
                .hasMessageContaining("ocp-4.0-4.5 and ocp-4.6-4.9 overlap");
        writeOverride(builtInText().replace("stableMtc: \"1.8\"", "stableMtc: \"2.0\""));
        assertThatThrownBy(() -> CompatibilityMatrixLoader.load(dirs()))
                .hasMessageContaining("ocp-4.10+: stableMtc 2.0 is not in mtcReleases");
    }

    @Test
    void emptyFileIsAnError() throws Exception {
        Path file = writeOverride("");
        assertThatThrownBy(() -> CompatibilityMatrixLoader.load(dirs()))
                .isInstanceOf(CompatibilityDataException.class)
                .hasMessageStartingWith(file.toString());
    }
}
