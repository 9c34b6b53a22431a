package io.mtcassistant.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtcassistant.compat.MtcVersion;
import io.mtcassistant.compat.Verdict;
import io.mtcassistant.settings.Settings;
import io.mtcassistant.ui.activity.ActivityLog;
import io.mtcassistant.ui.steps.clusters.ConnectionState;
import io.mtcassistant.ui.steps.compatibility.CompatibilityViewModel.Phase;
import io.mtcassistant.ui.task.FxTaskRunner;
import io.mtcassistant.ui.testsupport.DemoClustersSteps;
import io.mtcassistant.ui.testsupport.FakeDialogs;
import io.mtcassistant.ui.testsupport.MemorySettingsStore;
import io.mtcassistant.ui.testsupport.Snapshots;
import io.mtcassistant.ui.testsupport.TestWindows;
import io.mtcassistant.ui.wizard.StepState;
import io.mtcassistant.ui.wizard.WizardModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Steps 1 and 2 in demo mode with the real cluster layer and the real compatibility engine against the simulated
 * clusters (OpenShift 3.11 -> 4.12): connect, Next, see "needs decision" for the MTC version, choose MTC 1.7, see the
 * verdict change, export the report. Writes target/snapshots/compatibility-decision.png and compatibility-decided.png.
 */
@ExtendWith(ApplicationExtension.class)
class DemoModeCompatibilityFlowTest {

    private AppComposition app;
    private FxTaskRunner runner;
    private FakeDialogs dialogs;
    private Scene scene;

    @TempDir
    Path exports;

    @Start
    void start(Stage stage) {
        ActivityLog log = new ActivityLog(Platform::runLater);
        runner = new FxTaskRunner(log);
        dialogs = new FakeDialogs();
        app = new AppComposition(ProductionClusterServices.create(), new MemorySettingsStore(), Settings.defaults(),
                Runnable::run, runner, log, dialogs, true, AppComposition.CONNECT_TIMEOUT);
        scene = TestWindows.showShell(stage, app);
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(app::close);
        runner.close();
    }

    @Test
    void theMtcVersionQuestionIsAskedAndTheChosenVersionChangesTheVerdict(FxRobot robot) throws Exception {
        DemoClustersSteps.awaitDemoContexts(app);

        // The demo connects by itself, so what the step says before a connection is CompatibilityViewModelTest's.
        DemoClustersSteps.assignRolesAndConnect(robot, app);
        assertThat(app.clusters().contexts()).allMatch(row -> row.connection() == ConnectionState.CONNECTED);

        robot.clickOn("#next-button");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> app.compatibility().phase() == Phase.REPORT
                || app.compatibility().phase() == Phase.FAILED);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(app.compatibility().problemProperty().get()).isEmpty();
        assertThat(app.compatibility().report().verdict()).isEqualTo(Verdict.NEEDS_DECISION);
        assertThat(robot.lookup("#verdict-title").queryAs(Label.class).getText()).isEqualTo("Needs your decision");
        assertThat(robot.lookup("#decision-mtc-version").tryQuery()).isPresent();
        assertThat(robot.lookup("#option-mtc-1-7").queryButton().isDisabled()).isFalse();
        assertThat(robot.lookup("#option-mtc-1-8").tryQuery()).as("1.8 cannot run on 3.11: no button").isEmpty();
        assertThat(robot.lookup("#option-card-mtc-1-8 .option-reason").queryAs(Label.class).getText())
                .contains("OpenShift 3.11");
        assertThat(app.wizard().step(WizardModel.COMPATIBILITY).state()).isEqualTo(StepState.NEEDS_ATTENTION);
        assertThat(app.migrationPlan().readyPlan()).isNull();
        Snapshots.writeOnFx(robot, scene, Snapshots.FOLDER.resolve("compatibility-decision.png"));

        scrollTo(robot, "#option-mtc-1-7");
        robot.clickOn("#option-mtc-1-7");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(app.compatibility().report().verdict()).isEqualTo(Verdict.READY_WITH_WARNINGS);
        assertThat(robot.lookup("#verdict-title").queryAs(Label.class).getText()).isEqualTo("Ready, with warnings");
        assertThat(robot.lookup("#decision-mtc-version").tryQuery()).isEmpty();
        assertThat(robot.lookup("#reopen-mtc-version").tryQuery()).isPresent();
        assertThat(app.wizard().step(WizardModel.COMPATIBILITY).state()).isEqualTo(StepState.DONE);
        assertThat(app.migrationPlan().readyPlan().mtcVersion()).isEqualTo(MtcVersion.of("1.7"));
        assertThat(app.migrationPlan().readyPlan().controlCluster()).isEqualTo("sim-target");
        robot.interact(() -> ((ScrollPane) robot.lookup("#compatibility-page").query()).setVvalue(0));
        WaitForAsyncUtils.waitForFxEvents();
        Snapshots.writeOnFx(robot, scene, Snapshots.FOLDER.resolve("compatibility-decided.png"));

        scrollTo(robot, "#check-same_mtc_version");
        robot.clickOn("Expand all");
        scrollTo(robot, "#check-same_mtc_version");
        assertThat(robot.lookup("#check-platform_and_version-sim-source .check-explanation").queryAs(Label.class).isVisible())
                .isTrue();
        Snapshots.writeOnFx(robot, scene, Snapshots.FOLDER.resolve("compatibility-checks.png"));
        robot.clickOn("Collapse all");

        // The statement "cannot connect" is what brings the network options (tunnel and edge case).
        scrollTo(robot, "#reach-no-sim-source");
        robot.clickOn("#reach-no-sim-source");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(app.compatibility().report().verdict()).isEqualTo(Verdict.NEEDS_DECISION);
        assertThat(robot.lookup("#option-tunnel-api").tryQuery()).isPresent();
        assertThat(robot.lookup("#option-legacy-control-cluster").tryQuery()).isPresent();
        scrollTo(robot, "#decision-network-restriction-sim-source");
        Snapshots.writeOnFx(robot, scene, Snapshots.FOLDER.resolve("compatibility-network.png"));
        scrollTo(robot, "#option-tunnel-api");
        robot.clickOn("#option-tunnel-api");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(app.compatibility().report().verdict().canProceed()).isTrue();
        assertThat(app.migrationPlan().readyPlan().tunnelCommands()).singleElement().asString().contains("crane tunnel-api");

        Path markdown = exports.resolve("report.md");
        dialogs.saveChoices.add(markdown);
        robot.interact(() -> ((ScrollPane) robot.lookup("#compatibility-page").query()).setVvalue(0));
        robot.clickOn("#export-markdown");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> Files.exists(markdown));
        assertThat(Files.readString(markdown)).contains("# MTC compatibility report", "crane tunnel-api");
        Snapshots.writeOnFx(robot, scene, Snapshots.FOLDER.resolve("compatibility-tunnel.png"));
    }

    private static void scrollTo(FxRobot robot, String query) {
        Node node = robot.lookup(query).query();
        ScrollPane page = robot.lookup("#compatibility-page").queryAs(ScrollPane.class);
        robot.interact(() -> {
            double contentHeight = page.getContent().getBoundsInLocal().getHeight();
            double viewport = page.getViewportBounds().getHeight();
            double y = page.getContent().sceneToLocal(node.localToScene(node.getBoundsInLocal())).getMinY();
            page.setVvalue(contentHeight <= viewport ? 0 : Math.min(1, Math.max(0, (y - 40) / (contentHeight - viewport))));
        });
        WaitForAsyncUtils.waitForFxEvents();
    }
}
