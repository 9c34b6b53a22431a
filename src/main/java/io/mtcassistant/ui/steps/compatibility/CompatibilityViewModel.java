package io.mtcassistant.ui.steps.compatibility;

import io.mtcassistant.cluster.ClusterRole;
import io.mtcassistant.cluster.ConnectionOutcome;
import io.mtcassistant.common.ActivityEvent;
import io.mtcassistant.common.ActivityListener;
import io.mtcassistant.common.AtomicFiles;
import io.mtcassistant.compat.CheckResult;
import io.mtcassistant.compat.ClusterPlan;
import io.mtcassistant.compat.ClusterSnapshot;
import io.mtcassistant.compat.CompatibilityEngine.ClusterAssignment;
import io.mtcassistant.compat.CompatibilityReport;
import io.mtcassistant.compat.DecisionOption;
import io.mtcassistant.compat.DecisionTopic;
import io.mtcassistant.compat.MigrationDecisions;
import io.mtcassistant.compat.NetworkWorkaround;
import io.mtcassistant.compat.Reachability;
import io.mtcassistant.compat.ReportJson;
import io.mtcassistant.compat.ReportMarkdown;
import io.mtcassistant.settings.RememberedDecisions;
import io.mtcassistant.settings.SettingsKeeper;
import io.mtcassistant.ui.MigrationPlanHolder;
import io.mtcassistant.ui.common.DialogService;
import io.mtcassistant.ui.steps.clusters.ClustersViewModel;
import io.mtcassistant.ui.steps.clusters.ConnectionState;
import io.mtcassistant.ui.steps.clusters.ContextRow;
import io.mtcassistant.ui.task.BackgroundTask;
import io.mtcassistant.ui.task.TaskFailures;
import io.mtcassistant.ui.task.TaskRunner;
import io.mtcassistant.ui.wizard.StepState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;

/**
 * Step 2: Table 7.1 applied to the clusters connected in step 1. Reading the clusters runs through the
 * {@link TaskRunner}; every decision or statement re-evaluates at once (no cluster round trip). The latest report
 * goes to the {@link MigrationPlanHolder} the later steps read. Every method is called on the FX thread.
 */
public final class CompatibilityViewModel {

    static final String SOURCE = "Compatibility";
    static final Duration INSPECT_TIMEOUT = Duration.ofSeconds(90);

    /** Where the page stands. */
    public enum Phase {
        /** Step 1 has not given connected source and target clusters yet. */
        WAITING_FOR_CLUSTERS,
        CHECKING,
        /** Reading the clusters failed as a whole (not one check: the page has no report). */
        FAILED,
        REPORT
    }

    /**
     * The admin's statement on whether one cluster and the control cluster can connect.
     *
     * @param explicit false while the admin has not said anything about this cluster
     */
    public record ReachabilityStatement(String context, String role, String controlCluster, Reachability value,
                                        boolean explicit) {
    }

    /** A decision the admin made that can be taken back. */
    public record MadeDecision(DecisionTopic topic, String text) {
    }

    /** Identifies what step 1 gave: a new session or failure means the clusters must be read again. */
    private record ClusterKey(ClusterRole role, String context, Object connection) {
    }

    private final ClustersViewModel clusters;
    private final CompatibilityService service;
    private final MigrationPlanHolder planHolder;
    private final SettingsKeeper settings;
    private final TaskRunner runner;
    private final DialogService dialogs;
    private final ActivityListener activity;

    private final ReadOnlyObjectWrapper<Phase> phase = new ReadOnlyObjectWrapper<>(Phase.WAITING_FOR_CLUSTERS);
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper checking = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<CompatibilityReport> report = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<MigrationDecisions> decisions = new ReadOnlyObjectWrapper<>(MigrationDecisions.none());
    private final ReadOnlyObjectWrapper<StepState> stepState = new ReadOnlyObjectWrapper<>(StepState.NOT_STARTED);

    private List<ClusterSnapshot> snapshots;
    private List<ClusterKey> inspected;
    private List<ClusterKey> inFlight;
    // Results of a check overtaken by a newer one (or by a change of clusters) are dropped.
    private int attempt;
    private Path lastExportDirectory;

