package io.mtcassistant.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.mtcassistant.install.MigrationControllers;
import io.mtcassistant.install.plan.KubeObjects;
import io.mtcassistant.network.testsupport.OperatorRuns;
import io.mtcassistant.common.XdgDirs;
import io.mtcassistant.install.plan.ActionState;
import io.mtcassistant.network.RsyncNetworkFixes;
import io.mtcassistant.settings.Settings;
import io.mtcassistant.sim.DemoNetwork;
import io.mtcassistant.sim.SimulatedEnvironment;
import io.mtcassistant.ui.activity.ActivityLog;
import io.mtcassistant.ui.common.ScrollIntoView;
import io.mtcassistant.ui.steps.compatibility.EngineCompatibilityService;
import io.mtcassistant.ui.steps.network.NetworkCard;
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
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
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
 * Step 5 in demo mode: the demo's blocking NetworkPolicy in sim-source's {@value DemoNetwork#BLOCKED_NAMESPACE} is
 * found, the fix is generated and applied through the change plan; inline validation, the no_proxy tester and the
 * exec upgrade check on sim-target. Writes target/snapshots/network-*.png.
 */
@ExtendWith(ApplicationExtension.class)
class DemoModeNetworkFlowTest {

    @TempDir
    static Path home;

    private final DemoModeOperatorsFlowTest.VisibleDemoClusters demo = new DemoModeOperatorsFlowTest.VisibleDemoClusters();
    private AppComposition app;
    private FxTaskRunner runner;
    private Scene scene;

    @Start
    void start(Stage stage) {
        ActivityLog log = new ActivityLog(Platform::runLater);
        runner = new FxTaskRunner(log);
        XdgDirs dirs = new XdgDirs(Map.of("XDG_CACHE_HOME", home.resolve("cache").toString(), "XDG_STATE_HOME",
                home.resolve("state").toString(), "XDG_CONFIG_HOME", home.resolve("config").toString()), home);
        ClusterServices production = ProductionClusterServices.create();
        ClusterServices services = new ClusterServices(production.loader(), production.connector(),
                production.defaultKubeconfigs(), () -> demo);
        app = new AppComposition(services, EngineCompatibilityService.system(), new MemorySettingsStore(), Settings.defaults(),
                Runnable::run, runner, log, new FakeDialogs(), true, AppComposition.CONNECT_TIMEOUT, dirs);
        scene = TestWindows.showShell(stage, app);
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(app::close);
        runner.close();
    }

    private void show(FxRobot robot, String query) {
        Node node = robot.lookup(query).query();
        ScrollPane page = robot.lookup("#network-page").queryAs(ScrollPane.class);
        robot.interact(() -> ScrollIntoView.bringIntoView(page, node));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void findsTheBlockingPolicyGeneratesTheFixAndAppliesIt(FxRobot robot) throws Exception {
        DemoClustersSteps.awaitDemoContexts(app);
        DemoClustersSteps.assignRolesAndConnect(robot, app);
        robot.interact(() -> app.wizard().goTo(app.wizard().step(WizardModel.NETWORK)));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> app.network().namespaces().contains(DemoNetwork.BLOCKED_NAMESPACE)
                && !app.network().otherCidrProperty().get().isBlank());
        assertThat(app.network().cards()).extracting(NetworkCard::context).containsExactly("sim-source", "sim-target");
        assertThat(app.network().otherCidrProperty().get()).isEqualTo(DemoNetwork.TARGET_MACHINE_NETWORK);
        NetworkCard source = app.network().cards().get(0);
        NetworkCard target = app.network().cards().get(1);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> source.proxyInEffectProperty().get().contains("3.11"));

        // rsync_endpoint_type is read from the destination: only the target card offers it
        assertThat(robot.lookup("#sim-source-rsync_endpoint_type").tryQuery()).isEmpty();
        assertThat(robot.lookup("#sim-source-rsync_endpoint_type-hint").queryAs(Label.class).getText())
                .contains("set on the target cluster");
        assertThat(robot.lookup("#sim-target-rsync_endpoint_type").tryQuery()).isPresent();
        show(robot, "#sim-source-rsync_endpoint_type-hint");
        Snapshots.writeOnFx(robot, scene, Path.of("target/snapshots/network-source-fields.png"));

        // inline validation and the tester on the target card
        robot.interact(() -> {
            target.httpsProxyProperty().set("proxy.corp:3128");
            target.noProxyProperty().set(".corp");
            target.testAddressProperty().set("corp");
        });
        assertThat(robot.lookup("#sim-target-field-problems").queryAs(Label.class).getText())
                .contains("https_proxy: 'proxy.corp:3128' has no scheme");
        robot.interact(() -> target.httpsProxyProperty().set("http://proxy.corp:3128"));
        assertThat(target.testAnswerProperty().get()).contains("proxied").contains("matches only the subdomains of corp");
        robot.interact(() -> target.stunnelTcpProxyProperty().set("http://dvm:Sup3rSecret@10.0.0.5:3128"));
        show(robot, "#sim-target-stunnel_tcp_proxy");
        Snapshots.writeOnFx(robot, scene, Path.of("target/snapshots/network-fields.png"));
        robot.interact(() -> {
            target.httpsProxyProperty().set("");
            target.noProxyProperty().set("");
            target.stunnelTcpProxyProperty().set("");
            target.testAddressProperty().set("");
        });

        ListView<?> namespaces = robot.lookup("#network-namespaces").queryAs(ListView.class);
        robot.interact(() -> namespaces.getSelectionModel().select(app.network().namespaces().indexOf(DemoNetwork.BLOCKED_NAMESPACE)));
        show(robot, "#network-check");
        robot.clickOn("#network-check");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !source.actions().isEmpty() && source.statusProperty().get().contains("actions"));
        assertThat(source.findings()).anyMatch(f -> f.startsWith("BLOCKED") && f.contains(DemoNetwork.DENY_ALL));
        assertThat(source.actions()).extracting(r -> r.title()).containsExactly(
                "create-if-absent NetworkPolicy crm/" + RsyncNetworkFixes.EGRESS_POLICY,
                "create-if-absent NetworkPolicy crm/" + RsyncNetworkFixes.INGRESS_POLICY);
        show(robot, "#sim-source-findings");
        Snapshots.writeOnFx(robot, scene, Path.of("target/snapshots/network-findings.png"));

        show(robot, "#sim-source-apply");
        robot.clickOn("#sim-source-apply");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> source.statusProperty().get().startsWith("Applied"));
        assertThat(source.actions()).extracting(r -> r.state()).containsOnly(ActionState.DONE);
        SimulatedEnvironment environment = demo.environment;
        try (KubernetesClient client = environment.source().client()) {
            assertThat(client.network().v1().networkPolicies().inNamespace(DemoNetwork.BLOCKED_NAMESPACE)
                    .withName(RsyncNetworkFixes.INGRESS_POLICY).get()).isNotNull();
        }
        show(robot, "#sim-source-status");
        Snapshots.writeOnFx(robot, scene, Path.of("target/snapshots/network-applied.png"));

        show(robot, "#sim-target-check-upgrade");
        robot.clickOn("#sim-target-check-upgrade");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> target.upgradeProperty().get().startsWith("OK"));
        assertThat(target.upgradeProperty().get()).contains("SPDY/3.1").contains("websocket");
        show(robot, "#network-check");
        robot.clickOn("#network-check");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> source.statusProperty().get().contains("No change needed"));
        assertThat(source.findings()).noneMatch(f -> f.startsWith("BLOCKED"));
        show(robot, "#sim-target-upgrade-result");
        Snapshots.writeOnFx(robot, scene, Path.of("target/snapshots/network-upgrade.png"));

        // A proxy for MTC on sim-target: patched, waited for the operator's next run, and what it made of it shown.
        // The demo runs no MTC operator before an install: the test writes that run's status in its place.
        try (KubernetesClient client = demo.environment.target().client()) {
            var controllers = client.genericKubernetesResources(MigrationControllers.API_VERSION, MigrationControllers.KIND)
                    .inNamespace(MigrationControllers.NAMESPACE);
            client.namespaces().resource(new io.fabric8.kubernetes.api.model.NamespaceBuilder().withNewMetadata()
                    .withName(MigrationControllers.NAMESPACE).endMetadata().build()).createOr(c -> c.update());
            GenericKubernetesResource controller = controllers.resource(KubeObjects.generic(Map.of(
                    "apiVersion", MigrationControllers.API_VERSION, "kind", MigrationControllers.KIND,
                    "metadata", Map.of("name", MigrationControllers.NAME, "namespace", MigrationControllers.NAMESPACE),
                    "spec", Map.of("cluster_name", "host", "migration_velero", true)))).create();
            OperatorRuns.succeeded(controllers, controller, "2026-01-01T00:00:00.000001Z");
            robot.interact(() -> {
                target.httpsProxyProperty().set("http://proxy.corp:3128");
                target.stunnelTcpProxyProperty().set("http://dvm:Sup3rSecret@10.0.0.5:3128");
            });
            show(robot, "#network-check");
            robot.clickOn("#network-check");
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> target.actions().size() == 2
                    && target.statusProperty().get().contains("actions"));
            // fired, not clicked: the plan rows still grow after the check, and a click then lands below the button
            robot.interact(() -> robot.lookup("#sim-target-apply").queryButton().fire());
            try {
                WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> target.actions().get(1).messageProperty().get()
                        .contains("from before the change"));
            } catch (java.util.concurrent.TimeoutException e) {
                Snapshots.writeOnFx(robot, scene, Path.of("target/snapshots/network-reconcile-timeout.png"));
                throw new AssertionError("the wait never showed the old Successful: status '"
                        + target.statusProperty().get() + "', wait '" + target.actions().get(1).messageProperty().get()
                        + "'", e);
            }
            OperatorRuns.succeeded(controllers, controllers.withName(MigrationControllers.NAME).get(), java.time.Instant.now().toString());
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> target.statusProperty().get().startsWith("Applied"));
            WaitForAsyncUtils.waitForFxEvents();
            String reconciled = robot.lookup("#sim-target-reconciled").queryAs(Label.class).getText();
            assertThat(reconciled).startsWith("What the operator made of it:").contains("Successful=True")
                    .contains("https_proxy").doesNotContain("Sup3rSecret");
            show(robot, "#sim-target-reconciled");
            Snapshots.writeOnFx(robot, scene, Path.of("target/snapshots/network-reconciled.png"));
        }
    }
}
