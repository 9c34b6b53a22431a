package io.mtcassistant.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.mtcassistant.monitor.MigResources;
import io.mtcassistant.monitor.MigrationState;
import io.mtcassistant.monitor.MigrationView;
import io.mtcassistant.monitor.PlanView;
import io.mtcassistant.sim.migration.MigrationFaults;
import io.mtcassistant.sim.migration.SimulatedMigrationController;
import io.mtcassistant.ui.activity.ActivityLog;
import io.mtcassistant.ui.common.ScrollIntoView;
import io.mtcassistant.ui.steps.monitor.MonitorViewModel;
import io.mtcassistant.ui.task.FxTaskRunner;
import io.mtcassistant.ui.testsupport.DemoClustersSteps;
import io.mtcassistant.ui.testsupport.FakeDialogs;
import io.mtcassistant.ui.testsupport.Snapshots;
import io.mtcassistant.ui.testsupport.TestWindows;
import io.mtcassistant.ui.wizard.WizardModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
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
 * Step 7 in demo mode, on the demo's simulated control cluster and its seeded migrations: before step 2 decides, the
 * page watches the target with a note saying so; then step 2 decides sim-target as the control cluster; the paused crm stage is canceled and a crm cutover started, each after its
 * confirmation, with real clicks while the running cutover streams updates; the failed payroll cutover shows its
 * error; a file of the same objects opens read-only. Writes target/snapshots/monitor-*.png.
 */
@ExtendWith(ApplicationExtension.class)
class DemoModeMonitorFlowTest {

    private static final long PATIENCE_SECONDS = 120;

    @TempDir
    static Path home;

    private final VisibleDemoClusters demo = new VisibleDemoClusters(environment -> { });
    private AppComposition app;
    private FxTaskRunner runner;
    private FakeDialogs dialogs;
    private Scene scene;

    @Start
    void start(Stage stage) {
        ActivityLog log = new ActivityLog(Platform::runLater);
        runner = new FxTaskRunner(log);
        dialogs = new FakeDialogs();
        app = demo.composition(home, runner, log, dialogs);
        scene = TestWindows.showShell(stage, app);
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(app::close);
        runner.close();
    }

