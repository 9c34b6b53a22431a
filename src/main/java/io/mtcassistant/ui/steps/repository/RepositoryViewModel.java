package io.mtcassistant.ui.steps.repository;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.mtcassistant.cluster.ClusterRole;
import io.mtcassistant.cluster.ClusterSession;
import io.mtcassistant.cluster.OpenShiftVersion;
import io.mtcassistant.common.ActivityListener;
import io.mtcassistant.common.SecretMasker;
import io.mtcassistant.compat.MigrationPlan;
import io.mtcassistant.compat.NetworkWorkaround;
import io.mtcassistant.install.plan.ActionPreview;
import io.mtcassistant.install.plan.ApplyResult;
import io.mtcassistant.install.plan.ChangePlan;
import io.mtcassistant.install.plan.ChangePlanApplier;
import io.mtcassistant.install.plan.ChangePlanExporter;
import io.mtcassistant.install.plan.ChangePlanPreview;
import io.mtcassistant.registration.ClusterRegistration;
import io.mtcassistant.registration.RegistryExposure;
import io.mtcassistant.registration.ServiceAccountTokens;
import io.mtcassistant.storage.CheckStep;
import io.mtcassistant.storage.KeyValues;
import io.mtcassistant.storage.ObjectGateway;
import io.mtcassistant.storage.ObjectGatewayDiscovery;
import io.mtcassistant.storage.RepositoryCheck;
import io.mtcassistant.storage.RepositoryCheckReport;
import io.mtcassistant.storage.RepositoryPlanner;
import io.mtcassistant.storage.RepositoryProblem;
import io.mtcassistant.storage.RepositoryTarget;
import io.mtcassistant.storage.S3Keys;
import io.mtcassistant.storage.StorageApis;
import io.mtcassistant.ui.MigrationPlanHolder;
import io.mtcassistant.ui.common.DialogService;
import io.mtcassistant.ui.steps.clusters.ClustersViewModel;
import io.mtcassistant.ui.steps.clusters.ContextRow;
import io.mtcassistant.ui.steps.operators.ActionRow;
import io.mtcassistant.ui.task.BackgroundTask;
import io.mtcassistant.ui.task.TaskFailures;
import io.mtcassistant.ui.task.TaskRunner;
import io.mtcassistant.ui.wizard.StepState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Step 6: the replication repository on the control cluster (procedure 7.5) and the MigClusters. Finds the Multicloud
 * Object Gateway on the connected clusters (or takes an endpoint and keys typed in), checks the bucket from this
 * workstation step by step, builds the change plan for the credentials Secret and the MigStorage (shown and exported
 * with placeholders for the keys unless the admin asks for them), applies it and shows MigStorage Ready or its
 * conditions in plain words; registers the remote clusters. The least-privilege alternative to the gateway's admin
 * keys, an ObjectBucketClaim, is {@link BucketClaimViewModel}, which fills the fields once Bound. Use on the FX thread.
 */
public final class RepositoryViewModel {

    static final String SOURCE = "Repository";
    static final Duration CHECK_TIMEOUT = Duration.ofSeconds(10);
    static final Duration READY_TIMEOUT = Duration.ofMinutes(3);
    /** crane tunnel-api's default namespace on the control cluster. */
    static final String TUNNEL_NAMESPACE = "openvpn";
    /** The check box that offers the image registry's default route (its label on the page). */
    static final String EXPOSE_REGISTRY = "enable the image registry's default route on OpenShift 4 remotes that lack it";

    private final ClustersViewModel clusters;
    private final MigrationPlanHolder plans;
    private final TaskRunner runner;
    private final DialogService dialogs;
    private final ActivityListener activity;
    private final Executor fx;

