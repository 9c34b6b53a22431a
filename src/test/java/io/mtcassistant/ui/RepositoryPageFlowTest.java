package io.mtcassistant.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.mtcassistant.install.plan.ActionState;
import io.mtcassistant.install.plan.KubeObjects;
import io.mtcassistant.registration.ServiceAccountTokens;
import io.mtcassistant.sim.SimulatedServiceAccountTokens;
import io.mtcassistant.sim.storage.SimulatedObjectGateway;
import io.mtcassistant.storage.RepositoryProblem;
import io.mtcassistant.storage.StorageApis;
import io.mtcassistant.storage.testsupport.LocalS3Server;
import io.mtcassistant.ui.activity.ActivityLog;
import io.mtcassistant.ui.common.ScrollIntoView;
import io.mtcassistant.ui.steps.repository.RegistrationRow;
import io.mtcassistant.ui.steps.repository.RepositoryViewModel;
import io.mtcassistant.ui.task.FxTaskRunner;
import io.mtcassistant.ui.testsupport.DemoClustersSteps;
import io.mtcassistant.ui.testsupport.FakeDialogs;
import io.mtcassistant.ui.testsupport.Snapshots;
import io.mtcassistant.ui.testsupport.TestWindows;
import io.mtcassistant.ui.wizard.StepState;
import io.mtcassistant.ui.wizard.WizardModel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextInputControl;
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
 * Step 6 against the demo pair, whose sim-target carries a simulated Multicloud Object Gateway pointing at a real S3
 * server (s3proxy) started here: the gateway is discovered, a bucket claim is planned, applied and Bound by the
 * simulated provisioner and fills bucket and keys, the check passes, the plan is applied and the simulated
 * controller's own write test makes the MigStorage Ready; sim-source is registered (its token authenticates, the
 * MigCluster becomes Ready); a wrong secret key gives the check's plain-word failure.
 * Writes target/snapshots/repository-*.png.
 */
@ExtendWith(ApplicationExtension.class)
class RepositoryPageFlowTest {

    /** Not the demo's seeded MigStorage: the simulated controller leaves that one alone, this one it really tests. */
    static final String STORAGE = "s3proxy-repository";
    static final String BUCKET = "migration";
    /** The page's default claim name, which is also the bucket the claim asks for. */
    static final String CLAIM = "migration-repository";

    @TempDir
    static Path home;
    static LocalS3Server s3;

    private final VisibleDemoClusters demo = new VisibleDemoClusters(environment -> {
        // sim-source as OpenShift 3.11 has it once MTC is installed: migration-controller with its token Secret
        SimulatedServiceAccountTokens.seedLegacyToken(environment.source(), ServiceAccountTokens.NAMESPACE,
                ServiceAccountTokens.SERVICE_ACCOUNT);
        environment.migrations().awaitSeeded(Duration.ofMinutes(2));
        try (KubernetesClient client = environment.target().client()) {
            SimulatedObjectGateway.ready(s3.httpEndpoint().toString(), LocalS3Server.ACCESS_KEY, LocalS3Server.SECRET_KEY)
                    .installOn(client);
            // the demo's seeded MigCluster for sim-source goes, so Register makes one the simulated controller tests
            client.genericKubernetesResources(StorageApis.MIG_CLUSTERS).inNamespace(StorageApis.MIGRATION_NAMESPACE)
                    .withName("sim-source").delete();
        }
    });
    private final FakeDialogs dialogs = new FakeDialogs();
    private AppComposition app;
    private FxTaskRunner runner;
    private Scene scene;

    @BeforeAll
    static void startS3() throws Exception {
        s3 = LocalS3Server.start(Files.createDirectories(home.resolve("s3")));
        s3.createBucket(BUCKET);
    }

    @AfterAll
    static void stopS3() throws Exception {
        s3.close();
    }

    @Start
    void start(Stage stage) {
        ActivityLog log = new ActivityLog(Platform::runLater);
        runner = new FxTaskRunner(log);
        app = demo.composition(home, runner, log, dialogs);
        scene = TestWindows.showShell(stage, app);
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(app::close);
        runner.close();
    }

