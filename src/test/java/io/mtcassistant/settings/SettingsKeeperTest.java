package io.mtcassistant.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsKeeperTest {

    @TempDir
    Path dir;

    @Test
    void changesToDifferentFieldsAreBothWritten() {
        JsonSettingsStore store = new JsonSettingsStore(dir.resolve("settings.json"));
        SettingsKeeper keeper = new SettingsKeeper(store, Settings.defaults(), Runnable::run, e -> { throw new AssertionError(e); });

        keeper.update(s -> s.withTheme(Theme.DARK));
        keeper.update(s -> s.withKubeconfigFiles(List.of("/k/config")));

        assertThat(store.load()).isEqualTo(new Settings(List.of("/k/config"), Theme.DARK));
        assertThat(keeper.current()).isEqualTo(store.load());
    }

    @Test
    void writesHappenOnTheWriterNotTheCaller() {
        List<Runnable> queued = new ArrayList<>();
        JsonSettingsStore store = new JsonSettingsStore(dir.resolve("settings.json"));
        SettingsKeeper keeper = new SettingsKeeper(store, Settings.defaults(), queued::add, e -> { });

        keeper.update(s -> s.withTheme(Theme.DARK));

        assertThat(keeper.current().theme()).isEqualTo(Theme.DARK);
        assertThat(store.load().theme()).as("not written yet").isEqualTo(Theme.LIGHT);
        queued.forEach(Runnable::run);
        assertThat(store.load().theme()).isEqualTo(Theme.DARK);
    }

    @Test
    void aFailedWriteIsReported() throws Exception {
        Path blocker = java.nio.file.Files.writeString(dir.resolve("file"), "x");
        List<SettingsException> failures = new ArrayList<>();
        SettingsKeeper keeper = new SettingsKeeper(new JsonSettingsStore(blocker.resolve("settings.json")),
                Settings.defaults(), Runnable::run, failures::add);

        keeper.update(s -> s.withTheme(Theme.DARK));

        assertThat(failures).hasSize(1);
    }
}
