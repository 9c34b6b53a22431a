package io.mtcassistant.settings;

/** Loads and saves the app's settings. */
public interface SettingsStore {

    /** The saved settings, or the defaults when nothing usable is saved. Never throws. */
    Settings load();

    /** Saves the settings completely or not at all. */
    void save(Settings settings) throws SettingsException;
}