    @Test
    void discoversTheGatewayChecksAppliesAndShowsMigStorageReadyAndAWrongSecretInPlainWords(FxRobot robot)
            throws Exception {
        DemoClustersSteps.awaitDemoContexts(app);
        DemoClustersSteps.assignRolesAndConnect(robot, app);
        robot.interact(() -> app.wizard().goTo(app.wizard().step(WizardModel.REPOSITORY)));
        RepositoryViewModel page = app.repository();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !page.gateways().isEmpty()
                && !page.registrations().isEmpty());
        assertThat(page.noticeProperty().get()).contains("using the target cluster sim-target");
        assertThat(page.gateways()).singleElement().satisfies(g -> {
            assertThat(g.cluster()).isEqualTo("sim-target");
            assertThat(g.ready()).isTrue();
        });
        assertThat(page.endpointProperty().get()).isEqualTo(s3.httpEndpoint().toString());
        assertThat(page.registrations()).extracting(RegistrationRow::name).containsExactly("host", "sim-source");
        RegistrationRow source = page.registrations().get(1);
        assertThat(source.stateProperty().get()).isEqualTo("not registered");
        assertThat(page.registrations()).filteredOn(r -> r.name().equals("host")).singleElement()
                .satisfies(r -> assertThat(r.stateProperty().get()).isEqualTo("registered, Ready"));
        Snapshots.writeOnFx(robot, scene, Snapshots.FOLDER.resolve("repository-discovered.png"));

        // bad input is named before anything is contacted
        robot.interact(() -> page.endpointProperty().set("127.0.0.1:9000"));
        click(robot, "#repository-check");
        assertThat(page.inputProblemProperty().get()).isEqualTo("endpoint 127.0.0.1:9000: must start with https:// or http://");
        assertThat(page.checkSteps()).isEmpty();