    private final StringProperty endpoint = new SimpleStringProperty("");
    private final StringProperty bucket = new SimpleStringProperty("migration");
    private final StringProperty region = new SimpleStringProperty("");
    private final StringProperty accessKey = new SimpleStringProperty("");
    private final StringProperty secretKey = new SimpleStringProperty("");
    private final StringProperty caFile = new SimpleStringProperty("");
    private final BooleanProperty insecure = new SimpleBooleanProperty(false);
    private final BooleanProperty createBucket = new SimpleBooleanProperty(false);
    private final BooleanProperty exportKeys = new SimpleBooleanProperty(false);
    private final StringProperty storageName = new SimpleStringProperty(RepositoryPlanner.DEFAULT_NAME);
    private final BooleanProperty exposeRegistry = new SimpleBooleanProperty(false);

    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper discovery = new ReadOnlyStringWrapper("");
    private final ObservableList<ObjectGateway> gateways = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper inputProblem = new ReadOnlyStringWrapper("");
    private final ObservableList<CheckStep> checkSteps = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper checkSummary = new ReadOnlyStringWrapper("");
    private final ObservableList<ActionRow> actions = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper planStatus = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper storageState = new ReadOnlyStringWrapper("");
    private final ObservableList<RegistrationRow> registrations = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper registrationProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<StepState> stepState = new ReadOnlyObjectWrapper<>(StepState.NOT_STARTED);

    private String demoNote = "";
    private ControlCluster control;
    private ChangePlan shownPlan;
    private ChangePlan applyPlan;
    private String plannedStorage;
    private final BucketClaimViewModel claim;

    public RepositoryViewModel(ClustersViewModel clusters, MigrationPlanHolder plans, TaskRunner runner,
            DialogService dialogs, ActivityListener activity, Executor fx) {
        this.clusters = clusters;
        this.plans = plans;
        this.runner = runner;
        this.dialogs = dialogs;
        this.activity = activity;
        this.fx = fx;
        this.claim = new BucketClaimViewModel(runner, activity, fx, busy, this::claimCluster, () -> gateways,
                this::exportPlan, this::fillFromClaim);
    }

    /** The claim's endpoint, bucket and keys become the repository to check; an earlier check no longer applies. */
    private void fillFromClaim(ClaimOutcome.Fill fill) {
        fill.endpoint().ifPresent(endpoint::set);
        bucket.set(fill.bucket());
        accessKey.set(fill.keys().accessKeyId());
        secretKey.set(fill.keys().secretAccessKey());
        inputProblem.set("");
        clearCheck();
    }

    /** Shown under the control cluster line: what the demo can and cannot show on this page. */
    public void demoNote(String text) {
        demoNote = text;
    }

    /** The control cluster, the session that reaches it, and why this one. */
    record ControlCluster(String name, ClusterSession session, String why) {
    }

    /** The page is shown: finds the control cluster, the gateways and the MigClusters. */
    public void arrive() {
        ControlCluster found = controlCluster().orElse(null);
        if (found == null) {
            control = null;
            notice.set("Connect the target (control) cluster in step 1 first: MigStorage and MigClusters live there.");
            gateways.clear();
            registrations.clear();
            return;
        }
        boolean changed = control == null || !control.name().equals(found.name()) || control.session() != found.session();
        control = found;
        notice.set(found.why() + (demoNote.isEmpty() ? "" : "\n" + demoNote));
        if (changed) {
            discover();
            refreshRegistrations();
        }
    }

    /** As the Monitor step: the control cluster step 2 decided, else the target cluster with a note saying so. */
    private Optional<ControlCluster> controlCluster() {
        MigrationPlan plan = plans.readyPlan();
        String decided = plan == null ? null : plan.controlCluster();
        if (decided != null) {
            Optional<ClusterSession> session = connected(decided);
            if (session.isPresent()) {
                return Optional.of(new ControlCluster(decided, session.get(), "Control cluster: " + decided
                        + ", as step 2 decided. The Secret, MigStorage and MigClusters are created there."));
            }
        }
        String why = decided == null ? "Step 2 (Compatibility) has not decided the control cluster yet"
                : "The control cluster " + decided + " chosen in step 2 is not connected";
        return clusters.row(ClusterRole.TARGET).filter(row -> row.session() != null).map(row -> new ControlCluster(
                row.name(), row.session(), why + ": using the target cluster " + row.name() + " as the control cluster."));
    }

