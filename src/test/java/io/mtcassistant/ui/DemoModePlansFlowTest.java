package io.mtcassistant.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtcassistant.common.XdgDirs;
import io.mtcassistant.monitor.PlanView;
import io.mtcassistant.settings.Settings;
import io.mtcassistant.ui.activity.ActivityLog;
import io.mtcassistant.ui.steps.compatibility.EngineCompatibilityService;
import io.mtcassistant.ui.task.FxTaskRunner;
import io.mtcassistant.ui.testsupport.DemoClustersSteps;
import io.mtcassistant.ui.testsupport.FakeDialogs;
import io.mtcassistant.ui.testsupport.MemorySettingsStore;
import io.mtcassistant.ui.testsupport.Snapshots;
import io.mtcassistant.ui.testsupport.TestWindows;
import io.mtcassistant.ui.wizard.WizardModel;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The New plan flow in demo mode: from the Monitor page through General, Namespaces, Persistent volumes, Options,
 * Hooks and Review, the plan created on the simulated control cluster becomes Ready, its discovered volumes show,
 * a stage starts and the monitor shows it. An existing plan is edited (Edit… on the Monitor page, its hooks shown on
 * Hooks, Review's diff of every change, Apply), closed and deleted after confirmations naming it; a plan whose
 * migration runs is refused with the reason. Writes target/snapshots/plans-*.png.
 */
@ExtendWith(ApplicationExtension.class)
class DemoModePlansFlowTest {

    @TempDir
    static Path home;

    private AppComposition app;
    private FxTaskRunner runner;

    @Start
    void start(Stage stage) {
        ActivityLog log = new ActivityLog(Platform::runLater);
        runner = new FxTaskRunner(log);
        XdgDirs dirs = new XdgDirs(Map.of("XDG_CACHE_HOME", home.resolve("cache").toString(), "XDG_STATE_HOME",
                home.resolve("state").toString(), "XDG_CONFIG_HOME", home.resolve("config").toString()), home);
        app = new AppComposition(ProductionClusterServices.create(), EngineCompatibilityService.system(),
                new MemorySettingsStore(), Settings.defaults(), Runnable::run, runner, log, new FakeDialogs(), true,
                AppComposition.CONNECT_TIMEOUT, dirs);
        TestWindows.showShell(stage, app);
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(app::close);
        runner.close();
    }

    private static Scene planScene(FxRobot robot) {
        return robot.lookup("#new-plan").query().getScene();
    }

    private static void snapshot(FxRobot robot, String page) {
        WaitForAsyncUtils.waitForFxEvents();
        Snapshots.writeOnFx(robot, planScene(robot), Path.of("target/snapshots/plans-" + page + ".png"));
    }

    private static void next(FxRobot robot) {
        robot.clickOn("#plan-next");
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void createAPlanThroughEveryPageSeeItReadyAndStartAStage(FxRobot robot) throws Exception {
        DemoClustersSteps.awaitDemoContexts(app);
        DemoClustersSteps.assignRolesAndConnect(robot, app);
        robot.interact(() -> app.wizard().goTo(app.wizard().step(WizardModel.MONITOR)));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#monitor-new-plan").tryQuery().isPresent());
        robot.clickOn("#monitor-new-plan");
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> robot.lookup("#plan-source").tryQuery().isPresent()
                && robot.lookup("#plan-source").queryAs(ComboBox.class).getValue() != null);

        robot.clickOn("#plan-name").write("wiki-plan");
        assertThat(robot.lookup("#plan-source").queryAs(ComboBox.class).getItems()).hasSize(2);
        snapshot(robot, "1-general");
        next(robot);

        robot.clickOn("#plan-namespace-filter").write("wiki");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#plan-ns-wiki").tryQuery().isPresent());
        robot.clickOn("#plan-ns-wiki");
        snapshot(robot, "2-namespaces");
        next(robot);
        snapshot(robot, "3-volumes-before");
        next(robot);
        snapshot(robot, "4-options");
        next(robot);
        snapshot(robot, "5-hooks");
        next(robot);
        String yaml = robot.lookup("#plan-yaml").queryAs(TextArea.class).getText();
        assertThat(yaml).contains("kind: MigPlan", "name: wiki-plan", "- wiki", "indirectVolumeMigration: false");
        snapshot(robot, "6-review");

        robot.clickOn("#plan-create");
        Button stage = robot.lookup("#plan-start-stage").queryAs(Button.class);
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> !stage.isDisabled());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#plan-conditions").queryAs(TextArea.class).getText())
                .contains("The plan is ready", "persistent volumes of the namespaces were found");
        snapshot(robot, "6-review-ready");

        for (int i = 0; i < 3; i++) {
            robot.clickOn("#plan-back");
        }
        WaitForAsyncUtils.waitForFxEvents();
        ListView<?> volumes = robot.lookup("#plan-volumes").queryAs(ListView.class);
        assertThat(volumes.getItems()).hasSize(2);
        snapshot(robot, "3-volumes-discovered");
        next(robot);
        // the plan exists now: Options are saved on it (nothing changed, so the patch finds them set)
        robot.clickOn("#plan-save-options");
        javafx.scene.control.Label status = robot.lookup("#plan-status").queryAs(javafx.scene.control.Label.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> "Migration options saved in the plan.".equals(status.getText()));
        snapshot(robot, "4-options-saved");
        next(robot);
        next(robot);

        Window planWindow = planScene(robot).getWindow();
        robot.clickOn("#plan-start-stage");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !planWindow.isShowing());
        ListView<?> plans = robot.lookup("#monitor-plans").queryAs(ListView.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> plans.getItems().stream()
                .anyMatch(p -> p instanceof PlanView plan && plan.name().equals("wiki-plan")
                        && !plan.migrations().isEmpty()));
        Node monitorPage = robot.lookup("#monitor-page").query();
        WaitForAsyncUtils.waitForFxEvents();
        Snapshots.writeOnFx(robot, monitorPage.getScene(), Path.of("target/snapshots/plans-7-monitor.png"));
    }

    /** Clicks the plan until the monitor has it chosen (a click may land while an update refills the list). */
    private void choose(FxRobot robot, String plan) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        do {
            io.mtcassistant.ui.testsupport.MonitorSteps.select(robot, plan);
        } while (!plan.equals(app.monitor().selectedPlanProperty().get()) && System.nanoTime() < end);
        assertThat(app.monitor().selectedPlanProperty().get()).isEqualTo(plan);
    }

    private static String reasons(FxRobot robot) {
        return robot.lookup("#monitor-action-reasons").queryAs(javafx.scene.layout.VBox.class).getChildren().stream()
                .map(n -> ((javafx.scene.control.Label) n).getText()).reduce("", (a, b) -> a + b + "\n");
    }

    private static java.util.Optional<PlanView> shown(FxRobot robot, String plan) {
        ListView<?> list = robot.lookup("#monitor-plans").queryAs(ListView.class);
        return list.getItems().stream().map(PlanView.class::cast).filter(p -> p.name().equals(plan)).findFirst();
    }

    private io.fabric8.kubernetes.client.KubernetesClient reportsClient() {
        return app.clusters().session(io.mtcassistant.cluster.ClusterRole.TARGET).orElseThrow().client();
    }

    /** The demo's reports plan runs no hook: two are added as the console would (MigHooks, then spec.hooks). */
    private void giveReportsHooks() {
        var client = reportsClient();
        for (String hook : List.of("""
                {"apiVersion": "migration.openshift.io/v1alpha1", "kind": "MigHook",
                 "metadata": {"name": "reports-export", "namespace": "openshift-migration"},
                 "spec": {"custom": true, "image": "quay.example/reports/export:1", "targetCluster": "destination"}}""",
                """
                {"apiVersion": "migration.openshift.io/v1alpha1", "kind": "MigHook",
                 "metadata": {"name": "reports-notify", "namespace": "openshift-migration"},
                 "spec": {"custom": true, "image": "quay.example/reports/notify:1", "targetCluster": "source"}}""")) {
            client.genericKubernetesResources(io.mtcassistant.plans.MigPlanManifests.MIG_HOOK)
                    .inNamespace(io.mtcassistant.monitor.MigResources.NAMESPACE).resource(
                            io.fabric8.kubernetes.client.utils.Serialization.unmarshal(hook,
                                    io.fabric8.kubernetes.api.model.GenericKubernetesResource.class)).create();
        }
        client.genericKubernetesResources(io.mtcassistant.monitor.MigResources.MIG_PLAN)
                .inNamespace(io.mtcassistant.monitor.MigResources.NAMESPACE).withName("reports")
                .patch(io.fabric8.kubernetes.client.dsl.base.PatchContext.of(
                        io.fabric8.kubernetes.client.dsl.base.PatchType.JSON_MERGE), """
                        {"spec": {"hooks": [
                          {"reference": {"name": "reports-export", "namespace": "openshift-migration"},
                           "phase": "PostRestore", "executionNamespace": "reports", "serviceAccount": "default"},
                          {"reference": {"name": "reports-notify", "namespace": "openshift-migration"},
                           "phase": "PreBackup", "executionNamespace": "reports", "serviceAccount": "default"}]}}""");
    }

    @Test
    void anExistingPlanIsEditedClosedAndDeletedFromTheMonitor(FxRobot robot) throws Exception {
        DemoClustersSteps.awaitDemoContexts(app);
        DemoClustersSteps.assignRolesAndConnect(robot, app);
        robot.interact(() -> app.wizard().goTo(app.wizard().step(WizardModel.MONITOR)));
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> robot.lookup("#monitor-plans").tryQuery().isPresent()
                && shown(robot, "crm").isPresent() && shown(robot, "reports").isPresent());

        // crm's stage is paused, not ended: no change of the plan, and the page says why
        choose(robot, "crm");
        Button delete = robot.lookup("#monitor-delete-plan").queryAs(Button.class);
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> delete.isDisabled()
                && reasons(robot).contains("Delete plan: migration crm-stage-1 of plan crm is running"));

        giveReportsHooks();
        choose(robot, "reports");
        Button edit = robot.lookup("#monitor-edit-plan").queryAs(Button.class);
        try {
            WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> !edit.isDisabled());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("Edit… stays disabled: " + reasons(robot), e);
        }
        robot.clickOn("#monitor-edit-plan");
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> robot.lookup("#plan-title").tryQuery().isPresent()
                && robot.lookup("#plan-name").queryAs(javafx.scene.control.TextField.class).getText().equals("reports"));
        // the rest of the plan is filled in the same FX pulse as the name
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#plan-title").queryAs(javafx.scene.control.Label.class).getText())
                .isEqualTo("Edit migration plan reports");
        assertThat(robot.lookup("#plan-name").queryAs(javafx.scene.control.TextField.class).isDisabled()).isTrue();
        next(robot);
        robot.clickOn("#plan-namespace-filter").write("billing");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#plan-ns-billing").tryQuery().isPresent());
        robot.clickOn("#plan-ns-billing");
        for (int i = 0; i < 3; i++) {
            next(robot);
        }
        // the Hooks page shows the plan's hook; a new image is part of the same change plan
        javafx.scene.control.TextField hookImage = robot.lookup("#plan-hook-image")
                .queryAs(javafx.scene.control.TextField.class);
        assertThat(robot.lookup("#plan-hook-name").queryAs(javafx.scene.control.TextField.class).getText())
                .isEqualTo("reports-export");
        assertThat(hookImage.getText()).isEqualTo("quay.example/reports/export:1");
        assertThat(robot.lookup("#plan-hook-enabled").queryAs(javafx.scene.control.CheckBox.class).isSelected())
                .isTrue();
        assertThat(robot.lookup("#plan-hook-others").queryAs(ListView.class).getItems()).hasSize(1);
        robot.interact(() -> hookImage.setText("quay.example/reports/export:2"));
        snapshot(robot, "8-edit-hooks");
        next(robot);
        TextArea review = robot.lookup("#plan-yaml").queryAs(TextArea.class);
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> review.getText().contains("+  - billing"));
        assertThat(review.getText()).contains("merge-patch MigHook openshift-migration/reports-export",
                "+  image: quay.example/reports/export:2");
        assertThat(robot.lookup("#plan-create").queryAs(Button.class).getText()).isEqualTo("Apply changes");
        snapshot(robot, "8-edit-review");
        robot.clickOn("#plan-create");
        javafx.scene.control.Label status = robot.lookup("#plan-status").queryAs(javafx.scene.control.Label.class);
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> status.getText().startsWith("Plan reports changed."));
        Window planWindow = planScene(robot).getWindow();
        robot.interact(() -> ((Stage) planWindow).close());
        assertThat(reportsClient().genericKubernetesResources(io.mtcassistant.plans.MigPlanManifests.MIG_HOOK)
                .inNamespace(io.mtcassistant.monitor.MigResources.NAMESPACE).withName("reports-export").get()
                .getAdditionalProperties().toString()).contains("image=quay.example/reports/export:2");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> shown(robot, "reports")
                .map(p -> p.namespaces().contains("billing")).orElse(false));

        robot.clickOn("#monitor-close-plan");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#monitor-confirmation-text").tryQuery()
                .map(n -> ((javafx.scene.control.Label) n).getText().startsWith("Close plan reports?")).orElse(false));
        Node monitorPage = robot.lookup("#monitor-page").query();
        WaitForAsyncUtils.waitForFxEvents();
        Snapshots.writeOnFx(robot, monitorPage.getScene(), Path.of("target/snapshots/plans-9-close-confirm.png"));
        robot.clickOn("#monitor-confirm");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> shown(robot, "reports").map(PlanView::closed)
                .orElse(false));

        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !delete.isDisabled());
        robot.clickOn("#monitor-delete-plan");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#monitor-confirmation-text").tryQuery()
                .map(n -> ((javafx.scene.control.Label) n).getText().startsWith("Delete plan reports?")).orElse(false));
        robot.clickOn("#monitor-confirm");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> shown(robot, "reports").isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        Snapshots.writeOnFx(robot, monitorPage.getScene(), Path.of("target/snapshots/plans-10-deleted.png"));
    }
}
