package io.mtcassistant.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtcassistant.sim.SimulatedEnvironment;
import io.mtcassistant.ui.activity.ActivityLog;
import io.mtcassistant.ui.task.FxTaskRunner;
import io.mtcassistant.ui.testsupport.FakeConnector;
import io.mtcassistant.ui.testsupport.FakeDialogs;
import io.mtcassistant.ui.testsupport.FakeKubeconfigLoader;
import io.mtcassistant.ui.testsupport.Snapshots;
import io.mtcassistant.ui.testsupport.TestCompositions;
import io.mtcassistant.ui.testsupport.TestWindows;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 16, point 3: the first frame is the whole shell, saying how far the simulation has started (held after its first
 * part), not a blank window. Writes target/snapshots/first-frame-demo.png.
 */
@ExtendWith(ApplicationExtension.class)
class FirstFrameTest {

    private final FakeKubeconfigLoader loader = new FakeKubeconfigLoader();
    private final CountDownLatch simulationStarting = new CountDownLatch(1);
    private final CountDownLatch releaseSimulation = new CountDownLatch(1);
    private final AtomicReference<FxTaskRunner> runner = new AtomicReference<>();
    private AppComposition app;
    private Scene scene;

    @Start
    void start(Stage stage) {
        DemoClusters slowSimulation = new DemoClusters() {
            @Override
            public Path start(Path directory, SimulatedEnvironment.StartListener listener) throws Exception {
                listener.ready(SimulatedEnvironment.MIRROR_PART);
                simulationStarting.countDown();
                releaseSimulation.await(60, TimeUnit.SECONDS);
                Path file = Files.writeString(directory.resolve("demo.kubeconfig"), "fake");
                loader.file(file, "sim-source", "sim-target");
                return file;
            }

            @Override
            public void close() {
            }
        };
        app = TestCompositions.withFakes(loader, new FakeConnector(), List.of(), new FakeDialogs(), log -> {
            runner.set(new FxTaskRunner(log));
            return runner.get();
        }, true, () -> slowSimulation, new ActivityLog(Platform::runLater));
        scene = TestWindows.showShell(stage, app);
    }

    @AfterEach
    void close(FxRobot robot) {
        releaseSimulation.countDown();
        robot.interact(app::close);
        runner.get().close();
    }

    @Test
    void theShellShowsAtOnceWithTheSimulationsProgress(FxRobot robot) throws Exception {
        assertThat(simulationStarting.await(60, TimeUnit.SECONDS)).isTrue();
        String staged = "Starting the simulated clusters: mirror registry ready (1 of 3)…";
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#clusters-page .status-text").queryAllAs(Label.class)
                .stream().anyMatch(label -> label.getText().equals(staged)));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup(".step-item .step-title").queryAllAs(Label.class)).extracting(Label::getText)
                .contains("Clusters", "Compatibility", "Mirroring");
        assertThat(robot.lookup("#clusters-page").tryQuery()).isPresent();
        assertThat(robot.lookup("#clusters-page .status-text").queryAllAs(Label.class)).extracting(Label::getText)
                .contains(staged);
        assertThat(robot.lookup("#clusters-page .placeholder .label").queryAllAs(Label.class)).extracting(Label::getText)
                .as("an empty list does not ask for a file while the demo brings one")
                .contains("The contexts appear here once the kubeconfig is read.");
        assertThat(robot.lookup("#task-status").queryAs(Label.class).getText())
                .isEqualTo("Start the simulated clusters: mirror registry ready (1 of 3)");
        Snapshots.writeOnFx(robot, scene, Snapshots.FOLDER.resolve("first-frame-demo.png"));
    }
}
