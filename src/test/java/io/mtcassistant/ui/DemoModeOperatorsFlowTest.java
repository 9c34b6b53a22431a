package io.mtcassistant.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtcassistant.common.XdgDirs;
import io.mtcassistant.install.TestMirrorAccess;
import io.mtcassistant.install.plan.ActionState;
import io.mtcassistant.mirror.catalog.demo.DemoCatalog;
import io.mtcassistant.mirror.engine.TransferListener;
import io.mtcassistant.mirror.registry.CredentialStore;
import io.mtcassistant.mirror.registry.ProxySettings;
import io.mtcassistant.mirror.registry.RegistryAccess;
import io.mtcassistant.settings.Settings;
import io.mtcassistant.sim.SimulatedEnvironment;
import io.mtcassistant.sim.olm.SimulationSpeed;
import io.mtcassistant.sim.registry.SimulatedMirrorRegistry;
import io.mtcassistant.ui.activity.ActivityLog;
import io.mtcassistant.ui.steps.compatibility.CompatibilityViewModel;
import io.mtcassistant.ui.steps.compatibility.EngineCompatibilityService;
import io.mtcassistant.ui.steps.operators.ActionRow;
import io.mtcassistant.ui.steps.operators.ClusterCard;
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
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
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
 * Step 4 in demo mode: steps 1 and 2 on the simulated pair (MTC 1.7: OLM on the 4.12 control cluster, legacy on
 * 3.11); the Mirroring step defaults to the demo's simulated mirror registry; no mirror run in this session, so the
 * admin picks a results folder naming that registry, as a mirror run writes it. Plan both clusters (the legacy one
 * with operator.yml and controller.yml read out of the mirrored legacy operator image), install both with the
 * target's catalog held TRANSIENT_FAILURE until the snapshot "during" is taken, verification passes on both, then
 * uninstall lists what it deletes. Writes target/snapshots/operators-*.png.
 */
@ExtendWith(ApplicationExtension.class)
class DemoModeOperatorsFlowTest {

    /** The demo pair, kept reachable so the test can fill the demo's mirror registry and hold the catalog. */
    static final class VisibleDemoClusters implements DemoClusters {
        volatile SimulatedEnvironment environment;

        @Override
        public Path start(Path directory, SimulatedEnvironment.StartListener listener) {
            environment = SimulatedEnvironment.startDemoPair(listener);
            environment.target().operators().speed(SimulationSpeed.fast());
            environment.source().operators().speed(SimulationSpeed.fast());
            return environment.writeKubeconfig(directory.resolve("simulated-clusters.kubeconfig"));
        }

        @Override
        public java.util.Optional<MirrorRegistry> mirrorRegistry() {
            SimulatedEnvironment started = environment;
            return started == null ? java.util.Optional.empty() : java.util.Optional.of(new MirrorRegistry(
                    started.mirrorRegistry().endpoint(), started.mirrorRegistry().caFile()));
        }

        @Override
        public void close() {
            if (environment != null) {
                environment.close();
            }
        }
    }

    @TempDir
    static Path home;

    private final VisibleDemoClusters demo = new VisibleDemoClusters();
    private AppComposition app;
    private FxTaskRunner runner;
    private FakeDialogs dialogs;
    private Scene scene;

    @Start
    void start(Stage stage) {
        ActivityLog log = new ActivityLog(Platform::runLater);
        runner = new FxTaskRunner(log);
        dialogs = new FakeDialogs();
        XdgDirs dirs = new XdgDirs(Map.of("XDG_CACHE_HOME", home.resolve("cache").toString(), "XDG_STATE_HOME",
                home.resolve("state").toString(), "XDG_CONFIG_HOME", home.resolve("config").toString()), home);
        ClusterServices production = ProductionClusterServices.create();
        ClusterServices services = new ClusterServices(production.loader(), production.connector(),
                production.defaultKubeconfigs(), () -> demo);
        app = new AppComposition(services, EngineCompatibilityService.system(), new MemorySettingsStore(), Settings.defaults(),
                Runnable::run, runner, log, dialogs, true, AppComposition.CONNECT_TIMEOUT, dirs);
        scene = TestWindows.showShell(stage, app);
    }

    @AfterEach
    void close(FxRobot robot) {
        SimulatedEnvironment environment = demo.environment;
        if (environment != null) {
            environment.target().operators().catalogsNeverReady(null);
        }
        robot.interact(app::close);
        runner.close();
    }

