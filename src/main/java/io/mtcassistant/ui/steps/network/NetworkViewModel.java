package io.mtcassistant.ui.steps.network;

import io.mtcassistant.cluster.ClusterRole;
import io.mtcassistant.common.ActivityListener;
import io.mtcassistant.common.SecretMasker;
import io.mtcassistant.install.MigrationControllers;
import io.mtcassistant.install.plan.ActionKind;
import io.mtcassistant.install.plan.ApplyResult;
import io.mtcassistant.install.plan.ChangePlan;
import io.mtcassistant.install.plan.ChangePlanApplier;
import io.mtcassistant.install.plan.ChangePlanExporter;
import io.mtcassistant.install.plan.ChangePlanPreview;
import io.mtcassistant.network.Cidr;
import io.mtcassistant.network.ClusterProxy;
import io.mtcassistant.network.ControllerSettings;
import io.mtcassistant.network.NetworkFinding;
import io.mtcassistant.network.NetworkPlanner;
import io.mtcassistant.network.NetworkScan;
import io.mtcassistant.network.NoProxySuggestions;
import io.mtcassistant.network.ReconcileReport;
import io.mtcassistant.network.RsyncEndpointType;
import io.mtcassistant.network.SecretHandling;
import io.mtcassistant.network.UpgradeCheck;
import io.mtcassistant.network.UpgradeResult;
import io.mtcassistant.ui.common.DialogService;
import io.mtcassistant.ui.steps.clusters.ClustersViewModel;
import io.mtcassistant.ui.steps.clusters.ContextRow;
import io.mtcassistant.ui.steps.operators.ActionRow;
import io.mtcassistant.ui.task.BackgroundTask;
import io.mtcassistant.ui.task.TaskFailures;
import io.mtcassistant.ui.task.TaskRunner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Step 5: per connected cluster the proxy MTC uses and the MigrationController overrides, the namespaces to migrate
 * (from the source cluster) checked for policies that block the rsync pods, the generated fixes and the patch as one
 * change plan (preview with diffs, Export…, Apply with live states), and the exec upgrade check. Use on the FX thread.
 */
public final class NetworkViewModel {

    static final String SOURCE = "Proxy & network";

    private final ClustersViewModel clusters;
    private final TaskRunner runner;
    private final DialogService dialogs;
    private final ActivityListener activity;
    private final Executor fx;
    private final ObservableList<NetworkCard> cards = FXCollections.observableArrayList();
    private final ObservableList<String> namespaces = FXCollections.observableArrayList();
    private final ObservableList<String> selectedNamespaces = FXCollections.observableArrayList();
    private final StringProperty otherCidr = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");

    public NetworkViewModel(ClustersViewModel clusters, TaskRunner runner, DialogService dialogs, ActivityListener activity,
            Executor fx) {
        this.clusters = clusters;
        this.runner = runner;
        this.dialogs = dialogs;
        this.activity = activity;
        this.fx = fx;
    }

    /** The page is shown: a card per connected cluster, the source's namespaces for the picker. */
    public void arrive() {
        List<ContextRow> connected = clusters.assigned().stream().filter(r -> r.session() != null).toList();
        if (connected.isEmpty()) {
            cards.clear();
            notice.set("Connect the source and target clusters in step 1 first.");
            return;
        }
        notice.set("");
        if (cards.stream().map(NetworkCard::context).toList().equals(connected.stream().map(ContextRow::name).toList())) {
            return;
        }
        cards.setAll(connected.stream().map(r -> new NetworkCard(r.name(), r.role(), r.session())).toList());
        cards.forEach(this::readProxy);
        clusters.session(ClusterRole.SOURCE).ifPresent(source -> runner.run(BackgroundTask.of(
                        "List the namespaces of the source cluster", progress -> NetworkScan.userNamespaces(source.client()))
                .onSuccess(namespaces::setAll)
                .onFailure(error -> problem.set("Namespaces of the source cluster: " + TaskFailures.describe(error)))));
        clusters.session(ClusterRole.TARGET).ifPresent(target -> runner.run(BackgroundTask.of(
                        "Read the target's machine network and node addresses", progress -> new NoProxySuggestions()
                                .machineNetworkOf(target.client()).nodeAddressesOf(target.client()).against(""))
                        .onSuccess(s -> {
                    if (!s.isEmpty() && otherCidr.get().isBlank()) {
                        otherCidr.set(s.get(0).entry());
                    }
                })));
    }

