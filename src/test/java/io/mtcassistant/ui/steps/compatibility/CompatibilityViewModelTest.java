package io.mtcassistant.ui.steps.compatibility;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtcassistant.cluster.ClusterRole;
import io.mtcassistant.cluster.ConnectionFailure;
import io.mtcassistant.cluster.ConnectionOutcome;
import io.mtcassistant.cluster.FailureKind;
import io.mtcassistant.common.ActivityEvent;
import io.mtcassistant.common.ActivityListener;
import io.mtcassistant.compat.CheckKind;
import io.mtcassistant.compat.CheckResult;
import io.mtcassistant.compat.ClusterInventory;
import io.mtcassistant.compat.ClusterSnapshot;
import io.mtcassistant.compat.CompatibilityEngine.ClusterAssignment;
import io.mtcassistant.compat.CompatibilityEvaluator;
import io.mtcassistant.compat.CompatibilityMatrixLoader;
import io.mtcassistant.compat.CompatibilityReport;
import io.mtcassistant.compat.DecisionOption;
import io.mtcassistant.compat.DecisionTopic;
import io.mtcassistant.compat.MigrationDecisions;
import io.mtcassistant.compat.MtcVersion;
import io.mtcassistant.compat.NetworkWorkaround;
import io.mtcassistant.compat.Reachability;
import io.mtcassistant.compat.ReportJson;
import io.mtcassistant.compat.Severity;
import io.mtcassistant.compat.Verdict;
import io.mtcassistant.settings.Settings;
import io.mtcassistant.settings.SettingsKeeper;
import io.mtcassistant.ui.MigrationPlanHolder;
import io.mtcassistant.ui.steps.clusters.ClustersViewModel;
import io.mtcassistant.ui.steps.clusters.ContextRow;
import io.mtcassistant.ui.steps.compatibility.CompatibilityViewModel.Phase;
import io.mtcassistant.ui.steps.compatibility.CompatibilityViewModel.ReachabilityStatement;
import io.mtcassistant.ui.task.SyncTaskRunner;
import io.mtcassistant.ui.testsupport.FakeCompatibilityService;
import io.mtcassistant.ui.testsupport.FakeConnector;
import io.mtcassistant.ui.testsupport.FakeDialogs;
import io.mtcassistant.ui.testsupport.FakeKubeconfigLoader;
import io.mtcassistant.ui.testsupport.MemorySettingsStore;
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

/**
 * The Compatibility step without a toolkit: step 1 driven through its view model with fake connections, the real
 * evaluator (Table 7.1 from the built-in data) on snapshots made from the connections' facts, tasks on the test thread.
 */
class CompatibilityViewModelTest {

    @TempDir
    Path dir;

    private final FakeKubeconfigLoader loader = new FakeKubeconfigLoader();
    private final FakeConnector connector = new FakeConnector();
    private final FakeDialogs dialogs = new FakeDialogs();
    private final List<ActivityEvent> activity = new ArrayList<>();
    private final FakeCompatibilityService service = new FakeCompatibilityService();
    private final MigrationPlanHolder planHolder = new MigrationPlanHolder();
    private final MemorySettingsStore store = new MemorySettingsStore();
    private SettingsKeeper settings;
    private SyncTaskRunner runner;
    private ClustersViewModel clusters;
    private CompatibilityViewModel viewModel;

    @BeforeEach
    void setUp() throws IOException {
        Path file = Files.writeString(dir.resolve("kubeconfig"), "fake");
        loader.file(file, "ocp3", "ocp4", "ocp4-other");
        settings = new SettingsKeeper(store, Settings.defaults(), Runnable::run, e -> { throw new AssertionError(e); });
        runner = new SyncTaskRunner(activity::add);
        clusters = new ClustersViewModel(loader, connector, settings, runner, dialogs, activity::add, Duration.ofSeconds(5));
        dialogs.kubeconfigChoices.add(List.of(file));
        clusters.addFiles();
        viewModel = new CompatibilityViewModel(clusters, service, planHolder, settings, runner, dialogs, activity::add);
    }

    private void connect(String source, String sourceVersion, String target, String targetVersion) {
        connector.succeeds(source, sourceVersion, true).succeeds(target, targetVersion, true);
        clusters.assignRole(row(source), ClusterRole.SOURCE);
        clusters.assignRole(row(target), ClusterRole.TARGET);
        clusters.connect();
    }

