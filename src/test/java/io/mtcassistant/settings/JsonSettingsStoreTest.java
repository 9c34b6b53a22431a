package io.mtcassistant.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mtcassistant.common.XdgDirs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonSettingsStoreTest {

    @TempDir
    Path dir;

    @Test
    void livesUnderXdgConfigHome() {
        XdgDirs dirs = new XdgDirs(Map.of("XDG_CONFIG_HOME", dir.toString()), Path.of("/home/nobody"));
        assertThat(JsonSettingsStore.inConfigDir(dirs).file()).isEqualTo(dir.resolve("mtc-assistant/settings.json"));

        XdgDirs noVariable = new XdgDirs(Map.of(), Path.of("/home/nobody"));
        assertThat(JsonSettingsStore.inConfigDir(noVariable).file())
                .isEqualTo(Path.of("/home/nobody/.config/mtc-assistant/settings.json"));
    }

    @Test
    void savedSettingsComeBackAndTheFolderIsCreated() throws Exception {
        JsonSettingsStore store = new JsonSettingsStore(dir.resolve("config/mtc-assistant/settings.json"));
        Settings settings = new Settings(List.of("/home/a/.kube/config", "/tmp/other.yaml"), Theme.DARK);

        store.save(settings);

        assertThat(new JsonSettingsStore(store.file()).load()).isEqualTo(settings);
        assertThat(Files.readString(store.file())).contains("\"theme\" : \"DARK\"");
        try (Stream<Path> files = Files.list(store.file().getParent())) {
            assertThat(files).as("no temp file is left behind").containsExactly(store.file());
        }
    }

    @Test
    void missingFileGivesDefaults() {
        assertThat(new JsonSettingsStore(dir.resolve("none.json")).load()).isEqualTo(Settings.defaults());
    }

    @Test
    void damagedFileGivesDefaultsInsteadOfStoppingTheApp() throws IOException {
        Path file = Files.writeString(dir.resolve("settings.json"), "{\"theme\": \"DA");
        assertThat(new JsonSettingsStore(file).load()).isEqualTo(Settings.defaults());
    }

    @Test
    void unknownFieldsFromANewerVersionAreIgnored() throws IOException {
        Path file = Files.writeString(dir.resolve("settings.json"), "{\"theme\":\"DARK\",\"futureThing\":42}");
        assertThat(new JsonSettingsStore(file).load().theme()).isEqualTo(Theme.DARK);
    }

    @Test
    void aSaveThatCannotBeWrittenLeavesTheOldFileAndNamesIt() throws Exception {
        Path blocker = Files.writeString(dir.resolve("not-a-dir"), "x");
        JsonSettingsStore store = new JsonSettingsStore(blocker.resolve("settings.json"));

        assertThatThrownBy(() -> store.save(Settings.defaults()))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining(blocker.resolve("settings.json").toString());
        assertThat(Files.readString(blocker)).isEqualTo("x");
    }
}