    private void readProxy(NetworkCard card) {
        runner.run(BackgroundTask.of("Read the proxy of " + card.context(), progress -> ClusterProxy.read(
                        card.session().client(), card.session().facts().openshiftVersion()))
                .onSuccess(proxy -> card.proxyInEffect(proxy.exists() ? "Cluster-wide proxy: http " + dash(proxy.httpProxy())
                        + ", https " + dash(proxy.httpsProxy()) + ", noProxy " + dash(proxy.noProxy()) + ". " + proxy.note()
                        : proxy.note()))
                .onFailure(error -> card.proxyInEffect("Cannot read the proxy: " + TaskFailures.describe(error))));
    }

    private static String dash(String s) {
        return s == null || s.isEmpty() ? "-" : s;
    }

    /** Finds what blocks rsync on every cluster and builds each cluster's change plan with its preview. */
    public void checkAll() {
        problem.set("");
        Cidr other;
        try {
            other = otherCidr.get().isBlank() ? null : Cidr.parse("Other cluster's CIDR", otherCidr.get());
        } catch (IllegalArgumentException e) {
            problem.set(e.getMessage());
            return;
        }
        cards.forEach(card -> check(card, other));
    }

    private void check(NetworkCard card, Cidr other) {
        ControllerSettings settings = card.settings();
        if (settings.check().stream().anyMatch(p -> p.error())) {
            card.status("Fix the fields marked above first.");
            return;
        }
        List<String> chosen = List.copyOf(selectedNamespaces);
        // the rsync endpoint the pods use is the target's setting, on every cluster
        String endpointType = cards.stream().filter(NetworkCard::setsRsyncEndpointType).findFirst()
                .map(c -> c.rsyncEndpointType.get()).orElse("");
        RsyncEndpointType endpoint = endpointType == null || endpointType.isBlank() ? RsyncEndpointType.ROUTE
                : RsyncEndpointType.parse(ControllerSettings.RSYNC_ENDPOINT_FIELD, endpointType);
        card.status("Checking…");
        card.findings().clear();
        card.actions().clear();
        runner.run(BackgroundTask.of("Check the network of " + card.context(), progress -> {
                    var client = card.session().client();
                    List<NetworkFinding> findings = new NetworkScan(card.context(), client, other, endpoint).scan(chosen);
                    var controller = settings.isEmpty() ? null : NetworkPlanner.liveController(client);
                    Duration timeout = Duration.ofMinutes(5);
                    ChangePlan shown = NetworkPlanner.plan(card.context(), controller, settings, findings,
                            SecretHandling.PLACEHOLDER, timeout);
                    ChangePlan applied = NetworkPlanner.plan(card.context(), controller, settings, findings,
                            SecretHandling.INCLUDE, timeout);
                    return new Checked(findings, shown, applied, ChangePlanPreview.of(shown, client));
                })
                .onSuccess(checked -> {
                    card.shownPlan = checked.shown();
                    card.applyPlan = checked.applied();
                    List<String> lines = new ArrayList<>();
                    for (NetworkFinding f : checked.findings()) {
                        if (f.blocking()) {
                            lines.add(f.verdict().verdict().label().toUpperCase() + "  " + f.namespace() + "  "
                                    + f.mechanism() + ": " + f.verdict().explanation()
                                    + (f.fixNote().isEmpty() ? "" : "  Fix: " + f.fixNote()));
                        }
                    }
                    if (lines.isEmpty()) {
                        lines.add(chosen.isEmpty() ? "No namespaces chosen: pick the namespaces to migrate above."
                                : "Nothing blocks the rsync pods in " + String.join(", ", chosen) + ".");
                    }
                    card.findings().setAll(lines);
                    card.actions().setAll(checked.previews().stream().map(ActionRow::new).toList());
                    card.status(checked.shown().actions().isEmpty() ? "No change needed on " + card.context() + "."
                            : checked.shown().actions().size() + " actions. Review them, then Apply.");
                })
                .onFailure(error -> card.status(TaskFailures.describe(error))));
    }

    private record Checked(List<NetworkFinding> findings, ChangePlan shown, ChangePlan applied,
            List<io.mtcassistant.install.plan.ActionPreview> previews) {
    }