    @Test
    void planInstallVerifyAndListWhatUninstallDeletes(FxRobot robot) throws Exception {
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

        // Step 3 skipped: no mirror run in this session, so the page asks for a results folder.
        robot.clickOn("#next-button");
        robot.clickOn("#next-button");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(app.wizard().current().id()).isEqualTo(WizardModel.OPERATORS);
        assertThat(robot.lookup("#operators-notice").queryAs(Label.class).getText()).contains("choose the mirror results folder");
        assertThat(app.operators().cards()).extracting(ClusterCard::context).containsExactly("sim-source", "sim-target");
        ClusterCard target = app.operators().cards().get(1);
        assertThat(target.summary()).contains("OpenShift 4.12").contains("release-v1.7").contains("control cluster");

        SimulatedMirrorRegistry registry = demo.environment.mirrorRegistry();
        assertThat(app.mirroring().registryProperty().get()).as("the demo mirrors into its own registry by default")
                .isEqualTo(registry.endpoint());
        Path results = writeResults(registry);
        dialogs.folderChoices.add(results);
        robot.clickOn("#operators-choose-results");
        robot.doubleClickOn("#operators-version").write("1.7.18");
        robot.clickOn("#operators-plan");
        ClusterCard source = app.operators().cards().get(0);
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> target.stage() != ClusterCard.Stage.PLANNING
                && source.stage() != ClusterCard.Stage.PLANNING);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#operators-problem").queryAs(Label.class).getText()).isEmpty();
        assertThat(source.problemProperty().get()).isEmpty();
        assertThat(target.problemProperty().get()).isEmpty();
        assertThat(target.stage()).isEqualTo(ClusterCard.Stage.PLANNED);
        assertThat(source.stage()).isEqualTo(ClusterCard.Stage.PLANNED);
        assertThat(source.planTitle()).contains("legacy operator");
        assertThat(robot.lookup("#operators-notes-sim-source").queryAs(Label.class).getText())
                .contains("/etc/docker/certs.d/" + registry.endpoint()).contains("pull check");
        scrollTo(robot, "#operators-page", "#operators-card-sim-source");
        Snapshots.writeOnFx(robot, scene, Path.of("target/snapshots/operators-planned-legacy.png"));
        assertThat(source.actions()).extracting(ActionRow::title)
                .anyMatch(t -> t.contains("Pod openshift-migration/" + io.mtcassistant.install.LegacyInstallPlanner.PULL_CHECK_POD))
                .anyMatch(t -> t.contains("MigrationController"));
        assertThat(target.actions()).extracting(ActionRow::title)
                .anyMatch(t -> t.startsWith("create-if-absent Subscription") || t.contains("Subscription"))
                .anyMatch(t -> t.contains("MigrationController"));

        scrollTo(robot, "#operators-page", "#operators-results");
        Snapshots.writeOnFx(robot, scene, Path.of("target/snapshots/operators-planned.png"));

        // The selected action shows its reason and YAML.
        TableView<?> table = robot.lookup("#operators-actions-sim-target").queryAs(TableView.class);
        int subscription = indexOf(target, "Subscription");
        robot.interact(() -> {
            table.getSelectionModel().select(subscription);
            table.scrollTo(Math.max(0, subscription - 2));
        });
        String yaml = robot.lookup("#operators-yaml-sim-target").queryAs(TextArea.class).getText();
        assertThat(yaml).contains("# why:").contains("kind: Subscription").contains("installPlanApproval: Manual")
                .contains("startingCSV: mtc-operator.v1.7.18");
        scrollTo(robot, "#operators-page", "#operators-card-sim-target");
        Snapshots.writeOnFx(robot, scene, Path.of("target/snapshots/operators-before-install.png"));