    /**
     * @param settings where the decisions are remembered for the next run (not in demo mode, which remembers nothing)
     */
    public CompatibilityViewModel(ClustersViewModel clusters, CompatibilityService service, MigrationPlanHolder planHolder,
                                  SettingsKeeper settings, TaskRunner runner, DialogService dialogs, ActivityListener activity) {
        this.clusters = clusters;
        this.service = service;
        this.planHolder = planHolder;
        this.settings = settings;
        this.runner = runner;
        this.dialogs = dialogs;
        this.activity = activity;
        clusters.contexts().addListener((ListChangeListener<ContextRow>) change -> clustersChanged());
        notice.set(missingFromStepOne());
    }

    // ---- arriving and checking ------------------------------------------------------------------------------

    /**
     * The page is shown: checks the clusters when step 1 has them and they were not checked yet (or changed);
     * otherwise says what step 1 still lacks.
     */
    public void arrive() {
        String missing = missingFromStepOne();
        notice.set(missing);
        if (!missing.isEmpty()) {
            if (!checking.get()) {
                phase.set(Phase.WAITING_FOR_CLUSTERS);
            }
            refresh();
            return;
        }
        List<ClusterKey> current = fingerprint();
        if (current.equals(inspected) && report.get() != null || checking.get() && current.equals(inFlight)) {
            return;
        }
        recheck();
    }

    /** Reads the clusters again (the "Re-check" button) and evaluates with the decisions made so far. */
    public void recheck() {
        String missing = missingFromStepOne();
        notice.set(missing);
        if (!missing.isEmpty()) {
            phase.set(Phase.WAITING_FOR_CLUSTERS);
            refresh();
            return;
        }
        List<ClusterAssignment> assignments = assignments();
        List<ClusterKey> key = fingerprint();
        int current = ++attempt;
        inFlight = key;
        checking.set(true);
        phase.set(Phase.CHECKING);
        problem.set("");
        message.set("");
        activity.info(SOURCE, "Reading " + String.join(", ", key.stream().map(ClusterKey::context).toList())
                + " for the compatibility checks (read-only)…");
        // The engine's events carry its package name as source; the activity panel shows them under this step's name.
        ActivityListener tagged = event -> activity.onEvent(new ActivityEvent(event.at(), event.level(), SOURCE, event.message()));
        runner.run(BackgroundTask.of("Check compatibility", progress -> service.inspect(assignments, tagged))
                .timeout(INSPECT_TIMEOUT)
                .onSuccess(read -> {
                    if (current != attempt) {
                        return;
                    }
                    snapshots = List.copyOf(read);
                    inspected = key;
                    decisions.set(decisionsFor(key));
                    checking.set(false);
                    evaluate();
                })
                .onFailure(error -> {
                    if (current != attempt) {
                        return;
                    }
                    checking.set(false);
                    clearReport();
                    phase.set(Phase.FAILED);
                    problem.set("The clusters could not be checked: " + TaskFailures.describe(error));
                    TaskFailures.report("Check compatibility", error, activity);
                })
                .onFinally(() -> {
                    if (current == attempt) {
                        inFlight = null;
                        checking.set(false);
                    }
                    refresh();
                }));
    }

    private void clustersChanged() {
        List<ClusterKey> current = fingerprint();
        boolean reportOutdated = report.get() != null && !current.equals(inspected);
        boolean checkOutdated = checking.get() && !current.equals(inFlight);
        if (reportOutdated || checkOutdated) {
            attempt++;
            inFlight = null;
            checking.set(false);
            clearReport();
            phase.set(Phase.WAITING_FOR_CLUSTERS);
            activity.info(SOURCE, "The clusters changed in step 1; they are checked again when you open Compatibility.");
        }
        if (phase.get() == Phase.WAITING_FOR_CLUSTERS) {
            String missing = missingFromStepOne();
            notice.set(missing.isEmpty() ? "The clusters are connected; they are checked when you open this step." : missing);
        }
        refresh();
    }

