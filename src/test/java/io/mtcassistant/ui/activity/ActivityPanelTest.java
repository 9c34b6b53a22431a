package io.mtcassistant.ui.activity;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtcassistant.common.ActivityEvent;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Scene;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class ActivityPanelTest {

    private final ActivityLog log = new ActivityLog(Runnable::run);

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(ActivityPanel.create(log), 800, 200));
        stage.show();
    }

    @Test
    void theNewestLineIsInView(FxRobot robot) {
        for (int i = 1; i <= 30; i++) {
            int n = i;
            robot.interact(() -> log.info("test", "event " + n));
        }
        WaitForAsyncUtils.waitForFxEvents();

        ListView<?> list = robot.lookup("#activity-list").queryAs(ListView.class);
        Bounds view = list.localToScene(list.getBoundsInLocal());
        List<String> visible = robot.lookup("#activity-list .list-cell").queryAll().stream()
                .map(node -> (ListCell<?>) node)
                .filter(cell -> cell.getItem() != null && cell.isVisible())
                .filter(cell -> {
                    Bounds bounds = cell.localToScene(cell.getBoundsInLocal());
                    return bounds.getMinY() >= view.getMinY() - 1 && bounds.getMaxY() <= view.getMaxY() + 1;
                })
                .map(cell -> ((ActivityEvent) cell.getItem()).message())
                .toList();
        assertThat(visible).contains("event 30", "event 29");
    }
}
