package io.mtcassistant.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtcassistant.settings.Settings;
import io.mtcassistant.settings.Theme;
import io.mtcassistant.ui.activity.ActivityLog;
import io.mtcassistant.ui.common.ThemeStyles;
import io.mtcassistant.ui.steps.clusters.ConnectionState;
import io.mtcassistant.ui.steps.clusters.ContextRow;
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
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The whole Clusters step in demo mode with the real cluster layer against the simulated clusters: load, give roles,
 * connect, and read the versions and the cluster-admin verdict on screen. Writes target/snapshots/clusters.png.
 */
@ExtendWith(ApplicationExtension.class)
class DemoModeFlowTest {

    private AppComposition app;
    private FxTaskRunner runner;
    private Scene scene;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        ActivityLog log = new ActivityLog(Platform::runLater);
        runner = new FxTaskRunner(log);
        app = new AppComposition(ProductionClusterServices.create(), new MemorySettingsStore(), Settings.defaults(),
                Runnable::run, runner, log, new FakeDialogs(), true, AppComposition.CONNECT_TIMEOUT);
        scene = TestWindows.showShell(stage, app);
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(app::close);
        runner.close();
    }

    @Test
    void demoModeConnectsToBothSimulatedClustersAndShowsWhatItFound(FxRobot robot) throws Exception {
        assertThat(stage.getTitle()).contains("DEMO").contains("simulated");
        assertThat(robot.lookup("#demo-banner").queryAs(Label.class).getText()).contains("simulated");

        DemoClustersSteps.awaitDemoContexts(app);
        assertThat(app.clusters().contexts()).extracting(ContextRow::name).containsExactly("sim-source", "sim-target");
        Path kubeconfig = app.clusters().files().get(0);
        assertThat(kubeconfig).exists();

        DemoClustersSteps.assignRolesAndConnect(robot, app);
        assertThat(app.clusters().contexts()).allSatisfy(row ->
                assertThat(row.connection()).as(row.name() + ": " + row.failure()).isEqualTo(ConnectionState.CONNECTED));

        assertThat(texts(robot, "#card-sim-source .fact-value")).contains("3.11.784", "legacy platform (OpenShift 4.5 and earlier)");
        assertThat(texts(robot, "#card-sim-target .fact-value")).contains("4.12.45", "modern platform (OpenShift 4.6 and later)");
        assertThat(robot.lookup("#admin-sim-source").queryAs(Label.class).getText()).isEqualTo("cluster-admin: yes");
        assertThat(robot.lookup("#admin-sim-target").queryAs(Label.class).getText()).isEqualTo("cluster-admin: yes");
        assertThat(app.wizard().step(WizardModel.CLUSTERS).state()).isEqualTo(StepState.DONE);
        assertThat(app.activityLog().entries()).extracting(e -> e.message())
                .anyMatch(m -> m.startsWith("Connected to sim-target: OpenShift 4.12.45"));

        Snapshots.writeOnFx(robot, scene, Snapshots.FOLDER.resolve("clusters.png"));
        robot.clickOn("#theme-toggle");
        WaitForAsyncUtils.waitForFxEvents();
        Snapshots.writeOnFx(robot, scene, Snapshots.FOLDER.resolve("clusters-dark.png"));
        robot.interact(() -> ThemeStyles.apply(Theme.LIGHT));

        robot.interact(app::close);
        assertThat(Files.exists(kubeconfig)).as("the demo kubeconfig is deleted on exit").isFalse();
    }

    private static java.util.List<String> texts(FxRobot robot, String query) {
        return robot.lookup(query).queryAll().stream().filter(Node::isVisible).map(n -> ((Labeled) n).getText()).toList();
    }
}