    private Optional<ClusterSession> connected(String context) {
        return clusters.assigned().stream().filter(row -> row.name().equals(context)).map(ContextRow::session)
                .filter(s -> s != null).findFirst();
    }

    /** Looks for NooBaa on every connected cluster (the gateway may run on any of them). */
    public void discover() {
        List<ContextRow> connected = clusters.assigned().stream().filter(r -> r.session() != null).toList();
        gateways.clear();
        discovery.set("Looking for the Multicloud Object Gateway (NooBaa) on " + String.join(", ",
                connected.stream().map(ContextRow::name).toList()) + "…");
        runner.run(BackgroundTask.of("Find the Multicloud Object Gateway", progress -> {
                    List<ObjectGateway> found = new ArrayList<>();
                    List<String> failures = new ArrayList<>();
                    for (ContextRow row : connected) {
                        try {
                            found.addAll(ObjectGatewayDiscovery.find(row.name(), row.session().client()));
                        } catch (RuntimeException e) {
                            failures.add(row.name() + ": " + TaskFailures.describe(e));
                        }
                    }
                    return new Discovered(found, failures);
                })
                .onSuccess(result -> {
                    gateways.setAll(result.gateways());
                    String failures = result.failures().isEmpty() ? ""
                            : " Could not look on " + String.join("; ", result.failures()) + ".";
                    discovery.set((result.gateways().isEmpty()
                            ? "No Multicloud Object Gateway (NooBaa) found. Enter an S3 endpoint, bucket and keys below."
                            : result.gateways().size() == 1 ? "Found one gateway." : "Found " + result.gateways().size() + " gateways.")
                            + failures);
                    result.gateways().stream().filter(g -> g.ready() && g.adminKeys().isPresent()).findFirst()
                            .or(() -> result.gateways().stream().findFirst()).ifPresent(this::use);
                })
                .onFailure(error -> discovery.set("Discovery failed: " + TaskFailures.describe(error))));
    }

    private record Discovered(List<ObjectGateway> gateways, List<String> failures) {
    }

    /** Fills the repository fields from a gateway: its recommended endpoint and admin keys. */
    public void use(ObjectGateway gateway) {
        gateway.recommendedEndpoint().ifPresent(endpoint::set);
        gateway.adminKeys().ifPresent(keys -> {
            accessKey.set(keys.accessKeyId());
            secretKey.set(keys.secretAccessKey());
        });
        clearCheck();
    }

    private void clearCheck() {
        checkSteps.clear();
        checkSummary.set("");
        actions.clear();
        shownPlan = null;
        applyPlan = null;
        planStatus.set("");
    }

    public void chooseCaFile() {
        Path initial = caFile.get().isBlank() ? null : Path.of(caFile.get()).getParent();
        dialogs.chooseCaFile(initial).ifPresent(file -> caFile.set(file.toString()));
    }

