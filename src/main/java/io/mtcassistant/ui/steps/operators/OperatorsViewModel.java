package io.mtcassistant.ui.steps.operators;

import io.mtcassistant.cluster.ClusterSession;
import io.mtcassistant.common.ActivityListener;
import io.mtcassistant.compat.ClusterPlan;
import io.mtcassistant.compat.MigrationPlan;
import io.mtcassistant.install.ExistingInstall;
import io.mtcassistant.install.InstallVerification;
import io.mtcassistant.install.InstallVerifier;
import io.mtcassistant.install.MirrorAccess;
import io.mtcassistant.install.MirrorCompleteness;
import io.mtcassistant.install.MirrorResults;
import io.mtcassistant.install.UninstallPlanner;
import io.mtcassistant.install.plan.ActionPreview;
import io.mtcassistant.install.plan.ApplyResult;
import io.mtcassistant.install.plan.ChangePlan;
import io.mtcassistant.install.plan.ChangePlanApplier;
import io.mtcassistant.install.plan.ChangePlanExporter;
import io.mtcassistant.install.plan.ChangePlanPreview;
import io.mtcassistant.ui.MigrationPlanHolder;
import io.mtcassistant.ui.steps.clusters.ClustersViewModel;
import io.mtcassistant.ui.steps.clusters.ContextRow;
import io.mtcassistant.ui.steps.mirroring.MirrorFacts;
import io.mtcassistant.ui.task.BackgroundTask;
import io.mtcassistant.ui.task.TaskFailures;
import io.mtcassistant.ui.task.TaskRunner;
import io.mtcassistant.ui.wizard.StepState;
import io.mtcassistant.ui.common.DialogService;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import io.mtcassistant.compat.InstallMethod;
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
 * Step 4: a card per connected cluster with its install plan (from step 2's decision and step 3's mirror results),
 * export, install with the live state per action, verification, and uninstall confirmed by the cluster's name.
 * Engine work runs on background tasks; apply events come back through {@code fx}. Use on the FX thread.
 */
public final class OperatorsViewModel {

    static final String SOURCE = "Operators";
    static final Duration VERIFY_TIMEOUT = Duration.ofMinutes(5);

    private final ClustersViewModel clusters;
    private final MigrationPlanHolder plans;
    private final ReadOnlyObjectProperty<MirrorFacts> mirrorFacts;
    private final Supplier<MirrorAccess> mirrorAccess;
    private final TaskRunner runner;
    private final DialogService dialogs;
    private final ActivityListener activity;
    private final Executor fx;
    private final ObservableList<ClusterCard> cards = FXCollections.observableArrayList();
    private final StringProperty resultsDir = new SimpleStringProperty("");
    /** A mirror archive to read the legacy operator's files from instead of the mirror registry; blank for the registry. */
    private final StringProperty legacyArchive = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper legacyClusters = new ReadOnlyBooleanWrapper(false);
    private final StringProperty mtcVersion = new SimpleStringProperty("");
    private final BooleanProperty disableDefaultSources = new SimpleBooleanProperty(true);
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<StepState> stepState = new ReadOnlyObjectWrapper<>(StepState.NOT_STARTED);
    private MirrorResults mirror;

    /**
     * @param mirrorAccess how to read the mirror registry (the Mirroring step's registry, credentials and CA), for the
     *                     completeness check and the legacy operator's files
     */
    public OperatorsViewModel(ClustersViewModel clusters, MigrationPlanHolder plans, ReadOnlyObjectProperty<MirrorFacts> mirrorFacts,
                              Supplier<MirrorAccess> mirrorAccess, TaskRunner runner, DialogService dialogs,
                              ActivityListener activity, Executor fx) {
        this.clusters = clusters;
        this.plans = plans;
        this.mirrorFacts = mirrorFacts;
        this.mirrorAccess = mirrorAccess;
        this.runner = runner;
        this.dialogs = dialogs;
        this.activity = activity;
        this.fx = fx;
    }

