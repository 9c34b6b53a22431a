package io.mtcassistant.ui;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.sun.net.httpserver.HttpServer;
import io.mtcassistant.cluster.ClusterRole;
import io.mtcassistant.common.XdgDirs;
import io.mtcassistant.mirror.session.ImageRow;
import io.mtcassistant.settings.Settings;
import io.mtcassistant.ui.activity.ActivityLog;
import io.mtcassistant.ui.steps.clusters.ConnectionState;
import io.mtcassistant.ui.steps.compatibility.CompatibilityViewModel;
import io.mtcassistant.ui.steps.compatibility.EngineCompatibilityService;
import io.mtcassistant.ui.steps.mirroring.MirroringViewModel;
import io.mtcassistant.ui.steps.mirroring.MirroringViewModel.Phase;
import io.mtcassistant.ui.task.FxTaskRunner;
import io.mtcassistant.ui.testsupport.CutText;
import io.mtcassistant.ui.testsupport.DemoClustersSteps;
import io.mtcassistant.ui.testsupport.FakeDialogs;
import io.mtcassistant.ui.testsupport.MemorySettingsStore;
import io.mtcassistant.ui.testsupport.Snapshots;
import io.mtcassistant.ui.testsupport.TestWindows;
import io.mtcassistant.ui.wizard.WizardModel;
import io.mtcassistant.ui.wizard.WizardStep;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 16 as a new user meets it, in demo mode with the real engines, from launch to a mirror: the demo connects with
 * its roles set, a typing mistake in the registry field, a registry that does not resolve, a finished archive run and a
 * new plan after it, a run where every image fails for one reason, and the window at 960x600; and the log of that
 * session, which must carry no stack trace for any of these expected failures. Writes target/snapshots/issue16-*.png.
 */
@ExtendWith(ApplicationExtension.class)
class DemoFirstRunFlowTest {

    @TempDir
    static Path home;