    private ContextRow row(String name) {
        return clusters.contexts().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    private CheckResult decisionRow(DecisionTopic topic) {
        return viewModel.openDecisions().stream().filter(r -> r.decision().topic() == topic).findFirst()
                .orElseThrow(() -> new AssertionError("no open decision " + topic + " in " + viewModel.openDecisions()));
    }

    @Test
    void withoutConnectedClustersThePageSaysWhatStepOneLacksAndChecksNothing() {
        viewModel.arrive();
        assertThat(viewModel.phase()).isEqualTo(Phase.WAITING_FOR_CLUSTERS);
        assertThat(viewModel.noticeProperty().get()).contains("source and target clusters", "step 1 (Clusters)");

        clusters.assignRole(row("ocp3"), ClusterRole.SOURCE);
        clusters.assignRole(row("ocp4"), ClusterRole.TARGET);
        viewModel.arrive();
        assertThat(viewModel.noticeProperty().get()).contains("ocp3, ocp4 are not connected yet", "Connect");
        assertThat(service.inspects).isZero();
        assertThat(viewModel.report()).isNull();
        assertThat(viewModel.stepStateProperty().get()).isEqualTo(StepState.NOT_STARTED);
        assertThat(planHolder.readyPlan()).isNull();
    }

    @Test
    void differentTableVersionsNeedADecisionAndChoosingOneReEvaluatesAndPublishesThePlan() {
        connect("ocp3", "3.11.784", "ocp4", "4.12.45");
        viewModel.arrive();

        assertThat(service.inspects).isOne();
        assertThat(viewModel.phase()).isEqualTo(Phase.REPORT);
        assertThat(viewModel.noticeProperty().get()).isEmpty();
        assertThat(viewModel.report().verdict()).isEqualTo(Verdict.NEEDS_DECISION);
        assertThat(viewModel.stepStateProperty().get()).isEqualTo(StepState.NEEDS_ATTENTION);
        assertThat(planHolder.report()).isSameAs(viewModel.report());
        assertThat(planHolder.readyPlan()).as("no plan for later steps while a decision is open").isNull();
        CheckResult version = decisionRow(DecisionTopic.MTC_VERSION);
        assertThat(version.severity()).isEqualTo(Severity.NEEDS_DECISION);
        assertThat(version.explanation()).contains("\"MTC v.1.7.z\"", "\"MTC v.1.8.z\"");
        assertThat(version.decision().options()).extracting(DecisionOption::id, DecisionOption::available)
                .contains(org.assertj.core.groups.Tuple.tuple("mtc-1.7", true), org.assertj.core.groups.Tuple.tuple("mtc-1.8", false));

        viewModel.choose(version, "mtc-1.7");

        assertThat(service.inspects).as("a decision re-evaluates without reading the clusters again").isOne();
        assertThat(viewModel.decisions().mtcVersion()).isEqualTo(MtcVersion.of("1.7"));
        assertThat(viewModel.report().verdict()).isEqualTo(Verdict.READY_WITH_WARNINGS);
        assertThat(viewModel.openDecisions()).isEmpty();
        assertThat(viewModel.madeDecisions()).extracting(CompatibilityViewModel.MadeDecision::text)
                .containsExactly("MTC 1.7 on every cluster");
        assertThat(viewModel.stepStateProperty().get()).isEqualTo(StepState.DONE);
        assertThat(planHolder.readyPlan().mtcVersion()).isEqualTo(MtcVersion.of("1.7"));
        assertThat(planHolder.readyPlan().controlCluster()).isEqualTo("ocp4");
        assertThat(activity).extracting(ActivityEvent::message).contains("Your decision: MTC 1.7 on every cluster.");

        viewModel.reopen(DecisionTopic.MTC_VERSION);
        assertThat(viewModel.report().verdict()).isEqualTo(Verdict.NEEDS_DECISION);
        assertThat(planHolder.readyPlan()).isNull();
    }

    @Test
    void anUnavailableOptionIsRefusedWithItsReason() {
        connect("ocp3", "3.11.784", "ocp4", "4.12.45");
        viewModel.arrive();

        viewModel.choose(decisionRow(DecisionTopic.MTC_VERSION), "mtc-1.8");

        assertThat(viewModel.problemProperty().get()).contains("not possible", "OpenShift 3.11");
        assertThat(viewModel.decisions().mtcVersion()).isNull();
        assertThat(viewModel.report().verdict()).isEqualTo(Verdict.NEEDS_DECISION);
    }

    @Test
    void verdictMapsToTheStepState() {
        connect("ocp4", "4.12.45", "ocp4-other", "4.13.10");
        viewModel.arrive();
        assertThat(viewModel.report().verdict().canProceed()).isTrue();
        assertThat(viewModel.stepStateProperty().get()).isEqualTo(StepState.DONE);

        // A failed connection is a blocking row, not a page without a report.
        connector.fails("ocp4-other", new ConnectionFailure(FailureKind.UNREACHABLE, "ocp4-other refused the connection.",
                "Check the address.", "Connection refused"));
        clusters.retry(row("ocp4-other"));
        assertThat(viewModel.report()).as("the clusters changed: the old report no longer counts").isNull();
        assertThat(planHolder.report()).isNull();
        viewModel.arrive();
        assertThat(service.inspects).isEqualTo(2);
        assertThat(viewModel.report().verdict()).isEqualTo(Verdict.BLOCKED);
        assertThat(viewModel.report().checks()).anyMatch(c -> c.check() == CheckKind.API_REACHABLE
                && c.severity() == Severity.BLOCKING && "ocp4-other".equals(c.cluster()));
        assertThat(viewModel.stepStateProperty().get()).isEqualTo(StepState.NEEDS_ATTENTION);
    }

    @Test
    void arrivingAgainWithTheSameConnectionsKeepsTheReportAndRecheckReadsAgain() {
        connect("ocp3", "3.11.784", "ocp4", "4.12.45");
        viewModel.arrive();
        viewModel.choose(decisionRow(DecisionTopic.MTC_VERSION), "mtc-1.7");
        viewModel.arrive();
        assertThat(service.inspects).isOne();

        viewModel.recheck();
        assertThat(service.inspects).isEqualTo(2);
        assertThat(viewModel.decisions().mtcVersion()).as("decisions survive a re-check").isEqualTo(MtcVersion.of("1.7"));
        assertThat(viewModel.report().verdict()).isEqualTo(Verdict.READY_WITH_WARNINGS);
    }

    @Test
    void aFailedCheckSaysWhyAndNeedsAttention() {
        connect("ocp3", "3.11.784", "ocp4", "4.12.45");
        service.failure = new IllegalStateException("compatibility.yaml: line 3: unknown column");
        viewModel.arrive();

        assertThat(viewModel.phase()).isEqualTo(Phase.FAILED);
        assertThat(viewModel.problemProperty().get()).isEqualTo(
                "The clusters could not be checked: compatibility.yaml: line 3: unknown column");
        assertThat(viewModel.stepStateProperty().get()).isEqualTo(StepState.NEEDS_ATTENTION);
        assertThat(viewModel.checkingProperty().get()).isFalse();
    }

    @Test
    void onlyTheNetworkRestrictionStatementBringsTheTunnelAndLegacyControlClusterOptions() {
        connect("ocp3", "3.11.784", "ocp4", "4.12.45");
        viewModel.arrive();
        viewModel.choose(decisionRow(DecisionTopic.MTC_VERSION), "mtc-1.7");
        assertThat(viewModel.reachabilityStatements()).containsExactly(
                new ReachabilityStatement("ocp3", "source", "ocp4", Reachability.UNKNOWN, false));
        assertThat(viewModel.openDecisions()).isEmpty();

        viewModel.stateReachability("ocp3", Reachability.YES);
        assertThat(viewModel.report().verdict()).isEqualTo(Verdict.READY_WITH_WARNINGS);
        assertThat(viewModel.openDecisions()).isEmpty();

        viewModel.stateReachability("ocp3", Reachability.NO);
        CheckResult network = decisionRow(DecisionTopic.NETWORK_RESTRICTION);
        assertThat(network.decision().availableOptions()).extracting(DecisionOption::id)
                .containsExactly("tunnel-api", "legacy-control-cluster", "fix-network");
        assertThat(network.decision().options().get(0).consequences()).anyMatch(c -> c.startsWith("Command: crane tunnel-api"));
        assertThat(viewModel.stepStateProperty().get()).isEqualTo(StepState.NEEDS_ATTENTION);

        viewModel.choose(network, "legacy-control-cluster");
        assertThat(viewModel.decisions().networkWorkaround()).isEqualTo(NetworkWorkaround.LEGACY_CONTROL_CLUSTER);
        assertThat(planHolder.report().plan().controlCluster()).isEqualTo("ocp3");
        assertThat(viewModel.reachabilityStatements()).extracting(ReachabilityStatement::context).containsExactly("ocp4");

        // Taking the restriction back drops the workaround it asked for.
        viewModel.reopen(DecisionTopic.NETWORK_RESTRICTION);
        viewModel.stateReachability("ocp3", Reachability.YES);
        assertThat(viewModel.decisions().networkWorkaround()).isEqualTo(NetworkWorkaround.NONE);
        assertThat(viewModel.openDecisions()).isEmpty();
        assertThat(planHolder.readyPlan().controlCluster()).isEqualTo("ocp4");
    }

    @Test
    void choosingTheTunnelPutsItsCommandIntoThePlan() {
        connect("ocp3", "3.11.784", "ocp4", "4.12.45");
        viewModel.arrive();
        viewModel.choose(decisionRow(DecisionTopic.MTC_VERSION), "mtc-1.7");
        viewModel.stateReachability("ocp3", Reachability.NO);
        viewModel.choose(decisionRow(DecisionTopic.NETWORK_RESTRICTION), "tunnel-api");

        assertThat(viewModel.report().verdict().canProceed()).isTrue();
        assertThat(planHolder.readyPlan().networkWorkaround()).isEqualTo(NetworkWorkaround.TUNNEL_API);
        assertThat(planHolder.readyPlan().tunnelCommands()).singleElement().asString()
                .contains("crane tunnel-api", "ocp3", "ocp4");
    }

    @Test
    void exportWritesMarkdownAndJsonThroughTheChosenFileAndCopyUsesTheClipboard() throws Exception {
        connect("ocp3", "3.11.784", "ocp4", "4.12.45");
        viewModel.arrive();
        viewModel.choose(decisionRow(DecisionTopic.MTC_VERSION), "mtc-1.7");

        Path markdown = dir.resolve("ticket-1234");
        Files.writeString(dir.resolve("ticket-1234.md"), "old content");
        dialogs.saveChoices.add(markdown);
        viewModel.exportMarkdown();
        Path written = dir.resolve("ticket-1234.md");
        assertThat(Files.readString(written)).startsWith("# MTC compatibility report").contains("MTC 1.7");
        assertThat(viewModel.messageProperty().get()).isEqualTo("Markdown report written to " + written);

        Path json = dir.resolve("report.json");
        dialogs.saveChoices.add(json);
        viewModel.exportJson();
        var read = ReportJson.mapper().readTree(Files.readString(json));
        assertThat(read.path("verdict").asText()).isEqualTo("READY_WITH_WARNINGS");
        assertThat(read.path("decisions").path("mtcVersion").asText()).isEqualTo("1.7");
        assertThat(read.path("checks").size()).isEqualTo(viewModel.report().checks().size());
        assertThat(dialogs.saveTitles).containsExactly(
                "Export the compatibility report as Markdown | mtc-compatibility-report.md",
                "Export the compatibility report as JSON | mtc-compatibility-report.json");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).as("no temp file left")
                    .containsExactlyInAnyOrder("kubeconfig", "ticket-1234.md", "report.json");
        }