    /** Runs the workstation check; when it passes, builds the change plan for the control cluster. */
    public void check() {
        inputProblem.set("");
        if (busy.get()) {
            return;
        }
        if (control == null) {
            inputProblem.set("No control cluster: connect the target cluster in step 1 first.");
            return;
        }
        RepositoryTarget target;
        S3Keys keys;
        String name = storageName.get() == null ? "" : storageName.get().strip();
        try {
            target = RepositoryTarget.of(endpoint.get(), bucket.get() == null ? null : bucket.get().strip(), region.get(),
                    caFile.get() == null || caFile.get().isBlank() ? null : Path.of(caFile.get().strip()), insecure.get());
            keys = keys();
            if (!name.matches("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?")) {
                throw new IllegalArgumentException("MigStorage name '" + name + "': lower-case letters, digits and "
                        + "hyphens, starting and ending with a letter or digit");
            }
        } catch (IllegalArgumentException e) {
            inputProblem.set(e.getMessage());
            return;
        }
        clearCheck();
        checkSummary.set("Checking " + target.endpoint() + " bucket " + target.bucket() + " with access key "
                + keys.maskedAccessKeyId() + "…");
        ControlCluster on = control;
        boolean create = createBucket.get();
        busy.set(true);
        runner.run(BackgroundTask.of("Check the replication repository", progress -> {
                    RepositoryCheckReport report = new RepositoryCheck(CHECK_TIMEOUT).run(target, keys, create,
                            step -> fx.execute(() -> checkSteps.add(step)));
                    if (!report.passed()) {
                        return new Checked(report, null, null, List.of());
                    }
                    ChangePlan shown = RepositoryPlanner.plan(on.name(), name, target, keys, KeyValues.PLACEHOLDERS,
                            READY_TIMEOUT);
                    ChangePlan real = RepositoryPlanner.plan(on.name(), name, target, keys, KeyValues.REAL, READY_TIMEOUT);
                    return new Checked(report, shown, real, withoutSecretDiffs(ChangePlanPreview.of(shown,
                            on.session().client())));
                })
                .onSuccess(checked -> {
                    checkSteps.setAll(checked.report().steps());
                    RepositoryCheckReport report = checked.report();
                    if (!report.passed()) {
                        RepositoryProblem problem = report.problem().orElse(RepositoryProblem.S3_ERROR);
                        checkSummary.set("FAILED: " + problem.meaning() + ". Next: " + problem.nextStep() + ".");
                        activity.warning(SOURCE, "Repository check failed: " + problem.meaning());
                        return;
                    }
                    checkSummary.set("PASSED: this workstation can write to, read from and delete in the bucket. "
                            + "The control cluster's own test (MigStorage Ready) comes when the plan is applied.");
                    shownPlan = checked.shown();
                    applyPlan = checked.real();
                    plannedStorage = name;
                    actions.setAll(checked.previews().stream().map(ActionRow::new).toList());
                    planStatus.set(shownPlan.title() + " on " + on.name() + ": " + shownPlan.actions().size()
                            + " actions. Review them, then Apply." + notes(shownPlan));
                })
                .onFailure(error -> checkSummary.set("The check could not run: " + TaskFailures.describe(error)))
                .onFinally(() -> busy.set(false)));
    }

    private record Checked(RepositoryCheckReport report, ChangePlan shown, ChangePlan real,
            List<ActionPreview> previews) {
    }

    private S3Keys keys() {
        try {
            return new S3Keys(accessKey.get(), secretKey.get());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("keys: " + e.getMessage()
                    + " (take them from the gateway above, or from the ObjectBucketClaim's Secret)");
        }
    }

    /** A Secret's live values would show in its diff: the preview keeps only the placeholder YAML for Secrets. */
    private static List<ActionPreview> withoutSecretDiffs(List<ActionPreview> previews) {
        return previews.stream().map(p -> "Secret".equals(p.action().target().kind()) && !p.diff().isEmpty()
                ? new ActionPreview(p.number(), p.action(), p.yaml(), "") : p).toList();
    }

    private static String notes(ChangePlan plan) {
        List<String> notes = plan.notes().stream()
                .filter(n -> !n.contains("placeholders"))
                .toList();
        return notes.isEmpty() ? "" : " " + String.join(" ", notes);
    }

    /** Writes the plan into a folder the admin picks; the Secret holds placeholders unless "export the real keys". */
    public void export() {
        boolean real = exportKeys.get();
        exportPlan(real ? applyPlan : shownPlan, "repository plan", planStatus, real
                ? " (the Secret holds the real keys: keep the folder private)"
                : " (the Secret holds placeholders: fill them in before running " + ChangePlanExporter.SCRIPT + ")");
    }

