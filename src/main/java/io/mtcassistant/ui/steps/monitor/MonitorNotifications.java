package io.mtcassistant.ui.steps.monitor;

import io.mtcassistant.common.ActivityListener;
import java.util.function.BiConsumer;
import javafx.stage.Window;
import org.controlsfx.control.Notifications;

/** In-app notifications for migration events (ControlsFX), also written to the activity log. */
public final class MonitorNotifications {

    private MonitorNotifications() {
    }

    public static BiConsumer<String, String> toasts(ActivityListener activity) {
        return (title, text) -> {
            activity.info("Monitor", title + ": " + text);
            Window owner = Window.getWindows().stream().filter(Window::isShowing).findFirst().orElse(null);
            if (owner == null) {
                return;
            }
            Notifications.create().owner(owner).title(title).text(text).showInformation();
        };
    }
}
