package io.mtcassistant.ui.testsupport;

import io.mtcassistant.settings.Settings;
import io.mtcassistant.settings.SettingsStore;

/** Settings kept in memory; counts saves. */
public final class MemorySettingsStore implements SettingsStore {

    public volatile Settings saved = Settings.defaults();
    public volatile int saves;

    @Override
    public Settings load() {
        return saved;
    }

    @Override
    public void save(Settings settings) {
        saved = settings;
        saves++;
    }
}