    private void exportPlan(ChangePlan plan, String what, ReadOnlyStringWrapper status, String note) {
        if (plan == null) {
            return;
        }
        dialogs.chooseFolder("Export the " + what + " (an empty or new folder)", null)
                .ifPresent(dir -> runner.run(BackgroundTask.of("Export the " + what,
                                progress -> ChangePlanExporter.export(plan, dir))
                        .onSuccess(files -> {
                            status.set("Exported " + files.size() + " files to " + dir + note);
                            activity.success(SOURCE, "Exported the " + what + " to " + dir);
                        })
                        .onFailure(error -> status.set("Export to " + dir + ": " + TaskFailures.describe(error)))));
    }

    /** The cluster of the gateway the page found (a ready one first), else the control cluster. */
    private Optional<ControlCluster> claimCluster() {
        Optional<ObjectGateway> gateway = gateways.stream().filter(ObjectGateway::ready).findFirst()
                .or(() -> gateways.stream().findFirst());
        Optional<ControlCluster> at = gateway.flatMap(g -> connected(g.cluster()).map(session -> new ControlCluster(
                g.cluster(), session, "where the gateway " + g.namespace() + "/" + g.name() + " runs")));
        return at.or(() -> Optional.ofNullable(control).map(c -> new ControlCluster(c.name(), c.session(),
                "the control cluster: no gateway was found")));
    }

    /** Creates the Secret and MigStorage on the control cluster and waits for the controller's own test. */
    public void apply() {
        ChangePlan plan = applyPlan;
        ControlCluster on = control;
        String name = plannedStorage;
        if (plan == null || on == null || busy.get()) {
            return;
        }
        busy.set(true);
        planStatus.set("Applying on " + on.name() + "…");
        storageState.set("");
        activity.info(SOURCE, on.name() + ": " + plan.title() + " started");
        KubernetesClient client = on.session().client();
        runner.run(BackgroundTask.of("Create the replication repository on " + on.name(), progress -> {
                    ApplyResult result = new ChangePlanApplier(client).apply(plan, outcome -> fx.execute(() ->
                            actions.get(outcome.index()).update(outcome)));
                    return new Applied(result, MigObjectState.of(client, StorageApis.MIG_STORAGES, name));
                })
                .onSuccess(applied -> {
                    ApplyResult result = applied.result();
                    result.outcomes().forEach(o -> actions.get(o.index()).update(o));
                    storageState.set("MigStorage " + name + " on " + on.name() + ": " + applied.state());
                    if (result.succeeded()) {
                        planStatus.set("Applied in " + String.format("%.1f s", result.elapsed().toMillis() / 1000.0) + ".");
                        activity.success(SOURCE, on.name() + ": MigStorage " + name + " is Ready");
                    } else {
                        planStatus.set(result.failure().map(f -> "Step " + (f.index() + 1) + " failed: "
                                + SecretMasker.mask(f.message())).orElse("Failed.")
                                + " Fix the cause, then Apply again: it resumes.");
                        activity.error(SOURCE, on.name() + ": MigStorage " + name + " is not Ready");
                    }
                    updateStepState(result.succeeded());
                })
                .onFailure(error -> {
                    planStatus.set(TaskFailures.describe(error));
                    updateStepState(false);
                })
                .onFinally(() -> busy.set(false)));
    }

    private record Applied(ApplyResult result, String state) {
    }