    private String missingFromStepOne() {
        boolean source = clusters.row(ClusterRole.SOURCE).isPresent();
        boolean target = clusters.row(ClusterRole.TARGET).isPresent();
        if (!source || !target) {
            return "Choose the " + (!source && !target ? "source and target clusters" : !source ? "source cluster" : "target cluster")
                    + " in step 1 (Clusters) and connect to them; this step checks them against Table 7.1.";
        }
        List<String> connecting = names(ConnectionState.CONNECTING);
        if (!connecting.isEmpty()) {
            return "Step 1 is still connecting to " + String.join(", ", connecting) + ". Come back when it has finished.";
        }
        List<String> notConnected = names(ConnectionState.NOT_CONNECTED);
        if (!notConnected.isEmpty()) {
            return String.join(", ", notConnected) + (notConnected.size() == 1 ? " is" : " are")
                    + " not connected yet. Go back to step 1 (Clusters) and press Connect.";
        }
        return "";
    }

    private List<String> names(ConnectionState state) {
        return clusters.assigned().stream().filter(row -> row.connection() == state).map(ContextRow::name).toList();
    }

    private List<ClusterAssignment> assignments() {
        return clusters.assigned().stream().map(row -> new ClusterAssignment(row.role(),
                row.connection() == ConnectionState.CONNECTED
                        ? new ConnectionOutcome.Connected(row.entry(), row.session())
                        : new ConnectionOutcome.Failed(row.entry(), row.failure()))).toList();
    }

    private List<ClusterKey> fingerprint() {
        return clusters.assigned().stream().map(row -> new ClusterKey(row.role(), row.name(),
                row.connection() == ConnectionState.CONNECTED ? row.session()
                        : row.connection() == ConnectionState.FAILED ? row.failure() : row.connection())).toList();
    }

    /**
     * The decisions made so far in this run, minus statements about clusters that left; on the first check of these
     * clusters, the ones remembered from an earlier run for exactly the same clusters.
     */
    private MigrationDecisions decisionsFor(List<ClusterKey> key) {
        MigrationDecisions kept = retainContexts(decisions.get(), key.stream().map(ClusterKey::context).collect(Collectors.toSet()));
        RememberedDecisions remembered = settings.current().compatibility();
        if (kept.equals(MigrationDecisions.none()) && clusters.remembersFiles() && remembered != null
                && remembered.clusters().equals(clusterNames(key)) && !remembered.decisions().equals(MigrationDecisions.none())) {
            activity.info(SOURCE, "Using the decisions you made earlier for these clusters; change them below if needed.");
            return remembered.decisions();
        }
        return kept;
    }

    private void remember() {
        if (clusters.remembersFiles() && inspected != null) {
            RememberedDecisions remembered = new RememberedDecisions(clusterNames(inspected), decisions.get());
            settings.update(s -> s.withCompatibility(remembered));
        }
    }

    private static List<String> clusterNames(List<ClusterKey> key) {
        return key.stream().map(k -> k.role().name().toLowerCase() + ":" + k.context()).toList();
    }

    /** Drops statements about clusters that are no longer part of the migration. */
    private static MigrationDecisions retainContexts(MigrationDecisions decisions, Set<String> contexts) {
        Map<String, Reachability> kept = new LinkedHashMap<>();
        decisions.remoteReachesControl().forEach((context, value) -> {
            if (contexts.contains(context)) {
                kept.put(context, value);
            }
        });
        String control = decisions.controlCluster() != null && contexts.contains(decisions.controlCluster())
                ? decisions.controlCluster() : null;
        return new MigrationDecisions(decisions.mtcVersion(), control, decisions.networkWorkaround(), kept,
                decisions.defaultRemoteReachesControl());
    }

    // ---- decisions and statements ----------------------------------------------------------------------------