    /** The page is shown: cards for step 2's plan and its connected clusters; the results folder from step 3 if any. */
    public void arrive() {
        MigrationPlan plan = plans.readyPlan();
        if (plan == null) {
            cards.clear();
            notice.set("Finish step 2 (Compatibility) first: this page installs the MTC version and method it decided.");
            return;
        }
        MirrorFacts facts = mirrorFacts.get();
        if (facts != null && facts.resultsDir() != null && resultsDir.get().isBlank()) {
            resultsDir.set(facts.resultsDir().toString());
        }
        legacyClusters.set(plan.clusters().stream().anyMatch(c -> c.install() != null
                && c.install().method() == InstallMethod.LEGACY_OPERATOR));
        if (legacyClusters.get() && facts != null && facts.archiveDir() != null && legacyArchive.get().isBlank()) {
            legacyArchive.set(facts.archiveDir().toString());
        }
        notice.set(resultsDir.get().isBlank()
                ? "No mirror run in this session: choose the mirror results folder (ours, oc-mirror's results-*, or"
                + " oc adm catalog mirror's manifests-*)."
                : "");
        if (!sameClusters(plan)) {
            cards.clear();
            for (ClusterPlan cluster : plan.clusters()) {
                session(cluster.context()).ifPresent(session -> cards.add(new ClusterCard(cluster, session)));
            }
        }
        if (!resultsDir.get().isBlank() && mirror == null) {
            readResults();
        }
    }

    private boolean sameClusters(MigrationPlan plan) {
        return cards.stream().map(c -> c.decision()).toList().equals(plan.clusters().stream()
                .filter(c -> session(c.context()).isPresent()).toList());
    }

    private Optional<ClusterSession> session(String context) {
        return clusters.assigned().stream().filter(row -> row.name().equals(context)).map(ContextRow::session)
                .filter(s -> s != null).findFirst();
    }

    public void chooseResultsFolder() {
        Path initial = resultsDir.get().isBlank() ? null : Path.of(resultsDir.get());
        dialogs.chooseFolder("Mirror results folder", initial).ifPresent(dir -> {
            resultsDir.set(dir.toString());
            notice.set("");
            readResults();
        });
    }

    public void chooseLegacyArchive() {
        Path initial = legacyArchive.get().isBlank() ? null : Path.of(legacyArchive.get().trim());
        dialogs.chooseFolder("Mirror archive with the legacy operator image", initial)
                .ifPresent(dir -> legacyArchive.set(dir.toString()));
    }

    /** Reads the results folder and suggests the exact version from the mirrored images' tags. */
    public void readResults() {
        problem.set("");
        String dir = resultsDir.get().trim();
        if (dir.isEmpty()) {
            problem.set("Choose the mirror results folder first.");
            return;
        }
        try {
            mirror = MirrorResults.read(Path.of(dir));
        } catch (IllegalArgumentException e) {
            mirror = null;
            problem.set("Mirror results " + dir + ": " + e.getMessage());
            return;
        }
        MigrationPlan plan = plans.readyPlan();
        if (plan != null && mtcVersion.get().isBlank()) {
            ClusterInstallPlanner.suggestedVersion(mirror, plan.mtcVersion().toString()).ifPresent(mtcVersion::set);
        }
    }

    /** Builds every card's plan and its preview against the cluster (diffs for patches). */
    public void planAll() {
        if (mirror == null) {
            readResults();
            if (mirror == null) {
                return;
            }
        }
        cards.forEach(this::plan);
    }

    void plan(ClusterCard card) {
        MirrorResults results = mirror;
        String version = mtcVersion.get().trim();
        boolean disable = disableDefaultSources.get();
        MirrorAccess access = mirrorAccess.get();
        Path archive = legacyArchive.get().isBlank() ? null : Path.of(legacyArchive.get().trim());
        boolean upgrade = card.upgrade;
        card.stage(ClusterCard.Stage.PLANNING);
        card.problem("");
        card.upgradeOffer("");
        card.status("Building the plan…");
        card.actions().clear();
        runner.run(BackgroundTask.of("Plan the install on " + card.context(), progress -> {
                    ChangePlan plan = ClusterInstallPlanner.plan(card.decision(), version, disable, results, access, archive,
                            card.session().client(), upgrade);
                    return new Planned(plan, ChangePlanPreview.of(plan, card.session().client()));
                })
                .onSuccess(planned -> {
                    card.plan = planned.plan();
                    planned.previews().forEach(p -> card.actions().add(new ActionRow(p)));
                    card.stage(ClusterCard.Stage.PLANNED);
                    card.status(planned.plan().title() + ": " + planned.previews().size() + " actions. Review them, then Install.");
                })
                .onFailure(error -> {
                    card.stage(ClusterCard.Stage.NO_PLAN);
                    card.status("");
                    // the missing images are the point of that message: all of its lines, not only the first
                    card.problem(error instanceof MirrorCompleteness.Incomplete ? error.getMessage() : TaskFailures.describe(error));
                    if (error instanceof ExistingInstall.Refused refused && refused.decision().upgradeOffered()) {
                        card.upgradeOffer("Upgrade to " + version);
                    }
                }));
    }

    /** The card's "Upgrade to X": plans the OLM upgrade of the older MTC on the cluster (Install then applies it). */
    public void upgrade(ClusterCard card) {
        card.upgrade = true;
        plan(card);
    }

