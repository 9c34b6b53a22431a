package io.mtcassistant.ui.steps.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.mtcassistant.monitor.MigResources;
import io.mtcassistant.monitor.MigrationState;
import io.mtcassistant.monitor.MigrationView;
import io.mtcassistant.monitor.PlanView;
import io.mtcassistant.settings.Theme;
import io.mtcassistant.sim.SimulatedCluster;
import io.mtcassistant.sim.migration.MigrationFaults;
import io.mtcassistant.sim.migration.SimulatedMigrationController;
import io.mtcassistant.ui.common.ThemeStyles;
import io.mtcassistant.ui.testsupport.FakeDialogs;
import io.mtcassistant.ui.testsupport.Snapshots;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Callable;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The Monitor page on a simulated control cluster driven by the simulated MTC controller: a running migration moves,
 * a cutover starts after its confirmation, a failed migration shows its error. Writes snapshot PNGs.
 */
@ExtendWith(ApplicationExtension.class)
class MonitorPageSimulationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static SimulatedCluster target;
    private static SimulatedMigrationController controller;
    private static KubernetesClient admin;
    private static final List<String> NOTIFICATIONS = new CopyOnWriteArrayList<>();
    private MonitorViewModel viewModel;
    private Scene scene;

    @BeforeAll
    static void startSimulation() {
        target = SimulatedCluster.builder().name("sim-target").start();
        controller = SimulatedMigrationController.on(target).timeScale(20).start();
        admin = target.client();
        create("MigCluster", "host", Map.of("isHostCluster", true));
        create("MigCluster", "sim-source", Map.of("isHostCluster", false));
        create("MigStorage", "repo", Map.of("backupStorageProvider", "aws", "volumeSnapshotProvider", "aws"));
        for (String plan : List.of("shop", "billing", "crm")) {
            create("MigPlan", plan, Map.of(
                    "srcMigClusterRef", Map.of("name", "sim-source", "namespace", MigResources.NAMESPACE),
                    "destMigClusterRef", Map.of("name", "host", "namespace", MigResources.NAMESPACE),
                    "migStorageRef", Map.of("name", "repo", "namespace", MigResources.NAMESPACE),
                    "namespaces", List.of(plan),
                    "persistentVolumes", List.of(Map.of("name", "pv-" + plan, "capacity", "10Gi",
                            "storageClass", "glusterfs-storage",
                            "pvc", Map.of("namespace", plan, "name", plan + "-data", "accessModes", List.of("ReadWriteOnce")),
                            "selection", Map.of("action", "copy", "copyMethod", "filesystem", "storageClass", "gp3-csi"),
                            "supported", Map.of("actions", List.of("copy"), "copyMethods", List.of("filesystem"))))));
        }
        controller.plant("shop", MigrationFaults.none().slowing("DirectVolume", 40));
        controller.plant("billing", MigrationFaults.none().failingAt("InitialBackupCreated",
                "Backup openshift-migration/billing-initial: failed."));
        create("MigMigration", "shop-stage-1", Map.of("migPlanRef", Map.of("name", "shop", "namespace",
                MigResources.NAMESPACE), "stage", true));
        create("MigMigration", "billing-cutover-1", Map.of("migPlanRef", Map.of("name", "billing", "namespace",
                MigResources.NAMESPACE), "stage", false, "quiescePods", true));
    }

    @AfterAll
    static void stopSimulation() {
        if (admin != null) {
            admin.close();
        }
        if (controller != null) {
            controller.close();
        }
        if (target != null) {
            target.close();
        }
    }

    private static void create(String kind, String name, Map<String, Object> spec) {
        GenericKubernetesResource object = new GenericKubernetesResource();
        object.setApiVersion(MigResources.API_VERSION);
        object.setKind(kind);
        object.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(MigResources.NAMESPACE).build());
        object.setAdditionalProperty("spec", spec);
        var context = MigResources.WATCHED.stream().filter(c -> c.getKind().equals(kind)).findFirst().orElseThrow();
        admin.genericKubernetesResources(context).inNamespace(MigResources.NAMESPACE).resource(object).create();
    }

    @Start
    void start(Stage stage) {
        viewModel = new MonitorViewModel(() -> Optional.of(new ClusterMonitorService(admin)),
                (title, text) -> NOTIFICATIONS.add(title + ": " + text));
        ThemeStyles.apply(Theme.LIGHT);
        scene = new Scene((javafx.scene.Parent) MonitorView.create(viewModel, new FakeDialogs()), 1280, 840);
        ThemeStyles.addAppStylesheet(scene);
        stage.setScene(scene);
        stage.show();
        viewModel.arrive();
    }

    private static void until(String what, Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!Boolean.TRUE.equals(condition.call())) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached within " + PATIENCE.toSeconds() + " s: " + what);
            }
            synchronized (MonitorPageSimulationTest.class) {
                MonitorPageSimulationTest.class.wait(50); // a poll, not a timing assumption
            }
        }
    }

    private static <T> T onFx(Callable<T> read) {
        try {
            return org.testfx.util.WaitForAsyncUtils.asyncFx(read).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Optional<MigrationView> latestOf(FxRobot robot, String plan) {
        return onFx(() -> viewModel.snapshotProperty().get().plan(plan).map(PlanView::latest));
    }

    /** The details pane is rebuilt on every update, so the button is fired on the FX thread as it is now. */
    private static void fire(FxRobot robot, String id) {
        onFx(() -> {
            ((javafx.scene.control.Button) robot.lookup(id).query()).fire();
            return null;
        });
    }

    private void select(FxRobot robot, String plan) {
        robot.interact(() -> {
            ListView<PlanView> list = robot.lookup("#monitor-plans").queryListView();
            list.getItems().stream().filter(p -> p.name().equals(plan)).findFirst()
                    .ifPresent(p -> list.getSelectionModel().select(p));
        });
    }

    private String text(FxRobot robot, String id) {
        return onFx(() -> robot.lookup(id).tryQuery().map(n -> ((javafx.scene.control.Labeled) n).getText())
                .orElse(""));
    }

    @Test
    void runningMovesCutoverNeedsConfirmationFailedShowsItsError(FxRobot robot) throws Exception {
        until("three plans listed", () -> onFx(() -> viewModel.shownPlans().size() == 3
                && viewModel.shownPlans().stream().allMatch(PlanView::ready)));
        Path dir = Path.of("target", "snapshots");
        Snapshots.writeOnFx(robot, scene, dir.resolve("monitor-plans.png"));

        // a running migration moves on screen
        select(robot, "shop");
        until("shop's stage running with progress", () -> latestOf(robot, "shop")
                .map(m -> m.state() == MigrationState.RUNNING && m.percent() != null && m.percent() > 0).orElse(false));
        double first = latestOf(robot, "shop").orElseThrow().percent();
        until("shop's stage moves", () -> latestOf(robot, "shop").map(m -> m.percent() > first
                || m.state().terminal()).orElse(false));
        assertThat(robot.lookup("#monitor-timeline").tryQuery()).isPresent();
        assertThat(text(robot, "#monitor-migration-state")).startsWith("Running");
        Snapshots.writeOnFx(robot, scene, dir.resolve("monitor-running.png"));

        // a cutover starts only after its confirmation, with the quiesce choice
        select(robot, "crm");
        until("cutover enabled for crm", () -> onFx(() -> robot.lookup("#monitor-cutover").tryQuery()
                .map(b -> !b.isDisabled()).orElse(false)));
        fire(robot, "#monitor-cutover");
        until("confirmation shown", () -> onFx(() -> robot.lookup("#monitor-confirmation").tryQuery().isPresent()));
        assertThat(crmMigrations()).isEmpty();
        fire(robot, "#monitor-confirm");
        until("crm cutover created", () -> !crmMigrations().isEmpty());
        JsonNode spec = crmMigrations().get(0).get("spec");
        assertThat(spec.get("stage").asBoolean()).isFalse();
        assertThat(spec.get("quiescePods").asBoolean()).isTrue();
        until("crm cutover on screen", () -> latestOf(robot, "crm").isPresent());
        until("start disabled with a reason while it runs", () -> onFx(() -> robot.lookup("#monitor-stage")
                .tryQuery().map(javafx.scene.Node::isDisabled).orElse(false)));

        // a failed migration shows its error
        select(robot, "billing");
        until("billing failed", () -> latestOf(robot, "billing").map(m -> m.state() == MigrationState.FAILED)
                .orElse(false));
        until("error on screen", () -> onFx(() -> robot.lookup("#monitor-errors").tryQuery().isPresent()));
        assertThat(text(robot, "#monitor-migration-state")).startsWith("Failed");
        Snapshots.writeOnFx(robot, scene, dir.resolve("monitor-failed.png"));
        until("failure notified", () -> NOTIFICATIONS.stream().anyMatch(n -> n.startsWith("Migration failed")));
        assertThat(onFx(() -> viewModel.report().orElseThrow())).contains("# Migration billing-cutover-1")
                .contains("## Timeline").contains("## Errors");
    }

    private static List<JsonNode> crmMigrations() {
        return admin.genericKubernetesResources(MigResources.MIG_MIGRATION).inNamespace(MigResources.NAMESPACE).list()
                .getItems().stream().map(m -> (JsonNode) Serialization.jsonMapper().valueToTree(m))
                .filter(m -> "crm".equals(m.path("spec").path("migPlanRef").path("name").asText())).toList();
    }
}
