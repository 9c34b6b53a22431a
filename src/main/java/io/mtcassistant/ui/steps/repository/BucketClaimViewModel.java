package io.mtcassistant.ui.steps.repository;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.mtcassistant.ui.steps.repository.RepositoryViewModel.ControlCluster;
import io.mtcassistant.common.ActivityListener;
import io.mtcassistant.common.SecretMasker;
import io.mtcassistant.install.plan.ApplyResult;
import io.mtcassistant.install.plan.ChangePlan;
import io.mtcassistant.install.plan.ChangePlanApplier;
import io.mtcassistant.install.plan.ChangePlanPreview;
import io.mtcassistant.plans.KubernetesName;
import io.mtcassistant.storage.BucketClaim;
import io.mtcassistant.storage.BucketClaimPending;
import io.mtcassistant.storage.BucketClaims;
import io.mtcassistant.storage.ObjectGateway;
import io.mtcassistant.storage.StorageApis;
import io.mtcassistant.ui.steps.operators.ActionRow;
import io.mtcassistant.ui.task.BackgroundTask;
import io.mtcassistant.ui.task.TaskFailures;
import io.mtcassistant.ui.task.TaskRunner;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Repository page's least-privilege route: an ObjectBucketClaim planned on the gateway's cluster (else the
 * control cluster), exported or applied through its own change plan; once Bound, the claim's endpoint, bucket and keys
 * go to the page's repository fields. Shares the page's busy flag, so a claim and a check never run at once. Use on
 * the FX thread.
 */
public final class BucketClaimViewModel {

    /** The bucket claim's name, and the bucket it asks for. */
    static final String DEFAULT_NAME = "migration-repository";

    /** How the page exports a change plan into a folder the admin picks. */
    interface PlanExport {
        void export(ChangePlan plan, String what, ReadOnlyStringWrapper status, String note);
    }

    private final TaskRunner runner;
    private final ActivityListener activity;
    private final Executor fx;
    private final ReadOnlyBooleanWrapper busy;
    private final Supplier<Optional<ControlCluster>> where;
    private final Supplier<List<ObjectGateway>> gateways;
    private final PlanExport exporter;
    private final Consumer<ClaimOutcome.Fill> onBound;

    private final StringProperty name = new SimpleStringProperty(DEFAULT_NAME);
    private final StringProperty namespace = new SimpleStringProperty(StorageApis.MIGRATION_NAMESPACE);
    private final StringProperty storageClass = new SimpleStringProperty(StorageApis.NOOBAA_STORAGE_CLASS);
    private final ObservableList<ActionRow> actions = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private ChangePlan plan;
    private ControlCluster on;

    BucketClaimViewModel(TaskRunner runner, ActivityListener activity, Executor fx, ReadOnlyBooleanWrapper busy,
            Supplier<Optional<ControlCluster>> where, Supplier<List<ObjectGateway>> gateways, PlanExport exporter,
            Consumer<ClaimOutcome.Fill> onBound) {
        this.runner = runner;
        this.activity = activity;
        this.fx = fx;
        this.busy = busy;
        this.where = where;
        this.gateways = gateways;
        this.exporter = exporter;
        this.onBound = onBound;
    }

    /** Plans the claim and shows its actions; nothing is changed until {@link #apply()}. */
    public void plan() {
        status.set("");
        actions.clear();
        plan = null;
        if (busy.get()) {
            return;
        }
        ControlCluster cluster = where.get().orElse(null);
        if (cluster == null) {
            status.set("No cluster for the claim: connect the cluster that runs the Multicloud Object Gateway "
                    + "in step 1 first.");
            return;
        }
        String claim = strip(name.get());
        String ns = strip(namespace.get());
        String storage = strip(storageClass.get());
        Optional<String> problem = KubernetesName.problem(claim).map(p -> "Claim name " + p)
                .or(() -> KubernetesName.problem(ns).map(p -> "Claim namespace " + p))
                .or(() -> storage.isEmpty() ? Optional.of("Storage class is empty: the gateway's is "
                        + StorageApis.NOOBAA_STORAGE_CLASS) : Optional.empty());
        if (problem.isPresent()) {
            status.set(problem.get());
            return;
        }
        ChangePlan planned = BucketClaims.plan(cluster.name(), ns, claim, claim, storage,
                RepositoryViewModel.READY_TIMEOUT);
        busy.set(true);
        runner.run(BackgroundTask.of("Plan the bucket claim", progress ->
                        ChangePlanPreview.of(planned, cluster.session().client()))
                .onSuccess(previews -> {
                    plan = planned;
                    on = cluster;
                    actions.setAll(previews.stream().map(ActionRow::new).toList());
                    status.set(planned.title() + " on " + cluster.name() + " (" + cluster.why() + "): "
                            + planned.actions().size() + " actions. Review them, then Apply: it waits until the claim "
                            + "is Bound and fills the repository fields from its ConfigMap and Secret.");
                })
                .onFailure(error -> status.set("Cannot plan the claim on " + cluster.name() + ": "
                        + TaskFailures.describe(error)))
                .onFinally(() -> busy.set(false)));
    }

    /** The claim has no keys in it: its export is the plan as shown. */
    public void export() {
        exporter.export(plan, "bucket claim plan", status, "");
    }

    /** Creates the claim, waits until it is Bound, then hands endpoint, bucket and keys to the page. */
    public void apply() {
        ChangePlan planned = plan;
        ControlCluster cluster = on;
        if (planned == null || cluster == null || busy.get()) {
            return;
        }
        String ns = strip(namespace.get());
        String claimName = strip(name.get());
        String storage = strip(storageClass.get());
        List<ObjectGateway> known = List.copyOf(gateways.get());
        busy.set(true);
        status.set("Applying on " + cluster.name() + ": waiting until the claim is Bound…");
        activity.info(RepositoryViewModel.SOURCE, cluster.name() + ": " + planned.title() + " started");
        KubernetesClient client = cluster.session().client();
        String claimed = cluster.name() + ": ObjectBucketClaim " + ns + "/" + claimName;
        runner.run(BackgroundTask.of("Claim a bucket on " + cluster.name(), progress -> {
                    ApplyResult result = new ChangePlanApplier(client).apply(planned, outcome -> fx.execute(() ->
                            actions.get(outcome.index()).update(outcome)));
                    Optional<BucketClaim> claim = BucketClaims.get(cluster.name(), client, ns, claimName);
                    if (result.succeeded() && claim.isPresent() && claim.get().bound()
                            && claim.get().problems().isEmpty()) {
                        return ClaimOutcome.bound(claim.get(), known);
                    }
                    return ClaimOutcome.notUsable(BucketClaimPending.explain(client, ns, claimName, storage, claim,
                            "press Apply again"), result.failure().map(f -> "Step " + (f.index() + 1) + " failed: "
                            + SecretMasker.mask(f.message())));
                })
                .onSuccess(outcome -> {
                    status.set(outcome.status());
                    outcome.fill().ifPresentOrElse(fill -> {
                        onBound.accept(fill);
                        activity.success(RepositoryViewModel.SOURCE, claimed + " is Bound");
                    }, () -> activity.warning(RepositoryViewModel.SOURCE, claimed + " is not Bound"));
                })
                .onFailure(error -> status.set(TaskFailures.describe(error)))
                .onFinally(() -> busy.set(false)));
    }

    private static String strip(String text) {
        return text == null ? "" : text.strip();
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty namespaceProperty() {
        return namespace;
    }

    public StringProperty storageClassProperty() {
        return storageClass;
    }

    public ObservableList<ActionRow> actions() {
        return actions;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