    private record Planned(ChangePlan plan, List<ActionPreview> previews) {
    }

    /** Writes the card's plan as numbered manifests and apply.sh into a folder the admin picks. */
    public void export(ClusterCard card) {
        export(card, card.plan, "install");
    }

    public void exportUninstall(ClusterCard card) {
        export(card, card.uninstallPlan, "uninstall");
    }

    private void export(ClusterCard card, ChangePlan plan, String what) {
        if (plan == null) {
            return;
        }
        dialogs.chooseFolder("Export the " + what + " plan for " + card.context() + " (an empty or new folder)", null)
                .ifPresent(dir -> runner.run(BackgroundTask.of("Export the " + what + " plan for " + card.context(),
                                progress -> ChangePlanExporter.export(plan, dir))
                        .onSuccess(files -> {
                            card.status("Exported " + files.size() + " files to " + dir + " (review, then run "
                                    + dir.resolve(ChangePlanExporter.SCRIPT) + ")");
                            activity.success(SOURCE, card.context() + ": " + what + " plan exported to " + dir);
                        })
                        .onFailure(error -> card.problem("Export to " + dir + ": " + TaskFailures.describe(error)))));
    }

    /** Applies the plan (resuming past what the cluster already has), then verifies the pods and versions. */
    public void install(ClusterCard card) {
        ChangePlan plan = card.plan;
        if (plan == null || card.stage() == ClusterCard.Stage.INSTALLING || card.stage() == ClusterCard.Stage.VERIFYING) {
            return;
        }
        String version = mtcVersion.get().trim();
        card.stage(ClusterCard.Stage.INSTALLING);
        card.problem("");
        card.checks().clear();
        card.consoleUrl("");
        card.status("Installing…");
        activity.info(SOURCE, card.context() + ": " + plan.title() + " started");
        card.startedNanos = System.nanoTime();
        long start = card.startedNanos;
        runner.run(BackgroundTask.of("Install MTC on " + card.context(), progress -> {
                    ApplyResult result = new ChangePlanApplier(card.session().client()).apply(plan, outcome -> fx.execute(() -> {
                        card.actions().get(outcome.index()).update(outcome);
                        card.elapsed(seconds(System.nanoTime() - start));
                        progress.message(outcome.action().title() + ": " + outcome.state().label());
                    }));
                    if (!result.succeeded()) {
                        return new Installed(result, null);
                    }
                    fx.execute(() -> {
                        card.stage(ClusterCard.Stage.VERIFYING);
                        card.status("Applied in " + seconds(result.elapsed().toNanos()) + "; verifying the pods…");
                    });
                    return new Installed(result, InstallVerifier.await(card.session().client(), version,
                            ClusterInstallPlanner.role(card.decision()), VERIFY_TIMEOUT));
                })
                .onSuccess(installed -> {
                    ApplyResult result = installed.result();
                    result.outcomes().forEach(o -> card.actions().get(o.index()).update(o));
                    card.elapsed(seconds(result.elapsed().toNanos()));
                    if (installed.verification() == null) {
                        card.stage(ClusterCard.Stage.FAILED);
                        String failure = result.failure().map(f -> "Step " + (f.index() + 1) + " failed: " + f.message())
                                .orElse("The install did not finish.");
                        card.problem(failure + " Fix the cause, then Install again: it resumes where it stopped.");
                        card.status("");
                        activity.error(SOURCE, card.context() + ": " + failure);
                        return;
                    }
                    InstallVerification verification = installed.verification();
                    card.checks().setAll(verification.checks());
                    card.consoleUrl(verification.consoleUrl());
                    if (verification.passed()) {
                        String done = ExistingInstall.isUpgrade(plan) ? "upgraded" : "installed";
                        card.stage(ClusterCard.Stage.VERIFIED);
                        card.status(Character.toUpperCase(done.charAt(0)) + done.substring(1) + " and verified (the apply took "
                                + seconds(result.elapsed().toNanos()) + ").");
                        activity.success(SOURCE, card.context() + ": MTC " + version + " " + done + " and verified");
                    } else {
                        card.stage(ClusterCard.Stage.FAILED);
                        card.status("");
                        card.problem("Applied, but the verification did not pass: see the checks below.");
                        activity.warning(SOURCE, card.context() + ": installed, verification did not pass");
                    }
                    updateStepState();
                })
                .onFailure(error -> {
                    card.stage(ClusterCard.Stage.FAILED);
                    card.status("");
                    card.problem(TaskFailures.describe(error));
                    updateStepState();
                }));
    }

    private record Installed(ApplyResult result, InstallVerification verification) {
    }

