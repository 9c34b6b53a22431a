package io.mtcassistant.ui;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** Starts the JavaFX desktop app (the only way the rest of the code opens a window). */
public final class DesktopLauncher {

    private DesktopLauncher() {
    }

    public static void launch(boolean demo) {
        Application.launch(MinimalApp.class, demo ? new String[] {"--demo"} : new String[0]);
    }

    /** Minimal window until the wizard shell lands. */
    public static class MinimalApp extends Application {
        @Override
        public void start(Stage stage) {
            stage.setTitle("MTC Assistant");
            stage.setScene(new Scene(new Label("MTC Assistant"), 640, 400));
            stage.show();
        }
    }
}
