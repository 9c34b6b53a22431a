package io.mtcassistant.ui.testsupport;

import io.mtcassistant.monitor.PlanView;
import javafx.scene.Node;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** What the demo flows do on the Monitor page with real clicks. */
public final class MonitorSteps {

    private MonitorSteps() {
    }

    /** Clicks the plan in the plans list (scrolled into view), then shows the top of its details. */
    public static void select(FxRobot robot, String plan) {
        ListView<?> list = robot.lookup("#monitor-plans").queryListView();
        robot.interact(() -> {
            for (int i = 0; i < list.getItems().size(); i++) {
                if (((PlanView) list.getItems().get(i)).name().equals(plan)) {
                    list.scrollTo(i);
                }
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(robot.lookup((Node n) -> n instanceof ListCell<?> cell
                && cell.getItem() instanceof PlanView p && p.name().equals(plan)).queryAs(Node.class));
        WaitForAsyncUtils.waitForFxEvents();
        ScrollPane details = robot.lookup("#monitor-details-scroll").queryAs(ScrollPane.class);
        robot.interact(() -> details.setVvalue(0));
    }
}
