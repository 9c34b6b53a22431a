package io.mtcassistant.ui;

import io.mtcassistant.common.XdgDirs;
import io.mtcassistant.settings.JsonSettingsStore;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import javafx.application.Application;

/** Starts the JavaFX desktop app (the only way the rest of the code opens a window). */
public final class DesktopLauncher {

    /** Overrides where the settings file lives (for tests and portable installs). */
    public static final String SETTINGS_FILE_PROPERTY = "mtc.settings.file";

    private DesktopLauncher() {
    }

    public static void launch(boolean demo) {
        StartupMarker.phase("launcher entered");
        String override = System.getProperty(SETTINGS_FILE_PROPERTY);
        JsonSettingsStore store = override != null && !override.isBlank()
                ? new JsonSettingsStore(Path.of(override))
                : JsonSettingsStore.inConfigDir(XdgDirs.system());
        // Read while the toolkit starts (it is needed before the first frame, for the remembered theme).
        MtcAssistantApp.options = new MtcAssistantApp.LaunchOptions(demo, store, CompletableFuture.supplyAsync(store::load));
        try {
            Application.launch(MtcAssistantApp.class);
        } catch (RuntimeException | Error e) {
            if (MissingDesktopLibraries.advice(e).isPresent()) {
                throw new MissingDesktopLibraries.Failure(e);
            }
            throw e;
        }
        // launch() returns once the window is closed and stop() has closed sessions and simulations. Library threads
        // (HTTP clients, mock servers) may not be daemons; they must not keep a windowless process alive.
        System.exit(0);
    }
}