    /** Writes the plan with proxy passwords as a placeholder into a folder the admin picks. */
    public void export(NetworkCard card) {
        ChangePlan plan = card.shownPlan;
        if (plan == null) {
            return;
        }
        dialogs.chooseFolder("Export the network plan for " + card.context() + " (an empty or new folder)", null)
                .ifPresent(dir -> runner.run(BackgroundTask.of("Export the network plan for " + card.context(),
                                progress -> ChangePlanExporter.export(plan, dir))
                        .onSuccess(files -> {
                            card.status("Exported " + files.size() + " files to " + dir + " (passwords as "
                                    + SecretHandling.PLACEHOLDER_TEXT + ")");
                            activity.success(SOURCE, card.context() + ": network plan exported to " + dir);
                        })
                        .onFailure(error -> card.status("Export to " + dir + ": " + TaskFailures.describe(error)))));
    }

    public void apply(NetworkCard card) {
        ChangePlan plan = card.applyPlan;
        if (plan == null || plan.actions().isEmpty()) {
            return;
        }
        card.status("Applying…");
        card.reconciled("");
        activity.info(SOURCE, card.context() + ": " + plan.title() + " started");
        boolean patchesController = plan.actions().stream().anyMatch(a -> a.kind() == ActionKind.MERGE_PATCH
                && MigrationControllers.KIND.equals(a.target().kind()));
        runner.run(BackgroundTask.of("Apply the network plan on " + card.context(), progress -> {
                    var client = card.session().client();
                    ApplyResult applied = new ChangePlanApplier(client).apply(plan, outcome -> fx.execute(() ->
                            card.actions().get(outcome.index()).update(outcome)));
                    List<String> report = applied.succeeded() && patchesController ? ReconcileReport.read(client) : List.of();
                    return new Applied(applied, report);
                })
                .onSuccess(applied -> {
                    ApplyResult result = applied.result();
                    card.reconciled(applied.report().isEmpty() ? ""
                            : "What the operator made of it:\n" + String.join("\n", applied.report()));
                    result.outcomes().forEach(o -> card.actions().get(o.index()).update(o));
                    String text = result.succeeded() ? "Applied in " + seconds(result) + "."
                            : result.failure().map(f -> "Step " + (f.index() + 1) + " failed: " + SecretMasker.mask(f.message())
                                    + " Fix the cause, then Apply again: it resumes.").orElse("Failed.");
                    card.status(text);
                    if (result.succeeded()) {
                        activity.success(SOURCE, card.context() + ": network plan applied");
                    } else {
                        activity.error(SOURCE, card.context() + ": " + text);
                    }
                })
                .onFailure(error -> card.status(TaskFailures.describe(error))));
    }

    private record Applied(ApplyResult result, List<String> report) {
    }

    private static String seconds(ApplyResult result) {
        return String.format("%.1f s", result.elapsed().toMillis() / 1000.0);
    }

    /** Procedure 7.4.1.3: exec upgrades through this machine's path to the cluster. */
    public void checkUpgrade(NetworkCard card) {
        card.upgrade("Testing exec upgrades…");
        runner.run(BackgroundTask.of("Check exec upgrades on " + card.context(), progress -> {
                    var pod = UpgradeCheck.findPod(card.session().client());
                    if (pod == null) {
                        return List.<UpgradeResult>of();
                    }
                    return new UpgradeCheck(card.session().client().getConfiguration(), System.getenv(),
                            Duration.ofSeconds(30)).run(pod.getMetadata().getNamespace(), pod.getMetadata().getName());
                })
                .onSuccess(results -> card.upgrade(results.isEmpty() ? "No Running pod to exec into."
                        : String.join("\n", results.stream().map(r -> (r.passed() ? "OK  " : "FAIL  ") + r.message()
                                + (r.fix().isEmpty() ? "" : "\n    Fix: " + r.fix())).toList())))
                .onFailure(error -> card.upgrade(TaskFailures.describe(error))));
    }

    public ObservableList<NetworkCard> cards() {
        return cards;
    }

    public ObservableList<String> namespaces() {
        return namespaces;
    }

    public ObservableList<String> selectedNamespaces() {
        return selectedNamespaces;
    }

    public StringProperty otherCidrProperty() {
        return otherCidr;
    }

    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }
}