        viewModel.copyMarkdown();
        assertThat(dialogs.clipboard).singleElement().asString().startsWith("# MTC compatibility report");
    }

    @Test
    void anExportToAMissingFolderFailsWithOneLineAndWritesNothing() {
        connect("ocp3", "3.11.784", "ocp4", "4.12.45");
        viewModel.arrive();
        Path nowhere = dir.resolve("missing").resolve("report.md");
        dialogs.saveChoices.add(nowhere);

        viewModel.exportMarkdown();

        assertThat(viewModel.problemProperty().get()).startsWith("The report could not be written to " + nowhere)
                .contains("does not exist").doesNotContain("\n");
        assertThat(nowhere).doesNotExist();
    }

    @Test
    void cancellingTheFileChooserWritesNothing() {
        connect("ocp3", "3.11.784", "ocp4", "4.12.45");
        viewModel.arrive();
        viewModel.exportJson();
        assertThat(viewModel.messageProperty().get()).isEmpty();
        assertThat(viewModel.problemProperty().get()).isEmpty();
    }

    @Test
    void decisionsAreRememberedAndOfferedAgainOnlyForTheSameClusters() {
        connect("ocp3", "3.11.784", "ocp4", "4.12.45");
        viewModel.arrive();
        viewModel.choose(decisionRow(DecisionTopic.MTC_VERSION), "mtc-1.7");
        viewModel.stateReachability("ocp3", Reachability.YES);
        assertThat(store.saved.compatibility().clusters()).containsExactly("source:ocp3", "target:ocp4");
        assertThat(store.saved.compatibility().decisions().mtcVersion()).isEqualTo(MtcVersion.of("1.7"));

        // The next run: same clusters, fresh page.
        CompatibilityViewModel nextRun = new CompatibilityViewModel(clusters, service, new MigrationPlanHolder(), settings,
                runner, dialogs, activity::add);
        nextRun.arrive();
        assertThat(nextRun.decisions().mtcVersion()).isEqualTo(MtcVersion.of("1.7"));
        assertThat(nextRun.decisions().remoteReachesControl("ocp3")).isEqualTo(Reachability.YES);
        assertThat(nextRun.report().verdict()).isEqualTo(Verdict.READY_WITH_WARNINGS);

        // Other clusters in the roles: nothing is assumed.
        connector.succeeds("ocp4-other", "4.12.45", true);
        clusters.assignRole(row("ocp4-other"), ClusterRole.TARGET);
        clusters.connect();
        CompatibilityViewModel otherClusters = new CompatibilityViewModel(clusters, service, new MigrationPlanHolder(),
                settings, runner, dialogs, activity::add);
        otherClusters.arrive();
        assertThat(otherClusters.decisions()).isEqualTo(MigrationDecisions.none());
        assertThat(otherClusters.report().verdict()).isEqualTo(Verdict.NEEDS_DECISION);
    }
}
