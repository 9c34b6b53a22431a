package io.mtcassistant.ui.steps.clusters;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtcassistant.cluster.ConnectionFailure;
import io.mtcassistant.cluster.FailureKind;
import io.mtcassistant.ui.AppComposition;
import io.mtcassistant.ui.task.SyncTaskRunner;
import io.mtcassistant.ui.testsupport.FakeConnector;
import io.mtcassistant.ui.testsupport.FakeDialogs;
import io.mtcassistant.ui.testsupport.FakeKubeconfigLoader;
import io.mtcassistant.ui.testsupport.Snapshots;
import io.mtcassistant.ui.testsupport.TestCompositions;
import io.mtcassistant.ui.testsupport.TestWindows;
import io.mtcassistant.ui.wizard.WizardModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The Clusters page with a scripted cluster layer: roles by clicking, a connection that works and one that fails on TLS. */
@ExtendWith(ApplicationExtension.class)
class ClustersPageTest {

    @TempDir
    static Path dir;

    private final FakeKubeconfigLoader loader = new FakeKubeconfigLoader();
    private final FakeConnector connector = new FakeConnector();
    private final FakeDialogs dialogs = new FakeDialogs();
    private AppComposition app;
    private Scene scene;

    @Start
    void start(Stage stage) throws Exception {
        Path file = Files.writeString(dir.resolve("config"), "fake");
        loader.file(file, "prod-ocp3", "prod-ocp4", "dr-ocp4");
        connector.succeeds("prod-ocp3", "3.11.784", true).fails("prod-ocp4", new ConnectionFailure(FailureKind.TLS_UNTRUSTED,
                "The certificate of https://prod-ocp4.example:6443 is not signed by a CA this machine trusts.",
                "Choose the CA file of the cluster (for example from the installer's auth folder), or skip verification.",
                "PKIX path building failed: unable to find valid certification path to requested target"));
        app = TestCompositions.withFakes(loader, connector, List.of(file), dialogs, SyncTaskRunner::new, false, () -> null);
        scene = TestWindows.showShell(stage, app);
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(app::close);
    }

    @Test
    void rolesAreGivenByClickingAndAFailedConnectionExplainsItselfAndOffersTheTlsChoices(FxRobot robot) {
        Button connect = robot.lookup("#clusters-page .connect-bar .button").queryButton();
        assertThat(connect.isDisabled()).isTrue();

        robot.clickOn("prod-ocp3");
        robot.clickOn("Source");
        robot.clickOn("prod-ocp4");
        robot.clickOn("Target");
        assertThat(connect.isDisabled()).isFalse();
        robot.clickOn(connect);

        assertThat(robot.lookup("#admin-prod-ocp3").queryAs(Label.class).getText()).isEqualTo("cluster-admin: yes");
        assertThat(texts(robot, "#card-prod-ocp4 .label"))
                .contains("Server certificate not trusted")
                .anyMatch(t -> t.startsWith("Next step: Choose the CA file"))
                .noneMatch(t -> t.contains("PKIX"));
        CheckBox skip = robot.lookup("#skip-tls-prod-ocp4").queryAs(CheckBox.class);
        assertThat(skip.isSelected()).as("skip verification is off by default").isFalse();
        assertThat(app.wizard().step(WizardModel.CLUSTERS).state().label()).isEqualTo("needs attention");
        Snapshots.writeOnFx(robot, scene, Snapshots.FOLDER.resolve("clusters-tls-failure.png"));

        robot.clickOn("Show details");
        assertThat(dialogs.shownDetails).singleElement().asString().contains("PKIX path building failed");

        connector.succeeds("prod-ocp4", "4.12.45", true);
        robot.clickOn(skip);
        robot.clickOn("#retry-prod-ocp4");
        assertThat(connector.calls.get(connector.calls.size() - 1).options().skipTlsVerify()).isTrue();
        assertThat(robot.lookup("#admin-prod-ocp4").queryAs(Label.class).getText()).isEqualTo("cluster-admin: yes");
        assertThat(app.wizard().step(WizardModel.CLUSTERS).state().label()).isEqualTo("done");
    }

    private static List<String> texts(FxRobot robot, String query) {
        return robot.lookup(query).queryAll().stream().filter(Node::isVisible)
                .map(node -> ((Labeled) node).getText()).toList();
    }
}
