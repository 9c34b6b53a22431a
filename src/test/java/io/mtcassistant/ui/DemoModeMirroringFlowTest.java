package io.mtcassistant.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtcassistant.common.XdgDirs;
import io.mtcassistant.mirror.engine.TransferListener;
import io.mtcassistant.mirror.session.ImageRow;
import io.mtcassistant.settings.Settings;
import io.mtcassistant.ui.activity.ActivityLog;
import io.mtcassistant.ui.steps.compatibility.CompatibilityViewModel;
import io.mtcassistant.ui.steps.compatibility.EngineCompatibilityService;
import io.mtcassistant.ui.steps.mirroring.MirroringViewModel;
import io.mtcassistant.ui.steps.mirroring.MirroringViewModel.Phase;
import io.mtcassistant.ui.task.FxTaskRunner;
import io.mtcassistant.ui.testsupport.DemoClustersSteps;
import io.mtcassistant.ui.testsupport.FakeDialogs;
import io.mtcassistant.ui.testsupport.MemorySettingsStore;
import io.mtcassistant.ui.testsupport.Snapshots;
import io.mtcassistant.ui.testsupport.TestWindows;
import io.mtcassistant.ui.wizard.StepState;
import io.mtcassistant.ui.wizard.WizardModel;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
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
 * Step 3 in demo mode with the real engines: steps 1 and 2 on the simulated clusters (MTC 1.7: legacy operator on
 * 3.11, OLM on 4.12), then the Mirroring page pre-filled from them, plan, run to an archive, pause and resume, cancel
 * and resume, results. A gate on the engine's events holds images back so that pause and cancel land in the middle of
 * a run. Writes target/snapshots/mirroring-plan.png, mirroring-running.png and mirroring-done.png.
 */
@ExtendWith(ApplicationExtension.class)
class DemoModeMirroringFlowTest {

    /** Lets a given number of images start, then holds the others until opened again. */
    static final class Gate implements TransferListener {
        private int started;
        private int allowance = Integer.MAX_VALUE;

        synchronized void allow(int more) {
            allowance = started + more;
            notifyAll();
        }

        synchronized void open() {
            allowance = Integer.MAX_VALUE;
            notifyAll();
        }

        @Override
        public synchronized void imageState(String source, ImageState state, String detail) {
            if (state != ImageState.STARTED) {
                return;
            }
            try {
                while (started >= allowance) {
                    wait();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            started++;
        }
    }

    @TempDir
    static Path home;

    private AppComposition app;
    private FxTaskRunner runner;
    private FakeDialogs dialogs;
    private Scene scene;
    private final Gate gate = new Gate();

    @Start
    void start(Stage stage) {
        ActivityLog log = new ActivityLog(Platform::runLater);
        runner = new FxTaskRunner(log);
        dialogs = new FakeDialogs();
        XdgDirs dirs = new XdgDirs(Map.of("XDG_CACHE_HOME", home.resolve("cache").toString(), "XDG_STATE_HOME",
                home.resolve("state").toString(), "XDG_CONFIG_HOME", home.resolve("config").toString()), home);
        app = new AppComposition(ProductionClusterServices.create(), EngineCompatibilityService.system(), new MemorySettingsStore(),
                Settings.defaults(), Runnable::run, runner, log, dialogs, true, AppComposition.CONNECT_TIMEOUT, dirs);
        app.mirroring().observeTransfers(gate);
        scene = TestWindows.showShell(stage, app);
    }

    @AfterEach
    void close(FxRobot robot) {
        gate.open();
        robot.interact(app::close);
        runner.close();
    }

    @Test
    void planRunPauseCancelResumeAndResults(FxRobot robot) throws Exception {
        reachAReadyCompatibilityPlan(robot);
        MirroringViewModel vm = app.mirroring();

        robot.clickOn("#next-button");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(app.wizard().current().id()).isEqualTo(WizardModel.MIRRORING);
        assertThat(robot.lookup("#mirror-demo-notice").queryAs(Label.class).getText()).contains("synthetic");
        assertThat(robot.lookup("#mirror-channel").queryAs(TextField.class).getText()).isEqualTo("release-v1.7");
        assertThat(robot.lookup("#mirror-legacy").queryAs(CheckBox.class).isSelected()).isTrue();
        assertThat(robot.lookup("#mirror-from-compat").queryAs(Label.class).getText()).contains("MTC 1.7").contains("legacy operator");

        Snapshots.writeOnFx(robot, scene, Snapshots.FOLDER.resolve("mirroring-setup.png"));
        robot.clickOn("#mode-mirror-to-mirror");
        scrollTo(robot, "#mirror-registry");
        assertThat(robot.lookup("#mirror-archive").query().getParent().isVisible()).as("no archive folder for registry to registry").isFalse();
        Snapshots.writeOnFx(robot, scene, Snapshots.FOLDER.resolve("mirroring-registry.png"));
        scrollTo(robot, "#mode-mirror-to-archive");
        robot.clickOn("#mode-mirror-to-archive");
        robot.clickOn("#mirror-plan");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.phase() != Phase.PLANNING);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.problemProperty().get()).isEmpty();
        assertThat(vm.phase()).isEqualTo(Phase.PLANNED);
        int images = vm.rows().size();
        assertThat(images).isGreaterThan(20);
        assertThat(robot.lookup("#mirror-disk").queryAs(Label.class).getText()).startsWith("Enough disk space");
        scrollTo(robot, "#mirror-plan");
        Snapshots.writeOnFx(robot, scene, Snapshots.FOLDER.resolve("mirroring-plan.png"));

