package io.mtcassistant.ui.testsupport;

import io.mtcassistant.settings.Theme;
import io.mtcassistant.ui.AppComposition;
import io.mtcassistant.ui.common.ThemeStyles;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** Puts the app's shell in a TestFX stage the way MtcAssistantApp does (light theme, 1280x840), then starts the app. */
public final class TestWindows {

    private TestWindows() {
    }

    public static Scene showShell(Stage stage, AppComposition app) {
        ThemeStyles.apply(Theme.LIGHT);
        Scene scene = new Scene(app.createShell(), 1280, 840);
        ThemeStyles.addAppStylesheet(scene);
        stage.setScene(scene);
        // The stage is shared by the test classes: one that resized it (the 960x600 check) must not shrink the next.
        stage.sizeToScene();
        stage.setTitle(app.windowTitle());
        stage.show();
        app.start();
        return scene;
    }
}