        // Export writes the numbered manifests and apply.sh.
        Path export = home.resolve("export-sim-target");
        dialogs.folderChoices.add(export);
        robot.clickOn("#operators-export-sim-target");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> Files.exists(export.resolve("apply.sh")));

        // Install, with the catalog held back until the snapshot during the install is taken.
        demo.environment.target().operators().catalogsNeverReady("demo test: catalog held back for the snapshot");
        robot.clickOn("#operators-install-sim-target");
        scrollTo(robot, "#operators-page", "#operators-install-sim-source");
        robot.clickOn("#operators-install-sim-source");
        scrollTo(robot, "#operators-page", "#operators-card-sim-target");
        int catalogWait = indexOfWait(target, "CatalogSource");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> target.actions().get(catalogWait).state() == ActionState.RUNNING);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(target.stage()).isEqualTo(ClusterCard.Stage.INSTALLING);
        assertThat(target.actions().subList(0, catalogWait)).allMatch(r -> r.state().succeeded());
        assertThat(target.actions().subList(catalogWait + 1, target.actions().size()))
                .allMatch(r -> r.state() == ActionState.WAITING);
        // the page's ticker moves the elapsed time on while the catalog is held
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !target.elapsedProperty().get().isEmpty()
                && !target.elapsedProperty().get().startsWith("0.") && !target.elapsedProperty().get().startsWith("1."));
        robot.interact(() -> table.scrollTo(0));
        WaitForAsyncUtils.waitForFxEvents();
        Snapshots.writeOnFx(robot, scene, Path.of("target/snapshots/operators-during-install.png"));
        demo.environment.target().operators().catalogsNeverReady(null);

        WaitForAsyncUtils.waitFor(300, TimeUnit.SECONDS, () -> target.stage() == ClusterCard.Stage.VERIFIED
                || target.stage() == ClusterCard.Stage.FAILED);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(target.problemProperty().get()).isEmpty();
        assertThat(target.stage()).isEqualTo(ClusterCard.Stage.VERIFIED);
        assertThat(target.actions()).allMatch(r -> r.state().succeeded());
        assertThat(target.checks()).isNotEmpty().allMatch(c -> c.passed());
        assertThat(robot.lookup("#operators-checks-sim-target").queryAs(javafx.scene.layout.VBox.class).getChildren())
                .hasSize(target.checks().size());
        assertThat(target.consoleUrlProperty().get()).startsWith("https://");
        WaitForAsyncUtils.waitFor(300, TimeUnit.SECONDS, () -> source.stage() == ClusterCard.Stage.VERIFIED
                || source.stage() == ClusterCard.Stage.FAILED);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(source.problemProperty().get()).isEmpty();
        assertThat(source.stage()).isEqualTo(ClusterCard.Stage.VERIFIED);
        assertThat(source.checks()).isNotEmpty().allMatch(c -> c.passed());
        assertThat(app.wizard().step(WizardModel.OPERATORS).state()).isEqualTo(StepState.DONE);
        scrollTo(robot, "#operators-page", "#operators-card-sim-source");
        Snapshots.writeOnFx(robot, scene, Path.of("target/snapshots/operators-after-install-legacy.png"));
        scrollTo(robot, "#operators-page", "#operators-card-sim-target");
        Snapshots.writeOnFx(robot, scene, Path.of("target/snapshots/operators-after-install.png"));

        // Uninstall: its own section, lists exactly what it will delete, enabled only by the typed name.
        robot.interact(() -> robot.lookup("#operators-uninstall-pane-sim-target").queryAs(TitledPane.class).setExpanded(true));
        scrollTo(robot, "#operators-page", "#operators-uninstall-list-sim-target");
        robot.clickOn("#operators-uninstall-list-sim-target");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !target.deletions().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        List<String> deletions = List.copyOf(target.deletions());
        assertThat(deletions).anyMatch(d -> d.contains("MigrationController"))
                .anyMatch(d -> d.contains("Subscription"))
                .anyMatch(d -> d.contains("ClusterServiceVersion"))
                .anyMatch(d -> d.contains("CustomResourceDefinition") && d.contains("migration.openshift.io"));
        // Exactly the objects the procedure's selectors find on the cluster, in the plan's order.
        assertThat(deletions).hasSize(target.uninstallActions().size());
        assertThat(robot.lookup("#operators-uninstall-deletions-sim-target").queryAs(ListView.class).getItems())
                .containsExactlyElementsOf(deletions);
        Button uninstall = robot.lookup("#operators-uninstall-sim-target").queryButton();
        assertThat(uninstall.isDisabled()).isTrue();
        scrollTo(robot, "#operators-page", "#operators-uninstall-confirm-sim-target");
        robot.clickOn("#operators-uninstall-confirm-sim-target").write("sim-targe");
        assertThat(uninstall.isDisabled()).as("a wrong name does not enable Uninstall").isTrue();
        robot.write("t");
        assertThat(uninstall.isDisabled()).isFalse();
        scrollTo(robot, "#operators-page", "#operators-uninstall-deletions-sim-target");
        Snapshots.writeOnFx(robot, scene, Path.of("target/snapshots/operators-uninstall-list.png"));
        assertThat(app.wizard().step(WizardModel.OPERATORS).state()).isEqualTo(StepState.DONE);

        // Confirmed: deleted with progress, and listing again finds nothing of MTC.
        robot.clickOn(uninstall);
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> !target.uninstallingProperty().get()
                && !target.uninstallStatusProperty().get().equals("Deleting…"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(target.uninstallStatusProperty().get()).startsWith("Uninstalled in");
        assertThat(target.uninstallActions()).allMatch(r -> r.state() == ActionState.DONE);
        assertThat(target.confirmationProperty().get()).isEmpty();
        robot.clickOn("#operators-uninstall-list-sim-target");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> target.uninstallStatusProperty().get().startsWith("Nothing of MTC"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(target.deletions()).isEmpty();
    }

    private static int indexOf(ClusterCard card, String kind) {
        for (int i = 0; i < card.actions().size(); i++) {
            if (card.actions().get(i).title().contains(" " + kind + " ") && !card.actions().get(i).title().startsWith("wait-for")) {
                return i;
            }
        }
        throw new AssertionError("no " + kind + " in the plan");
    }

    private static int indexOfWait(ClusterCard card, String kind) {
        for (int i = 0; i < card.actions().size(); i++) {
            if (card.actions().get(i).title().startsWith("wait-for") && card.actions().get(i).title().contains(kind)) {
                return i;
            }
        }
        throw new AssertionError("no wait for " + kind + " in the plan");
    }

    /** The demo catalog pushed into the demo's registry and a results folder naming it, as a mirror run writes them. */
    private static Path writeResults(SimulatedMirrorRegistry registry) {
        String host = registry.endpoint();
        DemoCatalog.Contents contents = DemoCatalog.write(home.resolve("demo-layout"), DemoCatalog.DEFAULT_HOST);
        RegistryAccess access = new RegistryAccess(CredentialStore.empty(), ProxySettings.none(),
                Map.of(host, List.of(registry.caFile())));
        DemoCatalog.push(contents, access, host, true, TransferListener.NONE);
        return TestMirrorAccess.writeResults(home.resolve("results"), host, contents);
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
