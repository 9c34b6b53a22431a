package io.mtcassistant.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtcassistant.cluster.ClusterRole;
import io.mtcassistant.cluster.FabricClusterConnector;
import io.mtcassistant.cluster.FailureKind;
import io.mtcassistant.cluster.KubeconfigFiles;
import io.mtcassistant.settings.Settings;
import io.mtcassistant.sim.SimulatedCluster;
import io.mtcassistant.sim.SimulatedFailure;
import io.mtcassistant.sim.SimulatedKubeconfig;
import io.mtcassistant.ui.activity.ActivityLog;
import io.mtcassistant.ui.steps.clusters.ConnectionState;
import io.mtcassistant.ui.steps.clusters.ContextRow;
import io.mtcassistant.ui.task.FxTaskRunner;
import io.mtcassistant.ui.testsupport.FakeDialogs;
import io.mtcassistant.ui.testsupport.MemorySettingsStore;
import io.mtcassistant.ui.testsupport.Snapshots;
import io.mtcassistant.ui.testsupport.TestWindows;
import io.mtcassistant.ui.wizard.StepState;
import io.mtcassistant.ui.wizard.WizardModel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real kubeconfig loader and connector against simulated clusters that fail: a target whose CA the kubeconfig
 * lacks (fixed by choosing the CA file) and an extra remote that nothing answers on. Writes
 * target/snapshots/clusters-real-failures.png.
 */
@ExtendWith(ApplicationExtension.class)
class RealConnectionFailuresFlowTest {

    @TempDir
    static Path dir;

    private static SimulatedCluster source;
    private static SimulatedCluster untrustedTarget;
    private static SimulatedCluster unreachable;
    private static Path kubeconfig;
    private static Path caFile;

    private final FakeDialogs dialogs = new FakeDialogs();
    private AppComposition app;
    private FxTaskRunner runner;
    private Scene scene;

    @BeforeAll
    static void startClusters() throws Exception {
        source = SimulatedCluster.builder().name("ocp3").openShift3("3.11.784").admin(true).start();
        untrustedTarget = SimulatedCluster.builder().name("ocp4").openShift4("4.12.45").admin(true)
                .failure(SimulatedFailure.UNTRUSTED_TLS).start();
        unreachable = SimulatedCluster.builder().name("dr").openShift4("4.12.45").failure(SimulatedFailure.UNREACHABLE).start();
        kubeconfig = new SimulatedKubeconfig().add("ocp3", source).add("ocp4", untrustedTarget).add("dr", unreachable)
                .write(dir.resolve("kubeconfig"));
        caFile = untrustedTarget.writeCaCertificate(dir.resolve("ocp4-ca.crt"));
    }

    @AfterAll
    static void stopClusters() {
        source.close();
        untrustedTarget.close();
        unreachable.close();
    }

    @Start
    void start(Stage stage) {
        ActivityLog log = new ActivityLog(Platform::runLater);
        runner = new FxTaskRunner(log);
        ClusterServices services = new ClusterServices(new KubeconfigFiles(), new FabricClusterConnector(),
                () -> List.of(kubeconfig), () -> {
                    throw new AssertionError("not demo mode");
                });
        app = new AppComposition(services, new MemorySettingsStore(), Settings.defaults(), Runnable::run, runner, log,
                dialogs, false, Duration.ofSeconds(60));
        scene = TestWindows.showShell(stage, app);
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(app::close);
        runner.close();
    }

    @Test
    void failuresAreExplainedInPlainWordsAndTheCaFileFixesTheUntrustedCertificate(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> app.clusters().contexts().size() == 3);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("ocp3");
        robot.clickOn("Source");
        robot.clickOn("ocp4");
        robot.clickOn("Target");
        robot.clickOn("dr");
        robot.clickOn("Extra remote");
        robot.clickOn("Connect");
        waitUntilSettled();

        assertThat(row("ocp3").connection()).isEqualTo(ConnectionState.CONNECTED);
        assertThat(row("ocp4").failure().kind()).isEqualTo(FailureKind.TLS_UNTRUSTED);
        assertThat(row("dr").failure().kind()).isEqualTo(FailureKind.UNREACHABLE);
        assertThat(app.wizard().step(WizardModel.CLUSTERS).state()).isEqualTo(StepState.NEEDS_ATTENTION);
        List<String> shown = texts(robot, ".cluster-card .label");
        assertThat(shown).contains("Server certificate not trusted", "Cannot reach the API server");
        assertThat(shown).as("no stack trace on screen").noneMatch(t -> t.contains("\tat ") || t.contains("Exception"));
        Snapshots.writeOnFx(robot, scene, Snapshots.FOLDER.resolve("clusters-real-failures.png"));
        assertThat(robot.lookup(".failure-box").queryAllAs(javafx.scene.Node.class)).as("a new failure is brought into view (issue 16, point 12)")
                .anyMatch(box -> topIsVisible(robot, box));

        dialogs.caChoices.add(caFile);
        robot.clickOn("Trust a CA file…");
        waitUntilSettled();

        assertThat(row("ocp4").connection()).as(String.valueOf(row("ocp4").failure())).isEqualTo(ConnectionState.CONNECTED);
        assertThat(robot.lookup("#admin-ocp4").queryAs(Label.class).getText()).isEqualTo("cluster-admin: yes");
        assertThat(app.clusters().session(ClusterRole.TARGET)).isPresent();
        assertThat(row("ocp4").skipTlsVerifyProperty().get()).as("verification stayed on").isFalse();

        robot.interact(() -> app.clusters().assignRole(row("dr"), null));
        assertThat(app.wizard().step(WizardModel.CLUSTERS).state()).isEqualTo(StepState.DONE);
    }

    private static boolean topIsVisible(FxRobot robot, javafx.scene.Node node) {
        javafx.scene.control.ScrollPane page = robot.lookup("#clusters-page").queryAs(javafx.scene.control.ScrollPane.class);
        javafx.geometry.Bounds viewport = page.localToScene(page.getLayoutBounds());
        double top = node.localToScene(node.getBoundsInLocal()).getMinY();
        return top >= viewport.getMinY() && top < viewport.getMaxY();
    }

    private ContextRow row(String name) {
        return app.clusters().contexts().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    private void waitUntilSettled() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !app.clusters().connectingProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static List<String> texts(FxRobot robot, String query) {
        return robot.lookup(query).queryAll().stream().filter(Node::isVisible).map(n -> ((Labeled) n).getText()).toList();
    }
}
