package io.mtcassistant.ui.steps.operators;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.mtcassistant.cluster.ClusterFacts;
import io.mtcassistant.cluster.ClusterRole;
import io.mtcassistant.cluster.ClusterSession;
import io.mtcassistant.cluster.ContextEntry;
import io.mtcassistant.common.ActivityListener;
import io.mtcassistant.compat.ClusterPlan;
import io.mtcassistant.compat.ExistingMtcAction;
import io.mtcassistant.compat.InstallMethod;
import io.mtcassistant.compat.InstallOption;
import io.mtcassistant.compat.MtcVersion;
import io.mtcassistant.compat.OpenShiftVersion;
import io.mtcassistant.install.InstallRole;
import io.mtcassistant.install.InstallVerifier;
import io.mtcassistant.install.MachineConfigPoolNames;
import io.mtcassistant.install.MirrorAccess;
import io.mtcassistant.install.MirrorResults;
import io.mtcassistant.install.OlmInstallPlanner;
import io.mtcassistant.install.OlmInstallRequest;
import io.mtcassistant.install.TestMirrorAccess;
import io.mtcassistant.install.plan.ChangePlanApplier;
import io.mtcassistant.mirror.registry.CredentialStore;
import io.mtcassistant.mirror.registry.ProxySettings;
import io.mtcassistant.mirror.registry.RegistryAccess;
import io.mtcassistant.settings.Theme;
import io.mtcassistant.sim.SimulatedCluster;
import io.mtcassistant.sim.olm.SimulationSpeed;
import io.mtcassistant.ui.MigrationPlanHolder;
import io.mtcassistant.ui.common.ThemeStyles;
import io.mtcassistant.ui.steps.mirroring.MirrorFacts;
import io.mtcassistant.ui.task.FxTaskRunner;
import io.mtcassistant.ui.testsupport.FakeDialogs;
import io.mtcassistant.ui.testsupport.Snapshots;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ScrollPane;
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
 * One Operators card on a simulated OpenShift 4.12 cluster that already runs MTC 1.7.17 (installed by the engine
 * first): planning 1.7.18 is refused with the reason and offers "Upgrade to 1.7.18"; choosing it plans the OLM
 * upgrade (no Subscription create, a patch and only 1.7.18's InstallPlan approved); Install applies it and the
 * verification passes. Writes target/snapshots/operators-upgrade-offered.png, -planned.png and -verified.png.
 */
@ExtendWith(ApplicationExtension.class)
class OperatorsUpgradeCardTest {

    private static final String CONTEXT = "sim-upgrade";

    @TempDir
    static Path dir;
    static TestMirrorAccess mirror;
    static SimulatedCluster cluster;
    static KubernetesClient client;

    private FxTaskRunner runner;
    private OperatorsViewModel viewModel;
    private ClusterCard card;
    private Scene scene;

    @BeforeAll
    static void installTheOlderMtc() throws Exception {
        mirror = TestMirrorAccess.start(dir);
        cluster = SimulatedCluster.builder().name(CONTEXT).openShift4("4.12.40").admin(true).start();
        cluster.operators().speed(SimulationSpeed.fast()).trustRegistry(mirror.endpoint(), mirror.caFile());
        client = cluster.client();
        var older = OlmInstallPlanner.plan(new OlmInstallRequest(CONTEXT, 12, InstallRole.CONTROL, "1.7.17",
                "release-v1.7", false, MachineConfigPoolNames.of(client), Duration.ofMinutes(2)),
                MirrorResults.read(mirror.results()));
        assertThat(new ChangePlanApplier(client).apply(older, o -> { }).succeeded()).isTrue();
        assertThat(InstallVerifier.await(client, "1.7.17", InstallRole.CONTROL, Duration.ofMinutes(2)).passed()).isTrue();
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable c : new AutoCloseable[] {client, cluster, mirror}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception ignored) {
                // closing test servers
            }
        }
    }

    @Start
    void start(Stage stage) {
        runner = new FxTaskRunner(ActivityListener.NONE);
        RegistryAccess access = new RegistryAccess(CredentialStore.empty(), ProxySettings.none(),
                Map.of(mirror.endpoint(), List.of(mirror.caFile())));
        viewModel = new OperatorsViewModel(null, new MigrationPlanHolder(), new SimpleObjectProperty<MirrorFacts>(),
                () -> new MirrorAccess(access, true), runner, new FakeDialogs(), ActivityListener.NONE, Platform::runLater);
        ClusterPlan decision = new ClusterPlan(CONTEXT, ClusterRole.TARGET, OpenShiftVersion.parse("4.12").orElseThrow(),
                "ocp-4.10+", true, new InstallOption(MtcVersion.of("1.7"), InstallMethod.OLM, "release-v1.7", "olm", false,
                null), "stable-1.2", ExistingMtcAction.UPGRADE);
        card = new ClusterCard(decision, new ClusterSession() {
            @Override
            public ContextEntry context() {
                return null;
            }

            @Override
            public ClusterFacts facts() {
                return null;
            }

            @Override
            public KubernetesClient client() {
                return client;
            }

            @Override
            public void close() {
                // the test closes the client
            }
        });
        ThemeStyles.apply(Theme.LIGHT);
        ScrollPane page = new ScrollPane(ClusterCardView.create(card, viewModel));
        page.setFitToWidth(true);
        scene = new Scene(page, 1100, 820);
        ThemeStyles.addAppStylesheet(scene);
        scene.getStylesheets().add(OperatorsView.class.getResource("operators.css").toExternalForm());
        stage.setScene(scene);
        stage.sizeToScene();
        stage.show();
    }

    @AfterEach
    void close() {
        runner.close();
    }

    @Test
    void anOlderMtcIsRefusedWithTheUpgradeOfferedAndTheChosenUpgradeIsPlannedAppliedAndVerified(FxRobot robot)
            throws Exception {
        robot.interact(() -> {
            viewModel.resultsDirProperty().set(mirror.results().toString());
            viewModel.readResults();
            viewModel.mtcVersionProperty().set("1.7.18");
            viewModel.plan(card);
        });
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> card.stage() != ClusterCard.Stage.PLANNING);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(card.stage()).isEqualTo(ClusterCard.Stage.NO_PLAN);
        assertThat(card.problemProperty().get()).contains("already runs MTC 1.7.17, not 1.7.18").contains("uninstall");
        Button upgrade = robot.lookup("#operators-upgrade-" + CONTEXT).queryButton();
        assertThat(upgrade.isVisible()).isTrue();
        assertThat(upgrade.getText()).isEqualTo("Upgrade to 1.7.18");
        Snapshots.writeOnFx(robot, scene, Path.of("target/snapshots/operators-upgrade-offered.png"));

        robot.clickOn(upgrade);
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> card.stage() != ClusterCard.Stage.PLANNING
                && card.stage() != ClusterCard.Stage.NO_PLAN || !card.problemProperty().get().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(card.problemProperty().get()).isEmpty();
        assertThat(card.stage()).isEqualTo(ClusterCard.Stage.PLANNED);
        assertThat(card.planTitle()).isEqualTo("Upgrade MTC 1.7.17 to 1.7.18 (OLM, release-v1.7)");
        assertThat(card.actions()).extracting(ActionRow::title)
                .contains("merge-patch Subscription openshift-migration/mtc-operator",
                        "approve InstallPlan openshift-migration/(the one for mtc-operator.v1.7.18)")
                .noneMatch(t -> t.startsWith("create"));
        assertThat(upgrade.isVisible()).as("offered only while refused").isFalse();
        Snapshots.writeOnFx(robot, scene, Path.of("target/snapshots/operators-upgrade-planned.png"));

        robot.clickOn("#operators-install-" + CONTEXT);
        WaitForAsyncUtils.waitFor(300, TimeUnit.SECONDS, () -> card.stage() == ClusterCard.Stage.VERIFIED
                || card.stage() == ClusterCard.Stage.FAILED);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(card.problemProperty().get()).isEmpty();
        assertThat(card.stage()).isEqualTo(ClusterCard.Stage.VERIFIED);
        assertThat(card.statusProperty().get()).startsWith("Upgraded and verified");
        assertThat(card.checks()).anyMatch(c -> c.detail().contains("1.7.18")).allMatch(c -> c.passed());
        Snapshots.writeOnFx(robot, scene, Path.of("target/snapshots/operators-upgrade-verified.png"));
    }
}