    private AppComposition app;
    private FxTaskRunner runner;
    private Scene scene;
    private Stage stage;
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Logger root = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        log.start();
        root.addAppender(log);
        ActivityLog activity = new ActivityLog(Platform::runLater);
        runner = new FxTaskRunner(activity);
        XdgDirs dirs = new XdgDirs(Map.of("XDG_CACHE_HOME", home.resolve("cache").toString(), "XDG_STATE_HOME",
                home.resolve("state").toString(), "XDG_CONFIG_HOME", home.resolve("config").toString()), home);
        app = new AppComposition(ProductionClusterServices.create(), EngineCompatibilityService.system(), new MemorySettingsStore(),
                Settings.defaults(), Runnable::run, runner, activity, new FakeDialogs(), true, AppComposition.CONNECT_TIMEOUT, dirs);
        scene = TestWindows.showShell(stage, app);
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(app::close);
        runner.close();
        ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).detachAppender(log);
    }

    @Test
    void fromLaunchToAMirrorEveryStateIsToldTruthfully(FxRobot robot) throws Exception {
        // 1. The demo needs no setup: roles are set and it connects once the simulation is ready.
        DemoClustersSteps.awaitDemoContexts(app);
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> app.clusters().assigned().size() == 2 && app.clusters().assigned()
                .stream().allMatch(r -> r.connection() == ConnectionState.CONNECTED || r.connection() == ConnectionState.FAILED));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(app.clusters().row(ClusterRole.SOURCE).orElseThrow().name()).isEqualTo("sim-source");
        assertThat(app.clusters().row(ClusterRole.TARGET).orElseThrow().name()).isEqualTo("sim-target");
        assertThat(app.clusters().assigned()).as("the first connect works").allMatch(r -> r.connection() == ConnectionState.CONNECTED);
        Snapshots.writeOnFx(robot, scene, Snapshots.FOLDER.resolve("issue16-demo-start.png"));

        // 2. Compatibility: MTC 1.7 for the pair.
        robot.clickOn("#next-button");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> app.compatibility().phase() == CompatibilityViewModel.Phase.REPORT
                || app.compatibility().phase() == CompatibilityViewModel.Phase.FAILED);
        WaitForAsyncUtils.waitForFxEvents();
        scrollTo(robot, "#compatibility-page", "#option-mtc-1-7");
        robot.clickOn("#option-mtc-1-7");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(app.migrationPlan().readyPlan()).isNotNull();

        // 3. Mirroring: a typing mistake is shown under the field, as it is typed, and Plan waits for it.
        robot.clickOn("#next-button");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(app.wizard().current().id()).isEqualTo(WizardModel.MIRRORING);
        MirroringViewModel vm = app.mirroring();
        assertThat(vm.indexImageProperty().get()).as("the index of the target's version").endsWith(":v4.12");
        robot.clickOn("#mode-mirror-to-mirror");
        scrollTo(robot, "#mirror-registry");
        robot.clickOn("#mirror-registry").write("bad host!!:99999/mtc");
        WaitForAsyncUtils.waitForFxEvents();
        Labeled registryProblem = robot.lookup("#mirror-registry-problem").queryAs(Labeled.class);
        assertThat(showing(registryProblem)).isTrue();
        assertThat(registryProblem.getText()).contains("not a host name");
        assertThat(robot.lookup("#mirror-plan").queryButton().isDisabled()).isTrue();
        Snapshots.writeOnFx(robot, scene, Snapshots.FOLDER.resolve("issue16-invalid-registry.png"));

        // A name that does not resolve is said to be one, during Plan, where the eye is.
        TextField registry = robot.lookup("#mirror-registry").queryAs(TextField.class);
        robot.interact(() -> registry.setText("mirror.invalid:5000/mtc"));
        assertThat(showing(registryProblem)).as("the message goes when it no longer applies").isFalse();
        robot.clickOn("#mirror-plan");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> vm.phase() != Phase.PLANNING);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.problemProperty().get()).contains("host not found").doesNotContain("refused");
        assertThat(inView(robot, "#mirroring-page", "#mirror-problem")).as("the new error is in view").isTrue();
        scrollTo(robot, "#mode-mirror-to-archive");
        robot.clickOn("#mode-mirror-to-archive");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(showing(robot.lookup("#mirror-problem").query())).as("gone after switching to archive mode").isFalse();

        // A finished archive run, then a new plan: the old bar, counts and results go.
        robot.clickOn("#mirror-plan");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> vm.phase() != Phase.PLANNING);
        assertThat(vm.phase()).as(vm.problemProperty().get()).isEqualTo(Phase.PLANNED);
        robot.clickOn("#mirror-start");
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> vm.phase() == Phase.DONE || vm.phase() == Phase.FAILED);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.phase()).as(vm.problemProperty().get()).isEqualTo(Phase.DONE);
        assertThat(vm.progressTextProperty().get()).startsWith(vm.rows().size() + " images: ");
        scrollTo(robot, "#mirror-plan");
        robot.clickOn("#mirror-plan");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> vm.phase() != Phase.PLANNING);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.phase()).isEqualTo(Phase.PLANNED);
        assertThat(showing(robot.lookup("#mirror-progress").query())).isFalse();
        assertThat(showing(robot.lookup("#mirror-result-files").query())).isFalse();
        assertThat(vm.rows()).allMatch(r -> r.state() == ImageRow.State.WAITING);
        scrollTo(robot, "#mirror-plan");
        Snapshots.writeOnFx(robot, scene, Snapshots.FOLDER.resolve("issue16-replan-after-run.png"));

        // A registry that answered during Plan is gone when the run starts: one cause, said once, never a full bar.
        HttpServer mirror = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        mirror.createContext("/", exchange -> {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        mirror.start();
        scrollTo(robot, "#mode-mirror-to-mirror");
        robot.clickOn("#mode-mirror-to-mirror");
        robot.interact(() -> {
            registry.setText("127.0.0.1:" + mirror.getAddress().getPort() + "/mtc");
            vm.insecureProperty().set(true);
        });
        scrollTo(robot, "#mirror-plan");
        robot.clickOn("#mirror-plan");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> vm.phase() != Phase.PLANNING);
        assertThat(vm.phase()).as(vm.problemProperty().get()).isEqualTo(Phase.PLANNED);
        mirror.stop(0);
        robot.clickOn("#mirror-start");
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> vm.phase() == Phase.DONE || vm.phase() == Phase.FAILED);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.phase()).isEqualTo(Phase.FAILED);
        ProgressBar bar = robot.lookup("#mirror-progress").queryAs(ProgressBar.class);
        assertThat(bar.getProgress()).isLessThan(1.0);
        assertThat(bar.getStyleClass()).contains("mirror-progress-failed");
        assertThat(robot.lookup("#mirror-common-cause").queryAs(Labeled.class).getText()).contains("connection refused");
        assertThat(vm.problemProperty().get()).startsWith("Every image failed for the same reason");
        scrollTo(robot, "#mirror-progress");
        Snapshots.writeOnFx(robot, scene, Snapshots.FOLDER.resolve("issue16-failed-run.png"));

        // 960x600: nothing cut on any of the seven pages.
        robot.interact(() -> {
            stage.setWidth(960);
            stage.setHeight(600);
        });
        WaitForAsyncUtils.waitForFxEvents();
        List<String> cut = new ArrayList<>();
        for (WizardStep step : app.wizard().steps()) {
            robot.interact(() -> app.wizard().goTo(step));
            WaitForAsyncUtils.waitForFxEvents();
            robot.interact(() -> {
                scene.getRoot().layout();
                CutText.under(scene.getRoot()).forEach(text -> cut.add(step.id() + ": " + text));
            });
            Snapshots.writeOnFx(robot, scene, Snapshots.FOLDER.resolve("issue16-960x600-" + step.id() + ".png"));
        }
        cut.forEach(text -> System.out.println("cut at 960x600: " + text));
        assertThat(cut).as("text cut at 960x600").isEmpty();

        // 6. The demo's Multicloud Object Gateway on sim-target is found, and its check passes against the demo's
        // simulated S3 server with the gateway's admin keys.
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !app.repository().gateways().isEmpty());
        assertThat(app.repository().gateways()).singleElement().satisfies(g -> assertThat(g.cluster()).isEqualTo("sim-target"));
        assertThat(app.repository().endpointProperty().get()).matches("http://127\\.0\\.0\\.1:\\d+");
        assertThat(app.repository().noticeProperty().get()).contains("as step 2 decided").contains("a simulated S3 server");
        robot.interact(() -> app.wizard().goTo(app.wizard().step(WizardModel.REPOSITORY)));
        robot.interact(app.repository()::check);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !app.repository().checkSummaryProperty().get().startsWith("Checking")
                && !app.repository().checkSummaryProperty().get().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(app.repository().checkSummaryProperty().get()).as(app.repository().checkSteps().toString()).startsWith("PASSED");
        scrollTo(robot, "#repository-page", "#repository-check-summary");
        Snapshots.writeOnFx(robot, scene, Snapshots.FOLDER.resolve("issue13-demo-repository-check.png"));

        // The log of this session: one line per expected failure, no stack trace, no fabric8 "unstable version" noise.
        List<ILoggingEvent> events = List.copyOf(log.list);
        List<String> withStack = events.stream().filter(e -> e.getThrowableProxy() != null)
                .map(e -> e.getLoggerName() + ": " + e.getFormattedMessage() + " <- " + e.getThrowableProxy().getClassName()).toList();
        long unstable = events.stream().filter(e -> e.getFormattedMessage().contains("unstable version")).count();
        System.out.println("issue16 log: " + events.size() + " events, " + withStack.size() + " with a stack trace, " + unstable
                + " 'unstable version' warnings");
        assertThat(withStack).as("stack traces for expected failures").isEmpty();
        assertThat(unstable).isZero();
    }

    private static boolean showing(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return node.getScene() != null;
    }

    private static boolean inView(FxRobot robot, String pageQuery, String query) {
        ScrollPane page = robot.lookup(pageQuery).queryAs(ScrollPane.class);
        Node node = robot.lookup(query).query();
        boolean[] inside = new boolean[1];
        robot.interact(() -> {
            Bounds viewport = page.localToScene(page.getLayoutBounds());
            Bounds bounds = node.localToScene(node.getBoundsInLocal());
            inside[0] = bounds.getMinY() >= viewport.getMinY() - 1 && bounds.getMaxY() <= viewport.getMaxY() + 1;
        });
        return inside[0];
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