    /** Reads the MigClusters on the control cluster and lists every connected remote with its state. */
    public void refreshRegistrations() {
        ControlCluster on = control;
        if (on == null) {
            return;
        }
        registrationProblem.set("");
        List<ContextRow> remotes = clusters.assigned().stream()
                .filter(r -> r.session() != null && !r.name().equals(on.name())).toList();
        runner.run(BackgroundTask.of("Read the MigClusters on " + on.name(), progress -> {
                    KubernetesClient client = on.session().client();
                    List<GenericKubernetesResource> existing = client.genericKubernetesResources(StorageApis.MIG_CLUSTERS)
                            .inNamespace(StorageApis.MIGRATION_NAMESPACE).list().getItems();
                    List<RowData> rows = new ArrayList<>();
                    for (GenericKubernetesResource cluster : existing) {
                        boolean host = Boolean.parseBoolean(io.mtcassistant.install.plan.KubeObjects
                                .valueAt(cluster, "spec.isHostCluster").orElse("false"));
                        String name = cluster.getMetadata().getName();
                        ContextRow remote = remotes.stream().filter(r -> r.name().equals(name)).findFirst().orElse(null);
                        rows.add(new RowData(name, host ? "the control cluster itself, made by the operator"
                                : remote == null ? "remote, not connected here" : "remote", host ? null : remote,
                                "registered, " + MigObjectState.of(client, StorageApis.MIG_CLUSTERS, cluster)));
                    }
                    for (ContextRow remote : remotes) {
                        if (rows.stream().noneMatch(r -> r.name().equals(remote.name()))) {
                            rows.add(new RowData(remote.name(), "remote", remote, "not registered"));
                        }
                    }
                    return rows;
                })
                .onSuccess(rows -> registrations.setAll(rows.stream().map(r -> new RegistrationRow(r.name(), r.kind(),
                        r.remote() == null ? null : r.remote().session(),
                        r.remote() != null && r.remote().skipTlsVerifyProperty().get(), r.state())).toList()))
                .onFailure(error -> registrationProblem.set("Cannot read the MigClusters on " + on.name() + ": "
                        + TaskFailures.describe(error))));
    }

    private record RowData(String name, String kind, ContextRow remote, String state) {
    }

    /**
     * Registers a remote cluster: the migration-controller token from it (a long-lived token Secret on 4.11+), the
     * token Secret and MigCluster on the control cluster, then the wait for the controller's connection test.
     */
    public void register(RegistrationRow row) {
        ControlCluster on = control;
        if (on == null || !row.registrable() || row.busyProperty().get()) {
            return;
        }
        MigrationPlan decided = plans.readyPlan();
        boolean tunnel = decided != null && decided.networkWorkaround() == NetworkWorkaround.TUNNEL_API;
        boolean exposeRegistry = this.exposeRegistry.get();
        row.busy(true);
        row.state("registering: reading the migration-controller token on " + row.name() + "…");
        activity.info(SOURCE, "Registering " + row.name() + " on " + on.name());
        runner.run(BackgroundTask.of("Register " + row.name() + " on " + on.name(), progress -> {
                    ClusterSession remote = row.remote();
                    OpenShiftVersion version = Optional.ofNullable(remote.facts().openshiftVersion())
                            .flatMap(OpenShiftVersion::parse).orElseThrow(() -> new IllegalStateException(row.name()
                                    + " is not an OpenShift cluster (no OpenShift version): MTC cannot migrate from it"));
                    String token = ServiceAccountTokens.obtain(remote.client(), version, Duration.ofSeconds(60));
                    // through crane tunnel-api the control cluster reaches the remote by a name its certificate lacks
                    boolean insecureApi = tunnel || row.insecureRemote();
                    String url = tunnel ? ClusterRegistration.tunnelApiUrl(TUNNEL_NAMESPACE) : remote.facts().apiUrl();
                    Optional<String> registry = tunnel
                            ? Optional.of("proxied-cluster." + TUNNEL_NAMESPACE + ".svc.cluster.local:5000")
                            : RegistryExposure.routeHost(remote.client(), version);
                    String exposed = "";
                    if (registry.isEmpty() && !tunnel && exposeRegistry && version.isAtLeast(4, 0)) {
                        fx.execute(() -> row.state("registering: enabling the image registry's default route on "
                                + row.name() + "…"));
                        ApplyResult route = new ChangePlanApplier(remote.client()).apply(
                                RegistryExposure.enableDefaultRoute(row.name(), READY_TIMEOUT), outcome -> { });
                        registry = RegistryExposure.routeHost(remote.client(), version);
                        exposed = registry.isPresent() ? " (the default route, enabled now)"
                                : "; the default route did not appear" + route.failure().map(f -> " ("
                                        + SecretMasker.mask(f.message()) + ")").orElse("") + ": check the image "
                                        + "registry operator on " + row.name();
                    }
                    ClusterRegistration registration = new ClusterRegistration(row.name(), url,
                            insecureApi ? Optional.empty() : ClusterRegistration.caBundleOf(remote.client().getConfiguration()),
                            insecureApi, registry);
                    ChangePlan plan = registration.plan(on.name(), token, KeyValues.REAL, READY_TIMEOUT);
                    fx.execute(() -> row.state("registering: waiting for the controller to connect to " + row.name() + "…"));
                    ApplyResult result = new ChangePlanApplier(on.session().client()).apply(plan, outcome -> { });
                    String state = MigObjectState.of(on.session().client(), StorageApis.MIG_CLUSTERS, row.name())
                            + "; " + registry.map(r -> "exposedRegistryPath " + r).orElse(RegistryExposure.missing(
                                    row.name(), version, "Tick \"" + EXPOSE_REGISTRY + "\" and Register again"))
                            + exposed
                            + (insecureApi ? "; insecure: true (" + (tunnel ? "reached through crane tunnel-api"
                                    : "this workstation does not verify its certificate either") + ")" : "");
                    return new Applied(result, state);
                })
                .onSuccess(applied -> {
                    row.state("registered, " + applied.state() + applied.result().failure().filter(f -> !applied.state()
                            .startsWith("NOT")).map(f -> " (" + SecretMasker.mask(f.message()) + ")").orElse(""));
                    if (applied.result().succeeded()) {
                        activity.success(SOURCE, row.name() + " is registered on " + on.name() + " and Ready");
                    } else {
                        activity.error(SOURCE, row.name() + " is not Ready on " + on.name());
                    }
                })
                .onFailure(error -> row.state("not registered: " + SecretMasker.mask(TaskFailures.describe(error))))
                .onFinally(() -> row.busy(false)));
    }

