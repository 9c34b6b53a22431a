package io.mtcassistant.ui.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtcassistant.ui.AppComposition;
import io.mtcassistant.ui.task.SyncTaskRunner;
import io.mtcassistant.ui.testsupport.FakeConnector;
import io.mtcassistant.ui.testsupport.FakeDialogs;
import io.mtcassistant.ui.testsupport.FakeKubeconfigLoader;
import io.mtcassistant.settings.Theme;
import io.mtcassistant.ui.testsupport.TestWindows;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The wizard shell on screen (Monocle headless): step list with states, Back/Next, the Compatibility page waiting for step 1, and every step's page. */
@ExtendWith(ApplicationExtension.class)
class WizardShellTest {

    private AppComposition app;
    private Scene scene;

    @Start
    void start(Stage stage) {
        app = io.mtcassistant.ui.testsupport.TestCompositions.withFakes(new FakeKubeconfigLoader(), new FakeConnector(),
                List.of(), new FakeDialogs(), SyncTaskRunner::new, false, () -> null);
        scene = TestWindows.showShell(stage, app);
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(app::close);
    }

    @Test
    void ctrlQClosesTheWindowLikeItsCloseButton(FxRobot robot) {
        java.util.concurrent.atomic.AtomicBoolean asked = new java.util.concurrent.atomic.AtomicBoolean();
        robot.interact(() -> scene.getWindow().addEventHandler(javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST, e -> asked.set(true)));
        robot.push(new javafx.scene.input.KeyCodeCombination(javafx.scene.input.KeyCode.Q,
                javafx.scene.input.KeyCombination.CONTROL_DOWN));
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        assertThat(asked).as("the same close request as the window's button").isTrue();
        assertThat(scene.getWindow().isShowing()).isFalse();
    }

    @Test
    void allSevenStepsAreListedWithTheirStates(FxRobot robot) {
        List<String> titles = robot.lookup(".step-item .step-title").queryAllAs(Label.class).stream().map(Label::getText).toList();
        assertThat(titles).containsExactly(
                "Clusters", "Compatibility", "Mirroring", "Operators", "Proxy & network", "Repository", "Monitor");
        assertThat(stateText(robot, WizardModel.CLUSTERS)).isEqualTo("not started");
        assertThat(stateText(robot, WizardModel.MIRRORING)).isEqualTo("not started");
        assertThat(stateText(robot, WizardModel.OPERATORS)).isEqualTo("not started");
        assertThat(stateText(robot, WizardModel.NETWORK)).isEqualTo("not started");
        assertThat(stateText(robot, WizardModel.REPOSITORY)).isEqualTo("not started");

        robot.interact(() -> app.wizard().step(WizardModel.CLUSTERS).stateProperty().unbind());
        robot.interact(() -> app.wizard().step(WizardModel.CLUSTERS).stateProperty().set(StepState.NEEDS_ATTENTION));
        assertThat(stateText(robot, WizardModel.CLUSTERS)).isEqualTo("needs attention");
        robot.interact(() -> app.wizard().step(WizardModel.CLUSTERS).stateProperty().set(StepState.DONE));
        assertThat(stateText(robot, WizardModel.CLUSTERS)).isEqualTo("done");
    }

    @Test
    void backAndNextWalkThroughEveryStep(FxRobot robot) {
        Button back = robot.lookup("#back-button").queryButton();
        Button next = robot.lookup("#next-button").queryButton();
        assertThat(back.isDisabled()).isTrue();
        assertThat(currentPage(robot).getId()).isEqualTo("clusters-page");

        robot.clickOn(next);
        assertThat(currentPage(robot).getId()).isEqualTo("compatibility-page");
        assertThat(robot.lookup("#compat-notice").queryAs(Label.class).getText()).contains("step 1 (Clusters)");
        assertThat(app.wizard().step(WizardModel.COMPATIBILITY).state()).isEqualTo(StepState.NOT_STARTED);

        robot.clickOn(next);
        assertThat(currentPage(robot).getId()).isEqualTo("mirroring-page");
        robot.clickOn(next);
        assertThat(currentPage(robot).getId()).isEqualTo("operators-page");
        robot.clickOn(next);
        assertThat(currentPage(robot).getId()).isEqualTo("network-page");
        robot.clickOn(next);
        assertThat(currentPage(robot).getId()).isEqualTo("repository-page");
        assertThat(robot.lookup("#repository-notice").queryAs(Label.class).getText()).contains("step 1");

        robot.clickOn(next);
        assertThat(currentPage(robot).getId()).isEqualTo("monitor-page");
        assertThat(next.isDisabled()).isTrue();

        robot.clickOn(back);
        assertThat(currentPage(robot).getId()).isEqualTo("repository-page");
        robot.clickOn("#step-clusters");
        assertThat(currentPage(robot).getId()).isEqualTo("clusters-page");
        assertThat(back.isDisabled()).isTrue();
    }

    @Test
    void theThemeToggleSwitchesAndIsRemembered(FxRobot robot) {
        robot.clickOn("#theme-toggle");
        assertThat(app.theme().theme()).isEqualTo(Theme.DARK);
        assertThat(app.settings().current().theme()).isEqualTo(Theme.DARK);
        robot.clickOn("#theme-toggle");
        assertThat(app.theme().theme()).isEqualTo(Theme.LIGHT);
    }

    private static String stateText(FxRobot robot, String stepId) {
        return robot.lookup("#step-state-" + stepId).queryAs(Label.class).getText();
    }

    private static Node currentPage(FxRobot robot) {
        StackPane area = robot.lookup("#page-area").queryAs(StackPane.class);
        assertThat(area.getChildren()).hasSize(1);
        return area.getChildren().get(0);
    }
}