        // Run; three images go through, the rest wait at the gate: then pause.
        gate.allow(3);
        robot.clickOn("#mirror-start");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> done(vm) >= 3);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.phase()).isEqualTo(Phase.RUNNING);
        double during = robot.lookup("#mirror-progress").queryAs(ProgressBar.class).getProgress();
        assertThat(during).isGreaterThan(0).isLessThan(1);
        assertThat(robot.lookup("#mirror-progress-text").queryAs(Label.class).getText()).contains("of " + images + " images");
        scrollTo(robot, "#mirror-plan");
        Snapshots.writeOnFx(robot, scene, Snapshots.FOLDER.resolve("mirroring-running.png"));
        robot.clickOn("#mirror-pause");
        gate.open();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.phase() == Phase.PAUSED || vm.phase() == Phase.DONE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.phase()).isEqualTo(Phase.PAUSED);
        assertThat(robot.lookup("#mirror-message").queryAs(Label.class).getText()).startsWith("Paused");
        long afterPause = done(vm);
        assertThat(afterPause).isLessThan(images);

        // Resume; a few more go through, then cancel in the middle.
        gate.allow(3);
        robot.clickOn("#mirror-resume");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.rows().stream()
                .filter(r -> r.state() == ImageRow.State.DONE).count() >= 3);
        robot.clickOn("#mirror-cancel");
        gate.open();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.phase() == Phase.CANCELLED || vm.phase() == Phase.DONE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.phase()).isEqualTo(Phase.CANCELLED);
        assertThat(vm.rows()).anyMatch(r -> r.state() == ImageRow.State.ALREADY_PRESENT);

        // Resume to the end.
        robot.clickOn("#mirror-resume");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.phase() == Phase.DONE || vm.phase() == Phase.FAILED);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.problemProperty().get()).isEmpty();
        assertThat(vm.phase()).isEqualTo(Phase.DONE);
        assertThat(robot.lookup("#mirror-progress").queryAs(ProgressBar.class).getProgress()).isEqualTo(1.0);
        assertThat(vm.rows()).allMatch(r -> r.state().finished() && r.state() != ImageRow.State.FAILED);
        assertThat(app.wizard().step(WizardModel.MIRRORING).state()).isEqualTo(StepState.DONE);
        assertThat(vm.facts().archiveDir()).isEqualTo(home.resolve("cache/mtc-assistant/demo-mirror/archive"));
        assertThat(vm.facts().archiveDir().resolve("images.tar")).exists();
        assertThat(vm.results()).isNotEmpty();
        assertThat(robot.lookup("#mirror-result-text").queryAs(TextArea.class).getText()).isNotEmpty();
        scrollTo(robot, "#mirror-copy");
        robot.clickOn("#mirror-copy");
        assertThat(dialogs.clipboard).hasSize(1);
        robot.clickOn("#mirror-open-folder");
        assertThat(dialogs.openedFolders).containsExactly(home.resolve("cache/mtc-assistant/demo-mirror/results"));
        scrollTo(robot, "#mirror-progress");
        Snapshots.writeOnFx(robot, scene, Snapshots.FOLDER.resolve("mirroring-done.png"));
        scrollTo(robot, "#mirror-facts");
        Snapshots.writeOnFx(robot, scene, Snapshots.FOLDER.resolve("mirroring-results.png"));
    }

    private static long done(MirroringViewModel vm) {
        return vm.rows().stream().filter(r -> r.state() == ImageRow.State.DONE || r.state() == ImageRow.State.ALREADY_PRESENT)
                .count();
    }

    private void reachAReadyCompatibilityPlan(FxRobot robot) throws Exception {
        DemoClustersSteps.awaitDemoContexts(app);
        DemoClustersSteps.assignRolesAndConnect(robot, app);
        robot.clickOn("#next-button");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> app.compatibility().phase() == CompatibilityViewModel.Phase.REPORT
                || app.compatibility().phase() == CompatibilityViewModel.Phase.FAILED);
        WaitForAsyncUtils.waitForFxEvents();
        scrollTo(robot, "#compatibility-page", "#option-mtc-1-7");
        robot.clickOn("#option-mtc-1-7");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(app.migrationPlan().readyPlan()).isNotNull();
    }

    private static void scrollTo(FxRobot robot, String query) {
        scrollTo(robot, "#mirroring-page", query);
    }

    private static void scrollTo(FxRobot robot, String pageQuery, String query) {
        Node node = robot.lookup(query).query();
        ScrollPane page = robot.lookup(pageQuery).queryAs(ScrollPane.class);
        robot.interact(() -> {
            page.layout();
            double contentHeight = page.getContent().getBoundsInLocal().getHeight();
            double viewport = page.getViewportBounds().getHeight();
            double y = page.getContent().sceneToLocal(node.localToScene(node.getBoundsInLocal())).getMinY();
            page.setVvalue(contentHeight <= viewport ? 0 : Math.min(1, Math.max(0, (y - 40) / (contentHeight - viewport))));
        });
        WaitForAsyncUtils.waitForFxEvents();
    }
}