    private void updateStepState(boolean storageReady) {
        stepState.set(storageReady ? StepState.DONE : StepState.NEEDS_ATTENTION);
    }

    public StringProperty endpointProperty() {
        return endpoint;
    }

    public StringProperty bucketProperty() {
        return bucket;
    }

    public StringProperty regionProperty() {
        return region;
    }

    public StringProperty accessKeyProperty() {
        return accessKey;
    }

    public StringProperty secretKeyProperty() {
        return secretKey;
    }

    public StringProperty caFileProperty() {
        return caFile;
    }

    public BooleanProperty insecureProperty() {
        return insecure;
    }

    public BooleanProperty createBucketProperty() {
        return createBucket;
    }

    public BooleanProperty exportKeysProperty() {
        return exportKeys;
    }

    public StringProperty storageNameProperty() {
        return storageName;
    }

    /** Register turns on the image registry's default route of an OpenShift 4 remote without one, first. */
    public BooleanProperty exposeRegistryProperty() {
        return exposeRegistry;
    }

    /** The least-privilege route: an ObjectBucketClaim instead of the gateway's admin keys. */
    public BucketClaimViewModel claim() {
        return claim;
    }

    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty discoveryProperty() {
        return discovery.getReadOnlyProperty();
    }

    public ObservableList<ObjectGateway> gateways() {
        return gateways;
    }

    public ReadOnlyStringProperty inputProblemProperty() {
        return inputProblem.getReadOnlyProperty();
    }

    public ObservableList<CheckStep> checkSteps() {
        return checkSteps;
    }

    public ReadOnlyStringProperty checkSummaryProperty() {
        return checkSummary.getReadOnlyProperty();
    }

    public ObservableList<ActionRow> actions() {
        return actions;
    }

    public ReadOnlyStringProperty planStatusProperty() {
        return planStatus.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty storageStateProperty() {
        return storageState.getReadOnlyProperty();
    }

    public ObservableList<RegistrationRow> registrations() {
        return registrations;
    }

    public ReadOnlyStringProperty registrationProblemProperty() {
        return registrationProblem.getReadOnlyProperty();
    }

    /** A check or an apply is running: the page's Check and Apply wait for it. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<StepState> stepStateProperty() {
        return stepState.getReadOnlyProperty();
    }
}