        // the least-privilege route: a bucket claim, Bound by the simulated provisioner, fills bucket and keys
        robot.interact(() -> {
            page.accessKeyProperty().set("");
            page.secretKeyProperty().set("");
        });
        click(robot, "#repository-claim-plan");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !page.claim().actions().isEmpty());
        assertThat(page.claim().actions()).extracting(r -> r.title())
                .anyMatch(t -> t.contains("ObjectBucketClaim openshift-migration/" + CLAIM));
        assertThat(page.claim().statusProperty().get()).contains("on sim-target (where the gateway openshift-storage/noobaa runs)");
        show(robot, "#repository-claim-actions");
        Snapshots.writeOnFx(robot, scene, Snapshots.FOLDER.resolve("repository-claim-plan.png"));
        Path claimExport = home.resolve("claim-export");
        dialogs.folderChoices.add(claimExport);
        click(robot, "#repository-claim-export");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> page.claim().statusProperty().get().startsWith("Exported"));
        try (Stream<Path> files = Files.walk(claimExport)) {
            assertThat(files.filter(Files::isRegularFile).map(f -> {
                try {
                    return Files.readString(f);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            })).anyMatch(text -> text.contains("kind: ObjectBucketClaim") && text.contains("bucketName: " + CLAIM));
        }
        click(robot, "#repository-claim-apply");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> !page.busyProperty().get()
                && page.claim().statusProperty().get().startsWith("ObjectBucketClaim"));
        assertThat(page.claim().statusProperty().get()).startsWith("ObjectBucketClaim openshift-migration/" + CLAIM
                + " is Bound: bucket " + CLAIM + ", access key ").contains("next, Check repository and plan");
        assertThat(page.claim().actions()).extracting(r -> r.state()).allMatch(ActionState::succeeded);
        assertThat(page.endpointProperty().get()).isEqualTo(s3.httpEndpoint().toString());
        assertThat(page.bucketProperty().get()).isEqualTo(CLAIM);
        assertThat(page.accessKeyProperty().get()).as("the claim's Secret's keys").isEqualTo(LocalS3Server.ACCESS_KEY);
        assertNoSecretOnScreen(robot);
        assertThat(page.inputProblemProperty().get()).as("the endpoint typed wrong before is replaced").isEmpty();
        show(robot, "#repository-claim-apply");
        Snapshots.writeOnFx(robot, scene, Snapshots.FOLDER.resolve("repository-claim-bound.png"));

        robot.interact(() -> {
            page.endpointProperty().set(s3.httpEndpoint().toString());
            page.storageNameProperty().set(STORAGE);
        });
        click(robot, "#repository-check");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> page.checkSummaryProperty().get().startsWith("PASSED")
                && !page.actions().isEmpty());
        assertThat(page.checkSteps()).extracting(s -> s.name()).containsExactly("name lookup", "connection",
                "plain HTTP", "credentials", "bucket", "write", "read", "delete", "path-style");
        assertThat(page.actions()).extracting(r -> r.title()).anyMatch(t -> t.contains("MigStorage openshift-migration/"
                + STORAGE)).anyMatch(t -> t.contains("Secret openshift-config/" + STORAGE + "-creds"));
        assertNoSecretOnScreen(robot);

        Path export = home.resolve("export");
        dialogs.folderChoices.add(export);
        click(robot, "#repository-export");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> page.planStatusProperty().get().startsWith("Exported"));
        try (Stream<Path> files = Files.walk(export)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(file)).as(file.toString()).doesNotContain(LocalS3Server.SECRET_KEY)
                        .doesNotContain(LocalS3Server.ACCESS_KEY)
                        .doesNotContain(base64(LocalS3Server.SECRET_KEY));
            }
        }

        click(robot, "#repository-apply");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> !page.storageStateProperty().get().isEmpty()
                && app.wizard().step(WizardModel.REPOSITORY).state() != StepState.NOT_STARTED);
        assertThat(page.storageStateProperty().get()).isEqualTo("MigStorage " + STORAGE + " on sim-target: Ready");
        assertThat(page.actions()).extracting(r -> r.state()).allMatch(ActionState::succeeded);
        assertThat(app.wizard().step(WizardModel.REPOSITORY).state()).isEqualTo(StepState.DONE);
        try (KubernetesClient client = demo.environment().target().client()) {
            GenericKubernetesResource storage = client.genericKubernetesResources(StorageApis.MIG_STORAGES)
                    .inNamespace(StorageApis.MIGRATION_NAMESPACE).withName(STORAGE).get();
            assertThat(KubeObjects.valueAt(storage, "status.conditions[type=Ready].status")).hasValue("True");
            assertThat(KubeObjects.valueAt(storage, "status.observedDigest"))
                    .as("the simulated controller tested it against s3proxy").isPresent();
        }
        show(robot, "#repository-storage-state");
        Snapshots.writeOnFx(robot, scene, Snapshots.FOLDER.resolve("repository-ready.png"));

        click(robot, "#repository-cluster-sim-source-register");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> !source.busyProperty().get()
                && source.stateProperty().get().startsWith("registered"));
        assertThat(source.stateProperty().get()).startsWith("registered, Ready; ")
                .as("sim-source has no docker-registry route").contains("no exposedRegistryPath");
        try (KubernetesClient client = demo.environment().target().client()) {
            GenericKubernetesResource cluster = client.genericKubernetesResources(StorageApis.MIG_CLUSTERS)
                    .inNamespace(StorageApis.MIGRATION_NAMESPACE).withName("sim-source").get();
            assertThat(KubeObjects.valueAt(cluster, "status.observedDigest"))
                    .as("the simulated controller connected with the token").isPresent();
        }
        show(robot, "#repository-clusters");
        Snapshots.writeOnFx(robot, scene, Snapshots.FOLDER.resolve("repository-registered.png"));

        robot.interact(() -> page.secretKeyProperty().set("not-the-secret-key"));
        click(robot, "#repository-check");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> page.checkSummaryProperty().get().startsWith("FAILED"));
        assertThat(page.checkSummaryProperty().get()).contains(RepositoryProblem.WRONG_SECRET.meaning())
                .contains(RepositoryProblem.WRONG_SECRET.nextStep());
        assertThat(page.checkSteps()).filteredOn(s -> s.problem().isPresent()).singleElement()
                .satisfies(s -> assertThat(s.name()).isEqualTo("credentials"));
        assertThat(page.actions()).as("no plan after a failed check").isEmpty();
        assertNoSecretOnScreen(robot);
        show(robot, "#repository-check-summary");
        Snapshots.writeOnFx(robot, scene, Snapshots.FOLDER.resolve("repository-wrong-secret.png"));
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private void click(FxRobot robot, String query) {
        show(robot, query);
        robot.clickOn(query);
    }

    private void show(FxRobot robot, String query) {
        Node node = robot.lookup(query).query();
        ScrollPane pageScroll = robot.lookup("#repository-page").queryAs(ScrollPane.class);
        robot.interact(() -> ScrollIntoView.bringIntoView(pageScroll, node));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The keys are in the masked fields only: no label, table cell or text area shows them. */
    private void assertNoSecretOnScreen(FxRobot robot) {
        List<String> texts = new ArrayList<>();
        robot.interact(() -> collect(scene.getRoot(), texts));
        assertThat(texts).noneMatch(t -> t.contains(LocalS3Server.SECRET_KEY) || t.contains(LocalS3Server.ACCESS_KEY));
    }

    private static void collect(Node node, List<String> texts) {
        if (node instanceof Labeled labeled && labeled.getText() != null) {
            texts.add(labeled.getText());
        }
        if (node instanceof TextInputControl input && !(node instanceof PasswordField) && input.getText() != null) {
            texts.add(input.getText());
        }
        if (node instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> collect(child, texts));
        }
    }
}