    /** The admin picked an option of a row that needs a decision; the report is evaluated again at once. */
    public void choose(CheckResult row, String optionId) {
        if (snapshots == null || row.decision() == null) {
            return;
        }
        Optional<DecisionOption> option = row.decision().options().stream().filter(o -> o.id().equals(optionId)).findFirst();
        try {
            decisions.set(decisions.get().choose(row, optionId));
        } catch (IllegalArgumentException e) {
            problem.set(e.getMessage());
            return;
        }
        activity.info(SOURCE, "Your decision: " + option.map(DecisionOption::label).orElse(optionId) + ".");
        remember();
        evaluate();
    }

    /** Takes a decision back, so its question is asked again. */
    public void reopen(DecisionTopic topic) {
        if (snapshots == null) {
            return;
        }
        MigrationDecisions current = decisions.get();
        decisions.set(switch (topic) {
            case MTC_VERSION -> current.withMtcVersion(null);
            case NETWORK_RESTRICTION -> current.withNetworkWorkaround(NetworkWorkaround.NONE);
        });
        activity.info(SOURCE, "Decision taken back: " + (topic == DecisionTopic.MTC_VERSION ? "MTC version" : "network workaround") + ".");
        remember();
        evaluate();
    }

    /**
     * The admin's statement on whether {@code context} and the control cluster can connect. Saying "no" is the
     * network-restriction statement: only then are the crane tunnel-api and legacy-control-cluster options offered.
     */
    public void stateReachability(String context, Reachability value) {
        if (snapshots == null || decisions.get().remoteReachesControl(context) == value
                && decisions.get().remoteReachesControl().containsKey(context)) {
            return;
        }
        MigrationDecisions next = decisions.get().withRemoteReachesControl(context, value);
        // A workaround answers a missing connection; once no cluster is stated unreachable, it no longer applies.
        if (next.networkWorkaround() != NetworkWorkaround.NONE
                && next.remoteReachesControl().values().stream().noneMatch(v -> v == Reachability.NO)) {
            next = next.withNetworkWorkaround(NetworkWorkaround.NONE);
        }
        decisions.set(next);
        activity.info(SOURCE, "Your statement: " + context + " and the control cluster "
                + switch (value) {
                    case YES -> "can connect.";
                    case NO -> "cannot connect (network restriction).";
                    case UNKNOWN -> "— not verified.";
                });
        remember();
        evaluate();
    }

    /** The statements the page asks for: one per cluster other than the control cluster. */
    public List<ReachabilityStatement> reachabilityStatements() {
        CompatibilityReport current = report.get();
        if (current == null || current.plan().controlCluster() == null) {
            return List.of();
        }
        String control = current.plan().controlCluster();
        MigrationDecisions made = decisions.get();
        List<ReachabilityStatement> statements = new ArrayList<>();
        for (ClusterPlan cluster : current.plan().clusters()) {
            boolean connected = snapshots.stream().anyMatch(s -> s.context().equals(cluster.context()) && s.isConnected());
            if (!cluster.context().equals(control) && connected) {
                statements.add(new ReachabilityStatement(cluster.context(), cluster.role().label(), control,
                        made.remoteReachesControl(cluster.context()), made.remoteReachesControl().containsKey(cluster.context())));
            }
        }
        return statements;
    }

    /** The rows that ask a question, with the question. */
    public List<CheckResult> openDecisions() {
        CompatibilityReport current = report.get();
        return current == null ? List.of() : current.checks().stream().filter(c -> c.decision() != null).toList();
    }

    /** The decisions made so far, each of which can be taken back with {@link #reopen}. */
    public List<MadeDecision> madeDecisions() {
        MigrationDecisions made = decisions.get();
        List<MadeDecision> list = new ArrayList<>();
        if (made.mtcVersion() != null) {
            list.add(new MadeDecision(DecisionTopic.MTC_VERSION, "MTC " + made.mtcVersion() + " on every cluster"));
        }
        switch (made.networkWorkaround()) {
            case TUNNEL_API -> list.add(new MadeDecision(DecisionTopic.NETWORK_RESTRICTION,
                    "crane tunnel-api to the control cluster for the clusters it cannot reach"));
            case LEGACY_CONTROL_CLUSTER -> list.add(new MadeDecision(DecisionTopic.NETWORK_RESTRICTION,
                    "Edge case: the legacy cluster is the control cluster"));
            case NONE -> { }
        }
        return list;
    }

