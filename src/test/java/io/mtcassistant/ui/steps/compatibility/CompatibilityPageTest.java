package io.mtcassistant.ui.steps.compatibility;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtcassistant.settings.Settings;
import io.mtcassistant.settings.Theme;
import io.mtcassistant.ui.AppComposition;
import io.mtcassistant.ui.ClusterServices;
import io.mtcassistant.ui.activity.ActivityLog;
import io.mtcassistant.ui.common.ThemeStyles;
import io.mtcassistant.ui.task.SyncTaskRunner;
import io.mtcassistant.ui.testsupport.FakeCompatibilityService;
import io.mtcassistant.ui.testsupport.FakeConnector;
import io.mtcassistant.ui.testsupport.FakeDialogs;
import io.mtcassistant.ui.testsupport.FakeKubeconfigLoader;
import io.mtcassistant.ui.testsupport.MemorySettingsStore;
import io.mtcassistant.ui.testsupport.Snapshots;
import io.mtcassistant.ui.testsupport.TestWindows;
import io.mtcassistant.ui.wizard.StepState;
import io.mtcassistant.ui.wizard.WizardModel;
import io.mtcassistant.cluster.ClusterRole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Compatibility page on screen with fake connections (tasks run at once): a blocked migration shows its blocking
 * row opened, the step needs attention, and rows open from the keyboard. Writes target/snapshots/compatibility-blocked.png
 * and compatibility-dark.png.
 */
@ExtendWith(ApplicationExtension.class)
class CompatibilityPageTest {

    private AppComposition app;
    private Scene scene;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        Path kubeconfig = Files.createTempFile("compat-page", ".yaml");
        FakeKubeconfigLoader loader = new FakeKubeconfigLoader().file(kubeconfig, "ocp4-prod", "ocp4-new");
        FakeConnector connector = new FakeConnector().succeeds("ocp4-prod", "4.12.45", false).succeeds("ocp4-new", "4.14.8", true);
        ActivityLog log = new ActivityLog(Runnable::run);
        app = new AppComposition(new ClusterServices(loader, connector, () -> List.of(kubeconfig), () -> null),
                new FakeCompatibilityService(), new MemorySettingsStore(), Settings.defaults(), Runnable::run,
                new SyncTaskRunner(log), log, new FakeDialogs(), false, Duration.ofSeconds(5));
        scene = TestWindows.showShell(stage, app);
        app.clusters().assignRole(row("ocp4-prod"), ClusterRole.SOURCE);
        app.clusters().assignRole(row("ocp4-new"), ClusterRole.TARGET);
        app.clusters().connect();
    }

    private io.mtcassistant.ui.steps.clusters.ContextRow row(String name) {
        return app.clusters().contexts().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(app::close);
        robot.interact(() -> ThemeStyles.apply(Theme.LIGHT));
    }

    @Test
    void aBlockedMigrationShowsItsBlockingRowOpenAndNeedsAttention(FxRobot robot) {
        robot.clickOn("#step-compatibility");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#verdict-title").queryAs(Label.class).getText()).isEqualTo("Blocked");
        assertThat(robot.lookup("#verdict-banner").query().getStyleClass()).contains("verdict-blocked");
        assertThat(robot.lookup("#blocker-list .label").queryAs(Label.class).getText()).contains("cluster-admin (ocp4-prod)");
        assertThat(app.wizard().step(WizardModel.COMPATIBILITY).state()).isEqualTo(StepState.NEEDS_ATTENTION);
        assertThat(app.migrationPlan().readyPlan()).isNull();
        Node blocking = robot.lookup("#check-cluster_admin-ocp4-prod .check-body").query();
        assertThat(blocking.isVisible()).as("blocking rows start open").isTrue();
        Node ok = robot.lookup("#check-cluster_admin-ocp4-new .check-body").query();
        assertThat(ok.isVisible()).isFalse();
        Snapshots.writeOnFx(robot, scene, Snapshots.FOLDER.resolve("compatibility-blocked.png"));

        robot.interact(() -> robot.lookup("#check-cluster_admin-ocp4-new .check-header").query().requestFocus());
        robot.type(KeyCode.ENTER);
        assertThat(robot.lookup("#check-cluster_admin-ocp4-new .check-body").query().isVisible()).isTrue();

        // The smallest window the app allows: nothing is cut off, the statement's toggles move under it.
        robot.interact(() -> {
            stage.setWidth(960);
            stage.setHeight(600);
        });
        WaitForAsyncUtils.waitForFxEvents();
        Node toggles = robot.lookup("#statement-ocp4-prod .statement-toggles").query();
        Node page = robot.lookup("#compatibility-page").query();
        assertThat(toggles.localToScene(toggles.getBoundsInLocal()).getMaxX())
                .isLessThanOrEqualTo(page.localToScene(page.getBoundsInLocal()).getMaxX());
        robot.interact(() -> ((javafx.scene.control.ScrollPane) page).setVvalue(0.2));
        WaitForAsyncUtils.waitForFxEvents();
        Snapshots.writeOnFx(robot, scene, Snapshots.FOLDER.resolve("compatibility-narrow.png"));
        robot.interact(() -> {
            stage.setWidth(1280);
            stage.setHeight(840);
        });

        robot.clickOn("#theme-toggle");
        WaitForAsyncUtils.waitForFxEvents();
        Snapshots.writeOnFx(robot, scene, Snapshots.FOLDER.resolve("compatibility-dark.png"));
    }
}