    /** Finds on the cluster exactly what Uninstall would delete (procedure 7.6's selectors). */
    public void planUninstall(ClusterCard card) {
        card.deletions().clear();
        card.uninstallActions().clear();
        card.uninstallPlan = null;
        card.uninstallStatus("Looking for what MTC put on the cluster…");
        runner.run(BackgroundTask.of("List what uninstall deletes on " + card.context(),
                        progress -> UninstallPlanner.plan(card.context(), card.session().client()))
                .onSuccess(plan -> {
                    card.uninstallPlan = plan;
                    card.deletions().setAll(UninstallPlanner.deletions(plan));
                    ChangePlanPreview.of(plan).forEach(p -> card.uninstallActions().add(new ActionRow(p)));
                    card.uninstallStatus(plan.actions().isEmpty() ? "Nothing of MTC was found on " + card.context() + "."
                            : "Uninstall deletes these " + plan.actions().size() + " objects. Type " + card.context()
                            + " to confirm.");
                })
                .onFailure(error -> card.uninstallStatus("Could not list what to delete: " + TaskFailures.describe(error))));
    }

    /** Deletes what {@link #planUninstall} listed, only when the typed confirmation is the cluster's name. */
    public void uninstall(ClusterCard card) {
        ChangePlan plan = card.uninstallPlan;
        if (plan == null || !card.context().equals(card.confirmationProperty().get().trim()) || card.uninstallingProperty().get()) {
            return;
        }
        card.uninstalling(true);
        card.uninstallStatus("Deleting…");
        activity.warning(SOURCE, card.context() + ": uninstall started (" + plan.actions().size() + " objects)");
        runner.run(BackgroundTask.of("Uninstall MTC from " + card.context(), progress -> new ChangePlanApplier(
                        card.session().client()).apply(plan, outcome -> fx.execute(() -> card.uninstallActions().get(outcome.index())
                        .update(outcome))))
                .onSuccess(result -> {
                    result.outcomes().forEach(o -> card.uninstallActions().get(o.index()).update(o));
                    card.uninstallStatus(result.succeeded() ? "Uninstalled in " + seconds(result.elapsed().toNanos()) + "."
                            : result.failure().map(f -> "Failed at " + f.action().target() + ": " + f.message()).orElse("Failed."));
                    if (result.succeeded()) {
                        card.stage(card.plan == null ? ClusterCard.Stage.NO_PLAN : ClusterCard.Stage.PLANNED);
                        card.checks().clear();
                        card.actions().forEach(row -> row.update(io.mtcassistant.install.plan.ActionOutcome.waiting(row.number() - 1,
                                card.plan.actions().get(row.number() - 1))));
                    }
                    card.confirmationProperty().set("");
                    updateStepState();
                })
                .onFailure(error -> card.uninstallStatus("Uninstall failed: " + TaskFailures.describe(error)))
                .onFinally(() -> card.uninstalling(false)));
    }

    /** Called about once a second by the page: the running installs' elapsed time moves on between events. */
    public void tick() {
        long now = System.nanoTime();
        cards.stream().filter(c -> c.stage() == ClusterCard.Stage.INSTALLING || c.stage() == ClusterCard.Stage.VERIFYING)
                .forEach(c -> c.elapsed(seconds(now - c.startedNanos)));
    }

    private void updateStepState() {
        if (cards.isEmpty()) {
            stepState.set(StepState.NOT_STARTED);
        } else if (cards.stream().allMatch(c -> c.stage() == ClusterCard.Stage.VERIFIED)) {
            stepState.set(StepState.DONE);
        } else if (cards.stream().anyMatch(c -> c.stage() == ClusterCard.Stage.FAILED || c.stage() == ClusterCard.Stage.VERIFIED)) {
            // some clusters are done, or one failed: the admin has more to do here
            stepState.set(StepState.NEEDS_ATTENTION);
        }
    }

    private static String seconds(long nanos) {
        return String.format("%.1f s", nanos / 1e9);
    }

    public ObservableList<ClusterCard> cards() {
        return cards;
    }

    public StringProperty resultsDirProperty() {
        return resultsDir;
    }

    public StringProperty legacyArchiveProperty() {
        return legacyArchive;
    }

    /** True when step 2's plan installs the legacy operator on a cluster (the archive field matters then). */
    public ReadOnlyBooleanProperty legacyClustersProperty() {
        return legacyClusters.getReadOnlyProperty();
    }

    public StringProperty mtcVersionProperty() {
        return mtcVersion;
    }

    public BooleanProperty disableDefaultSourcesProperty() {
        return disableDefaultSources;
    }

    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<StepState> stepStateProperty() {
        return stepState.getReadOnlyProperty();
    }
}
