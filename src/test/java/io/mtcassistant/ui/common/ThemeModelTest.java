package io.mtcassistant.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtcassistant.settings.Settings;
import io.mtcassistant.settings.SettingsKeeper;
import io.mtcassistant.settings.Theme;
import io.mtcassistant.ui.testsupport.MemorySettingsStore;
import org.junit.jupiter.api.Test;

class ThemeModelTest {

    @Test
    void theChosenThemeIsRememberedForTheNextRun() {
        MemorySettingsStore store = new MemorySettingsStore();
        ThemeModel theme = new ThemeModel(new SettingsKeeper(store, Settings.defaults(), Runnable::run, e -> { }));
        assertThat(theme.theme()).isEqualTo(Theme.LIGHT);

        theme.toggle();

        assertThat(theme.theme()).isEqualTo(Theme.DARK);
        assertThat(store.saved.theme()).isEqualTo(Theme.DARK);
        ThemeModel nextRun = new ThemeModel(new SettingsKeeper(store, store.load(), Runnable::run, e -> { }));
        assertThat(nextRun.theme()).isEqualTo(Theme.DARK);
    }
}
