package io.mtcassistant.ui;

import io.mtcassistant.common.XdgDirs;
import io.mtcassistant.settings.JsonSettingsStore;
import java.nio.file.Path;
import javafx.application.Application;

/** Starts the JavaFX desktop app (the only way the rest of the code opens a window). */
public final class DesktopLauncher {

    /** Overrides where the settings file lives (for tests and portable installs). */
    public static final String SETTINGS_FILE_PROPERTY = "mtc.settings.file";

    private DesktopLauncher() {
    }

    public static void launch(boolean demo) {
        String override = System.getProperty(SETTINGS_FILE_PROPERTY);
        JsonSettingsStore store = override != null && !override.isBlank()
                ? new JsonSettingsStore(Path.of(override))
                : JsonSettingsStore.inConfigDir(XdgDirs.system());
        // Read before the toolkit starts, so the first frame already has the remembered theme.
        MtcAssistantApp.options = new MtcAssistantApp.LaunchOptions(demo, store, store.load());
        Application.launch(MtcAssistantApp.class);
    }
}
