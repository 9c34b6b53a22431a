package io.mtcassistant.ui.common;

import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;

/** Small factory so icons get one size and a style class everywhere. */
public final class Icons {

    private Icons() {
    }

    public static FontIcon icon(Ikon ikon, String... styleClasses) {
        FontIcon icon = new FontIcon(ikon);
        icon.getStyleClass().add("app-icon");
        icon.getStyleClass().addAll(styleClasses);
        return icon;
    }
}