    @Test
    void watchCancelCutoverFailedAndAFile(FxRobot robot) throws Exception {
        DemoClustersSteps.awaitDemoContexts(app);
        DemoClustersSteps.assignRolesAndConnect(robot, app);
        // Before step 2 decides, the page watches the target and says why.
        robot.interact(() -> app.wizard().goTo(app.wizard().step(WizardModel.MONITOR)));
        until("the fallback note", () -> text(robot, "#monitor-source").contains("has not decided the control cluster"));
        assertThat(text(robot, "#monitor-source")).contains("watching the target cluster sim-target instead");
        robot.interact(() -> app.wizard().goTo(app.wizard().step(WizardModel.CLUSTERS)));
        DemoClustersSteps.decideCompatibility(robot, app, "#option-mtc-1-7");
        assertThat(app.migrationPlan().readyPlan()).isNotNull();
        SimulatedMigrationController controller = demo.environment().migrations().awaitSeeded(Duration.ofSeconds(60));
        controller.plant("crm", MigrationFaults.none().slowing("DirectVolume", 30));

        robot.interact(() -> app.wizard().goTo(app.wizard().step(WizardModel.MONITOR)));
        MonitorViewModel monitor = app.monitor();
        until("the five demo plans listed", () -> monitor.shownPlans().size() == 5);
        assertThat(text(robot, "#monitor-source")).contains("sim-target, the control cluster chosen in step 2");
        assertThat(text(robot, "#monitor-feed")).isEqualTo("Live");
        Path dir = Path.of("target", "snapshots");
        Snapshots.writeOnFx(robot, scene, dir.resolve("monitor-plans.png"));

        // The paused crm stage: cancel it, after the confirmation that says what happens.
        select(robot, "crm");
        until("crm's blocked stage shown", () -> latest(monitor, "crm").map(m -> m.state() == MigrationState.PAUSED)
                .orElse(false));
        robot.clickOn("#monitor-cancel");
        until("confirmation shown", () -> robot.lookup("#monitor-confirmation").tryQuery().isPresent());
        robot.clickOn("#monitor-confirm");
        until("crm stage canceled", () -> latest(monitor, "crm").map(m -> m.state() == MigrationState.CANCELED)
                .orElse(false));

        // A cutover with the quiesce choice; it runs, and moves on screen.
        until("cutover allowed", () -> !robot.lookup("#monitor-cutover").queryButton().isDisabled());
        robot.clickOn("#monitor-cutover");
        until("confirmation shown", () -> robot.lookup("#monitor-quiesce").tryQuery().isPresent());
        assertThat(migrations(demo.environment().target().client(), "crm")).hasSize(1);
        robot.clickOn("#monitor-confirm");
        until("crm cutover created", () -> migrations(demo.environment().target().client(), "crm").size() == 2);
        JsonNode spec = migrations(demo.environment().target().client(), "crm").stream()
                .filter(m -> !m.path("spec").path("stage").asBoolean(true)).findFirst().orElseThrow().path("spec");
        assertThat(spec.path("quiescePods").asBoolean()).isTrue();
        until("crm cutover copying volumes", () -> latest(monitor, "crm").map(m -> m.state() == MigrationState.RUNNING
                && m.volumes().stream().anyMatch(v -> v.shownRate() != null)).orElse(false));
        double first = latest(monitor, "crm").orElseThrow().percent();
        until("the cutover moves", () -> latest(monitor, "crm").map(m -> m.percent() > first || m.state().terminal())
                .orElse(false));
        assertThat(text(robot, "#monitor-migration-state")).startsWith("Running");
        assertThat(robot.lookup("#monitor-timeline").tryQuery()).isPresent();

        // Real clicks while the cutover streams updates: the picker and the export land on the nodes on screen.
        robot.clickOn(robot.lookup("stage \u00b7 Canceled").queryAs(Node.class));
        until("the canceled stage on screen", () -> text(robot, "#monitor-migration-state").startsWith("Canceled"));
        robot.clickOn(robot.lookup((Node n) -> n instanceof javafx.scene.control.ToggleButton t
                && t.getText().startsWith("cutover")).queryAs(Node.class));
        until("the cutover on screen again", () -> text(robot, "#monitor-migration-state").startsWith("Running"));
        Path report = home.resolve("crm-report.md");
        dialogs.saveChoices.add(report);
        robot.clickOn("#monitor-export");
        until("report written", () -> Files.exists(report));
        assertThat(Files.readString(report)).contains("## Timeline");
        robot.interact(() -> ScrollIntoView.bringIntoView(robot.lookup("#monitor-details-scroll")
                .queryAs(ScrollPane.class), robot.lookup("#monitor-timeline").query()));
        WaitForAsyncUtils.waitForFxEvents();
        Snapshots.writeOnFx(robot, scene, dir.resolve("monitor-running.png"));

        // The failed payroll cutover shows its error.
        select(robot, "payroll");
        until("payroll's error on screen", () -> robot.lookup("#monitor-errors").tryQuery()
                .map(Node::isVisible).orElse(false) && text(robot, "#monitor-migration-state").startsWith("Failed"));
        assertThat(onFx(() -> ((javafx.scene.layout.VBox) robot.lookup("#monitor-errors").query()).getChildren()
                .stream().map(n -> ((Labeled) n).getText()).toList())).anyMatch(e -> e.contains("restic_timeout"));
        Snapshots.writeOnFx(robot, scene, dir.resolve("monitor-failed.png"));

        // The same objects from a file: shown read-only, actions refused with the reason.
        Path file = home.resolve("migrations.json");
        Files.writeString(file, objectsList(demo.environment().target().client()));
        dialogs.openFileChoices.add(file);
        robot.clickOn("#monitor-open-file");
        until("file shown", () -> monitor.openedFileProperty().get() != null && monitor.shownPlans().size() == 5);
        assertThat(text(robot, "#monitor-source")).contains("Opened from the file").contains("read-only");
        select(robot, "webshop");
        until("actions disabled with the reason", () -> robot.lookup("#monitor-stage").queryButton().isDisabled()
                && onFx(() -> robot.lookup("#monitor-action-reasons").queryAs(javafx.scene.layout.VBox.class).getChildren()
                .stream().map(n -> ((Labeled) n).getText()).toList()).stream()
                .anyMatch(r -> r.startsWith("Start stage, Start cutover, Roll back") && r.contains("opened from a file")));
        robot.clickOn("#monitor-close-file");
        until("live again", () -> monitor.openedFileProperty().get() == null && text(robot, "#monitor-feed").equals("Live"));
    }

    /** What `oc get migplan,migmigration -n openshift-migration -o json` prints: one List. */
    private static String objectsList(KubernetesClient client) {
        ObjectNode list = JsonNodeFactory.instance.objectNode().put("apiVersion", "v1").put("kind", "List");
        ArrayNode items = list.putArray("items");
        for (var kind : List.of(MigResources.MIG_PLAN, MigResources.MIG_MIGRATION)) {
            client.genericKubernetesResources(kind).inNamespace(MigResources.NAMESPACE).list().getItems()
                    .forEach(o -> items.add((JsonNode) Serialization.jsonMapper().valueToTree(o)));
        }
        return list.toPrettyString();
    }

    private static List<JsonNode> migrations(KubernetesClient client, String plan) {
        return client.genericKubernetesResources(MigResources.MIG_MIGRATION).inNamespace(MigResources.NAMESPACE).list()
                .getItems().stream().map(m -> (JsonNode) Serialization.jsonMapper().valueToTree(m))
                .filter(m -> plan.equals(m.path("spec").path("migPlanRef").path("name").asText())).toList();
    }

    private static Optional<MigrationView> latest(MonitorViewModel monitor, String plan) {
        return onFx(() -> monitor.snapshotProperty().get().plan(plan).map(PlanView::latest));
    }

    private static void select(FxRobot robot, String plan) {
        io.mtcassistant.ui.testsupport.MonitorSteps.select(robot, plan);
    }

    private static String text(FxRobot robot, String id) {
        return onFx(() -> robot.lookup(id).tryQuery().map(n -> ((Labeled) n).getText()).orElse(""));
    }

    private static <T> T onFx(Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void until(String what, Callable<Boolean> condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(PATIENCE_SECONDS, TimeUnit.SECONDS, () -> Boolean.TRUE.equals(onFx(condition)));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("not reached within " + PATIENCE_SECONDS + " s: " + what, e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }
}
