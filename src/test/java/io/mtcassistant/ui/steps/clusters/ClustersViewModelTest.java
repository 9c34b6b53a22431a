package io.mtcassistant.ui.steps.clusters;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtcassistant.cluster.ClusterRole;
import io.mtcassistant.cluster.ConnectionFailure;
import io.mtcassistant.cluster.ConnectionOutcome;
import io.mtcassistant.cluster.FailureKind;
import io.mtcassistant.common.ActivityEvent;
import io.mtcassistant.settings.Settings;
import io.mtcassistant.settings.SettingsKeeper;
import io.mtcassistant.ui.testsupport.FakeConnector;
import io.mtcassistant.ui.testsupport.FakeDialogs;
import io.mtcassistant.ui.testsupport.FakeKubeconfigLoader;
import io.mtcassistant.ui.testsupport.FakeSession;
import io.mtcassistant.ui.testsupport.MemorySettingsStore;
import io.mtcassistant.ui.task.SyncTaskRunner;
import io.mtcassistant.ui.wizard.StepState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Clusters step without a toolkit: fakes for the cluster layer, tasks run on the test thread. */
class ClustersViewModelTest {

    @TempDir
    Path dir;

    private final FakeKubeconfigLoader loader = new FakeKubeconfigLoader();
    private final FakeConnector connector = new FakeConnector();
    private final FakeDialogs dialogs = new FakeDialogs();
    private final MemorySettingsStore store = new MemorySettingsStore();
    private final List<ActivityEvent> activity = new ArrayList<>();
    private Path sourceFile;
    private Path targetFile;
    private ClustersViewModel viewModel;

    @BeforeEach
    void setUp() throws IOException {
        sourceFile = Files.writeString(dir.resolve("source.yaml"), "fake");
        targetFile = Files.writeString(dir.resolve("target.yaml"), "fake");
        loader.file(sourceFile, "ocp3", "ocp3-dev").file(targetFile, "ocp4");
        viewModel = newViewModel(Settings.defaults());
    }

    private ClustersViewModel newViewModel(Settings initial) {
        SettingsKeeper keeper = new SettingsKeeper(store, initial, Runnable::run, e -> { throw new AssertionError(e); });
        return new ClustersViewModel(loader, connector, keeper, new SyncTaskRunner(activity::add), dialogs, activity::add,
                Duration.ofSeconds(5));
    }

    private void addBothFiles() {
        dialogs.kubeconfigChoices.add(List.of(sourceFile, targetFile));
        viewModel.addFiles();
    }