    private void evaluate() {
        CompatibilityReport next = service.evaluate(snapshots, decisions.get());
        report.set(next);
        planHolder.publish(next);
        phase.set(Phase.REPORT);
        notice.set("");
        String line = next.verdict().label() + ": " + next.verdictText();
        switch (next.verdict()) {
            case READY, READY_WITH_WARNINGS -> activity.success(SOURCE, line);
            case NEEDS_DECISION -> activity.warning(SOURCE, line);
            case BLOCKED -> activity.error(SOURCE, line);
        }
        refresh();
    }

    private void clearReport() {
        snapshots = null;
        inspected = null;
        report.set(null);
        planHolder.publish(null);
    }

    private void refresh() {
        CompatibilityReport current = report.get();
        if (current != null) {
            stepState.set(current.verdict().canProceed() ? StepState.DONE : StepState.NEEDS_ATTENTION);
        } else if (phase.get() == Phase.FAILED) {
            stepState.set(StepState.NEEDS_ATTENTION);
        } else {
            stepState.set(StepState.NOT_STARTED);
        }
    }

    // ---- export ------------------------------------------------------------------------------------------------

    public void exportMarkdown() {
        export("Markdown", ".md", ReportMarkdown::render);
    }

    public void exportJson() {
        export("JSON", ".json", ReportJson::render);
    }

    private void export(String format, String extension, Function<CompatibilityReport, String> render) {
        CompatibilityReport current = report.get();
        if (current == null) {
            return;
        }
        Optional<Path> chosen = dialogs.chooseSaveFile("Export the compatibility report as " + format, lastExportDirectory,
                "mtc-compatibility-report" + extension, format, extension);
        if (chosen.isEmpty()) {
            return;
        }
        Path file = ReportFiles.withExtension(chosen.get().toAbsolutePath().normalize(), extension);
        String text = render.apply(current);
        problem.set("");
        runner.run(BackgroundTask.of("Export the compatibility report", progress -> {
                    AtomicFiles.writeString(file, text);
                    return file;
                })
                .onSuccess(written -> {
                    lastExportDirectory = written.getParent();
                    message.set(format + " report written to " + written);
                    activity.success(SOURCE, "Compatibility report (" + format + ") written to " + written);
                })
                .onFailure(error -> {
                    problem.set("The report could not be written to " + file + ": " + TaskFailures.describe(error));
                    TaskFailures.report("Export the compatibility report", error, activity);
                }));
    }

    /** The Markdown report on the clipboard, to paste into a change ticket. */
    public void copyMarkdown() {
        CompatibilityReport current = report.get();
        if (current == null) {
            return;
        }
        dialogs.copyToClipboard(ReportMarkdown.render(current));
        message.set("The report (Markdown) is on the clipboard.");
        activity.info(SOURCE, "Copied the compatibility report (Markdown) to the clipboard.");
    }

    // ---- properties for the view ---------------------------------------------------------------------------------

    public ReadOnlyObjectProperty<Phase> phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    public Phase phase() {
        return phase.get();
    }

    /** What step 1 still lacks (empty when the clusters can be checked). */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** Why the check or an export failed; empty otherwise. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** Feedback on the last export or copy; empty otherwise. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty checkingProperty() {
        return checking.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<CompatibilityReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    public CompatibilityReport report() {
        return report.get();
    }

    public ReadOnlyObjectProperty<MigrationDecisions> decisionsProperty() {
        return decisions.getReadOnlyProperty();
    }

    public MigrationDecisions decisions() {
        return decisions.get();
    }

    public ReadOnlyObjectProperty<StepState> stepStateProperty() {
        return stepState.getReadOnlyProperty();
    }

    /** True when the page can be checked now (step 1 gave connected clusters). */
    public boolean clustersReady() {
        return missingFromStepOne().isEmpty();
    }
}
