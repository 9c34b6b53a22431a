package io.mtcassistant.ui.common;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import io.mtcassistant.settings.Theme;
import javafx.application.Application;
import javafx.scene.Scene;

/** Puts a theme on screen: AtlantaFX Primer as the user-agent stylesheet plus the app's own CSS. */
public final class ThemeStyles {

    public static final String APP_CSS = "/io/mtcassistant/ui/app.css";

    private ThemeStyles() {
    }

    public static void apply(Theme theme) {
        Application.setUserAgentStylesheet(theme == Theme.DARK
                ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }

    public static void addAppStylesheet(Scene scene) {
        String css = ThemeStyles.class.getResource(APP_CSS).toExternalForm();
        if (!scene.getStylesheets().contains(css)) {
            scene.getStylesheets().add(css);
        }
    }
}
