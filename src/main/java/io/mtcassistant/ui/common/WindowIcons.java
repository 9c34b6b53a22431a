package io.mtcassistant.ui.common;

import java.io.InputStream;
import java.util.List;
import javafx.scene.image.Image;
import javafx.stage.Stage;

/** Window icons from the packaging's {@code /icons/} folder on the class path, when it is there. */
public final class WindowIcons {

    static final List<Integer> SIZES = List.of(16, 24, 32, 48, 64, 128, 256);

    private WindowIcons() {
    }

    public static void apply(Stage stage) {
        for (int size : SIZES) {
            try (InputStream in = WindowIcons.class.getResourceAsStream("/icons/mtc-assistant-" + size + ".png")) {
                if (in != null) {
                    stage.getIcons().add(new Image(in));
                }
            } catch (java.io.IOException ignored) {
                // An unreadable icon only costs the title-bar picture.
            }
        }
    }
}