    private ContextRow row(String name) {
        return viewModel.contexts().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void addedFilesAreMergedAndEveryContextIsListedWithItsFileServerAndUser() {
        addBothFiles();

        assertThat(viewModel.files()).containsExactly(sourceFile, targetFile);
        assertThat(viewModel.contexts()).extracting(ContextRow::name).containsExactly("ocp3", "ocp3-dev", "ocp4");
        ContextRow ocp4 = row("ocp4");
        assertThat(ocp4.entry().file()).isEqualTo(targetFile);
        assertThat(ocp4.entry().server()).isEqualTo("https://ocp4.example:6443");
        assertThat(ocp4.entry().user()).isEqualTo("ocp4-admin");
    }

    @Test
    void sourceAndTargetAreEachGivenToExactlyOneContext() {
        addBothFiles();

        viewModel.assignRole(row("ocp3"), ClusterRole.SOURCE);
        viewModel.assignRole(row("ocp3-dev"), ClusterRole.SOURCE);
        viewModel.assignRole(row("ocp4"), ClusterRole.TARGET);

        assertThat(row("ocp3").role()).as("giving source to another context takes it away").isNull();
        assertThat(row("ocp3-dev").role()).isEqualTo(ClusterRole.SOURCE);
        assertThat(viewModel.contexts().stream().filter(r -> r.role() == ClusterRole.SOURCE)).hasSize(1);

        viewModel.assignRole(row("ocp3"), ClusterRole.TARGET);
        assertThat(row("ocp4").role()).isNull();
        assertThat(row("ocp3").role()).isEqualTo(ClusterRole.TARGET);
    }

    @Test
    void anyNumberOfContextsMayBeExtraRemotes() {
        addBothFiles();

        viewModel.assignRole(row("ocp3"), ClusterRole.REMOTE);
        viewModel.assignRole(row("ocp3-dev"), ClusterRole.REMOTE);

        assertThat(viewModel.contexts()).filteredOn(r -> r.role() == ClusterRole.REMOTE).hasSize(2);
    }

    @Test
    void connectingNeedsASourceAndATarget() {
        assertThat(viewModel.roleProblemProperty().get()).contains("Add a kubeconfig");
        addBothFiles();
        assertThat(viewModel.canConnectProperty().get()).isFalse();

        viewModel.assignRole(row("ocp3"), ClusterRole.SOURCE);
        assertThat(viewModel.roleProblemProperty().get()).contains("target");
        assertThat(viewModel.canConnectProperty().get()).isFalse();
        viewModel.connect();
        assertThat(connector.calls).isEmpty();

        viewModel.assignRole(row("ocp4"), ClusterRole.TARGET);
        assertThat(viewModel.roleProblemProperty().get()).isEmpty();
        assertThat(viewModel.canConnectProperty().get()).isTrue();
        assertThat(viewModel.assigned()).extracting(ContextRow::name).containsExactly("ocp3", "ocp4");
    }

    @Test
    void successfulConnectionsShowTheFactsAndCompleteTheStep() {
        connector.succeeds("ocp3", "3.11.784", true).succeeds("ocp4", "4.12.45", true);
        addBothFiles();
        viewModel.assignRole(row("ocp3"), ClusterRole.SOURCE);
        viewModel.assignRole(row("ocp4"), ClusterRole.TARGET);
        assertThat(viewModel.stepStateProperty().get()).isEqualTo(StepState.NOT_STARTED);

        viewModel.connect();

        assertThat(connector.calls).extracting(FakeConnector.Call::context).containsExactly("ocp3", "ocp4");
        assertThat(row("ocp3").connection()).isEqualTo(ConnectionState.CONNECTED);
        assertThat(row("ocp3").facts().openshiftVersion()).isEqualTo("3.11.784");
        assertThat(row("ocp4").facts().desiredVersion()).isEqualTo("4.12.45");
        assertThat(row("ocp4").facts().clusterAdmin()).isTrue();
        assertThat(viewModel.stepStateProperty().get()).isEqualTo(StepState.DONE);
        assertThat(viewModel.session(ClusterRole.TARGET)).containsSame(connector.sessions.get(1));
        assertThat(activity).as("the connector's reports are tagged with their context")
                .anySatisfy(e -> {
                    assertThat(e.source()).isEqualTo("ocp4");
                    assertThat(e.message()).isEqualTo("GET https://ocp4.example:6443/version");
                })
                .anySatisfy(e -> {
                    assertThat(e.source()).isEqualTo("ocp3");
                    assertThat(e.message()).isEqualTo("Connected to ocp3: OpenShift 3.11.784");
                });
    }

    @Test
    void connectionsUseTheTimeoutAndTlsVerificationIsOnByDefault() {
        connector.succeeds("ocp3", "3.11.784", true).succeeds("ocp4", "4.12.45", true);
        addBothFiles();
        viewModel.assignRole(row("ocp3"), ClusterRole.SOURCE);
        viewModel.assignRole(row("ocp4"), ClusterRole.TARGET);

        viewModel.connect();

        assertThat(connector.calls).allSatisfy(call -> {
            assertThat(call.options().timeout()).isEqualTo(Duration.ofSeconds(5));
            assertThat(call.options().skipTlsVerify()).isFalse();
            assertThat(call.options().caFile()).isNull();
        });
    }

    @Test
    void aUserWithoutClusterAdminNeedsAttention() {
        connector.succeeds("ocp3", "3.11.784", false).succeeds("ocp4", "4.12.45", true);
        addBothFiles();
        viewModel.assignRole(row("ocp3"), ClusterRole.SOURCE);
        viewModel.assignRole(row("ocp4"), ClusterRole.TARGET);

        viewModel.connect();

        assertThat(viewModel.stepStateProperty().get()).isEqualTo(StepState.NEEDS_ATTENTION);
        assertThat(viewModel.statusProperty().get()).contains("not cluster-admin on ocp3");
    }

    @Test
    void aFailedConnectionKeepsItsPlainWordsAndNeedsAttention() {
        ConnectionFailure unauthorized = new ConnectionFailure(FailureKind.UNAUTHORIZED,
                "The API server at https://ocp4.example:6443 rejected the credentials of user ocp4-admin.",
                "Log in again (oc login) and retry.", "HTTP 401 Unauthorized");
        connector.succeeds("ocp3", "3.11.784", true).fails("ocp4", unauthorized);
        addBothFiles();
        viewModel.assignRole(row("ocp3"), ClusterRole.SOURCE);
        viewModel.assignRole(row("ocp4"), ClusterRole.TARGET);

        viewModel.connect();

        assertThat(row("ocp4").connection()).isEqualTo(ConnectionState.FAILED);
        assertThat(row("ocp4").failure()).isEqualTo(unauthorized);
        assertThat(row("ocp4").facts()).isNull();
        assertThat(viewModel.stepStateProperty().get()).isEqualTo(StepState.NEEDS_ATTENTION);
        assertThat(viewModel.statusProperty().get()).contains("ocp4 could not be connected");

        viewModel.showFailureDetails(row("ocp4"));
        assertThat(dialogs.shownDetails).containsExactly("Connection to ocp4 | " + unauthorized.summary() + " | HTTP 401 Unauthorized");
    }

    @Test
    void anExceptionFromTheConnectorBecomesAPlainFailureWithoutStackTrace() {
        connector.succeeds("ocp3", "3.11.784", true)
                .throwsFor("ocp4", new IllegalStateException("boom at io.fabric8.Something token=abcdef123456"));
        addBothFiles();
        viewModel.assignRole(row("ocp3"), ClusterRole.SOURCE);
        viewModel.assignRole(row("ocp4"), ClusterRole.TARGET);

        viewModel.connect();

        ConnectionFailure failure = row("ocp4").failure();
        assertThat(activity).anySatisfy(e -> {
            assertThat(e.source()).isEqualTo("ocp4");
            assertThat(e.level()).isEqualTo(ActivityEvent.Level.ERROR);
        });
        assertThat(failure.kind()).isEqualTo(FailureKind.UNEXPECTED);
        assertThat(failure.summary()).isEqualTo("The connection to https://ocp4.example:6443 failed unexpectedly.");
        assertThat(failure.detail()).doesNotContain("abcdef123456").doesNotContain("\tat ");
    }

    @Test
    void untrustedTlsCanBeRetriedWithACaFileOrWithVerificationSkipped() {
        ConnectionFailure untrusted = new ConnectionFailure(FailureKind.TLS_UNTRUSTED,
                "The certificate of https://ocp4.example:6443 is not signed by a CA you trust.",
                "Choose the cluster's CA file, or skip verification if you accept the risk.", "PKIX path building failed");
        Path ca = dir.resolve("ca.crt");
        connector.succeeds("ocp3", "3.11.784", true).answers("ocp4", (entry, options) ->
                ca.equals(options.caFile()) || options.skipTlsVerify()
                        ? new ConnectionOutcome.Connected(entry, new FakeSession(entry, FakeConnector.facts(entry, "4.12.45", true)))
                        : new ConnectionOutcome.Failed(entry, untrusted));
        addBothFiles();
        viewModel.assignRole(row("ocp3"), ClusterRole.SOURCE);
        viewModel.assignRole(row("ocp4"), ClusterRole.TARGET);
        viewModel.connect();
        assertThat(row("ocp4").failure().kind()).isEqualTo(FailureKind.TLS_UNTRUSTED);

        dialogs.caChoices.add(ca);
        viewModel.chooseCaFile(row("ocp4"));
        assertThat(connector.calls.get(connector.calls.size() - 1).options().caFile()).isEqualTo(ca);
        assertThat(row("ocp4").connection()).isEqualTo(ConnectionState.CONNECTED);

        row("ocp4").caFileProperty().set(null);
        viewModel.retry(row("ocp4"));
        assertThat(row("ocp4").connection()).isEqualTo(ConnectionState.FAILED);
        row("ocp4").skipTlsVerifyProperty().set(true);
        viewModel.retry(row("ocp4"));
        assertThat(connector.calls.get(connector.calls.size() - 1).options().skipTlsVerify()).isTrue();
        assertThat(row("ocp4").connection()).isEqualTo(ConnectionState.CONNECTED);
    }

    @Test
    void reconnectingClosesTheOldSession() {
        connector.succeeds("ocp3", "3.11.784", true).succeeds("ocp4", "4.12.45", true);
        addBothFiles();
        viewModel.assignRole(row("ocp3"), ClusterRole.SOURCE);
        viewModel.assignRole(row("ocp4"), ClusterRole.TARGET);
        viewModel.connect();
        FakeSession first = connector.sessions.get(0);

        viewModel.connect();

        assertThat(first.closed).isTrue();
        assertThat(connector.sessions).hasSize(4);
        viewModel.close();
        assertThat(connector.sessions).allMatch(s -> s.closed);
    }

    @Test
    void addedFilesAreRememberedAndLoadedOnTheNextStart() {
        addBothFiles();
        assertThat(store.saved.kubeconfigFiles()).containsExactly(sourceFile.toString(), targetFile.toString());

        ClustersViewModel nextRun = newViewModel(store.load());
        nextRun.start(() -> { throw new AssertionError("defaults must not be used when files are remembered"); });

        assertThat(nextRun.files()).containsExactly(sourceFile, targetFile);
        assertThat(nextRun.contexts()).hasSize(3);
    }

    @Test
    void removingAFileForgetsItsContexts() {
        addBothFiles();
        viewModel.removeFile(targetFile);

        assertThat(viewModel.contexts()).extracting(ContextRow::name).containsExactly("ocp3", "ocp3-dev");
        assertThat(store.saved.kubeconfigFiles()).containsExactly(sourceFile.toString());
    }

    @Test
    void withNothingRememberedTheUsualLocationsThatExistAreOffered() {
        Path missing = dir.resolve("no-such-config");
        viewModel.start(() -> List.of(missing, sourceFile));

        assertThat(viewModel.files()).containsExactly(sourceFile);
        assertThat(store.saves).as("defaults are offered, not remembered").isZero();
    }

    @Test
    void aBrokenFileIsLeftOutAndNamedWhileTheOthersStillLoad() throws IOException {
        Path broken = Files.writeString(dir.resolve("broken.yaml"), "{");
        loader.broken(broken, "mapping values are not allowed here");
        dialogs.kubeconfigChoices.add(List.of(sourceFile, broken));

        viewModel.addFiles();

        assertThat(viewModel.files()).containsExactly(sourceFile);
        assertThat(viewModel.contexts()).hasSize(2);
        assertThat(viewModel.loadProblemProperty().get()).contains(broken + ":3: mapping values are not allowed here");
    }

    @Test
    void demoKubeconfigIsNotRemembered() {
        viewModel.useDemoKubeconfig(sourceFile);

        assertThat(viewModel.contexts()).hasSize(2);
        assertThat(store.saves).isZero();
        dialogs.kubeconfigChoices.add(List.of(targetFile));
        viewModel.addFiles();
        assertThat(store.saves).isZero();
    }

    @Test
    void reloadingKeepsRolesAndConnectionsOfContextsThatStay() {
        connector.succeeds("ocp3", "3.11.784", true).succeeds("ocp4", "4.12.45", true);
        dialogs.kubeconfigChoices.add(List.of(sourceFile));
        viewModel.addFiles();
        viewModel.assignRole(row("ocp3"), ClusterRole.SOURCE);

        dialogs.kubeconfigChoices.add(List.of(targetFile));
        viewModel.addFiles();

        assertThat(row("ocp3").role()).isEqualTo(ClusterRole.SOURCE);
        assertThat(viewModel.contexts()).hasSize(3);
    }

    @Test
    void whileContextsAreOnTheirWayTheStatusSaysSoAndConnectWaits() {
        viewModel.setLoading("Starting the simulated clusters…");

        assertThat(viewModel.statusProperty().get()).isEqualTo("Starting the simulated clusters…");
        assertThat(viewModel.canConnectProperty().get()).isFalse();

        viewModel.useDemoKubeconfig(sourceFile);
        assertThat(viewModel.loadingProperty().get()).isFalse();
        assertThat(viewModel.statusProperty().get()).startsWith("Choose the source");
    }

    @Test
    void droppedFilesAreAddedAfterTheOthersWithoutRepeats() {
        dialogs.kubeconfigChoices.add(List.of(sourceFile));
        viewModel.addFiles();

        viewModel.addFiles(List.of(targetFile, sourceFile));

        assertThat(viewModel.files()).containsExactly(sourceFile, targetFile);
        assertThat(store.saved.kubeconfigFiles()).containsExactly(sourceFile.toString(), targetFile.toString());
    }

    // ---- issue 16 -----------------------------------------------------------------------------------------------

    @Test
    void theDemoComesWithItsRolesAndConnectsOnceReadyWithTheTimeoutItWasGiven() {
        connector.succeeds("ocp3", "3.11.784", true).succeeds("ocp3-dev", "4.12.45", true);
        viewModel.useDemoKubeconfig(sourceFile, java.util.Map.of("ocp3", ClusterRole.SOURCE, "ocp3-dev", ClusterRole.TARGET),
                Duration.ofSeconds(40));

        assertThat(row("ocp3").role()).isEqualTo(ClusterRole.SOURCE);
        assertThat(row("ocp3-dev").role()).isEqualTo(ClusterRole.TARGET);
        assertThat(connector.calls).extracting(FakeConnector.Call::context).containsExactlyInAnyOrder("ocp3", "ocp3-dev");
        assertThat(connector.calls).allMatch(call -> call.options().timeout().equals(Duration.ofSeconds(40)));
        assertThat(row("ocp3").connection()).isEqualTo(ConnectionState.CONNECTED);
        assertThat(store.saves).as("the demo remembers nothing").isZero();
    }

    @Test
    void rolesAreRememberedPerContextNameAndFile() throws IOException {
        addBothFiles();
        viewModel.assignRole(row("ocp3"), ClusterRole.SOURCE);
        viewModel.assignRole(row("ocp4"), ClusterRole.TARGET);
        viewModel.assignRole(row("ocp3-dev"), ClusterRole.REMOTE);
        Settings saved = store.saved;
        assertThat(saved.roles()).extracting(r -> r.context() + "=" + r.role())
                .containsExactlyInAnyOrder("ocp3=SOURCE", "ocp4=TARGET", "ocp3-dev=REMOTE");

        // The next run of the app: the same files give the same roles.
        viewModel = newViewModel(saved);
        viewModel.start(List::of);
        assertThat(row("ocp3").role()).isEqualTo(ClusterRole.SOURCE);
        assertThat(row("ocp4").role()).isEqualTo(ClusterRole.TARGET);
        assertThat(row("ocp3-dev").role()).isEqualTo(ClusterRole.REMOTE);
        assertThat(viewModel.canConnectProperty().get()).isTrue();

        // The same context name in another file is another cluster: no role from the first file.
        Path elsewhere = Files.writeString(dir.resolve("elsewhere.yaml"), "fake");
        loader.file(elsewhere, "ocp3");
        viewModel = newViewModel(saved.withKubeconfigFiles(List.of(elsewhere.toString())));
        viewModel.start(List::of);
        assertThat(row("ocp3").role()).isNull();
    }
}
