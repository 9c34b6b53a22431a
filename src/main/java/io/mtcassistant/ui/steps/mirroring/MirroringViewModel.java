package io.mtcassistant.ui.steps.mirroring;

import io.mtcassistant.common.ActivityListener;
import io.mtcassistant.compat.MigrationPlan;
import io.mtcassistant.mirror.session.ImageRow;
import io.mtcassistant.mirror.session.MirrorMode;
import io.mtcassistant.mirror.session.MirrorSetup;
import io.mtcassistant.mirror.session.MirroringSession;
import io.mtcassistant.mirror.session.ProgressSnapshot;
import io.mtcassistant.mirror.session.ProgressTracker;
import io.mtcassistant.mirror.session.RunCounts;
import io.mtcassistant.mirror.session.RunRecord;
import io.mtcassistant.ui.MigrationPlanHolder;
import io.mtcassistant.ui.common.DialogService;
import io.mtcassistant.ui.task.BackgroundTask;
import io.mtcassistant.ui.task.TaskFailures;
import io.mtcassistant.ui.task.TaskRunner;
import io.mtcassistant.ui.wizard.StepState;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Step 3: choose what to mirror and where (pre-filled from the Compatibility step), see the plan with every image and
 * why it is needed, run it with progress, pause, cancel and resume, and get the results folder. The engine work runs
 * through the {@link TaskRunner}; its progress is collected by a {@link ProgressTracker} and read by a
 * {@link ProgressTicker} at a few updates per second. Every method is called on the FX thread.
 */
public final class MirroringViewModel implements AutoCloseable {

    static final String SOURCE = "Mirroring";

    /** Where the page stands. */
    public enum Phase { SETUP, PLANNING, PLANNED, RUNNING, STOPPING, PAUSED, CANCELLED, FAILED, DONE }

    private enum StopKind { NONE, PAUSE, CANCEL }

    /** The outcome of the run plus the results folder's files, read off the FX thread. */
    private record RunResult(MirroringSession.Outcome outcome, List<ResultFile> files) {
    }

    private final MigrationPlanHolder plans;
    private final TaskRunner runner;
    private final DialogService dialogs;
    private final ActivityListener activity;
    private final boolean demo;
    private final ProgressTracker tracker = new ProgressTracker();
    private final MirroringSession session;
    private final RunRecord record;
    private final Executor recordWriter;
    private final ProgressTicker ticker;

    private final ObjectProperty<MirrorMode> mode = new SimpleObjectProperty<>(MirrorMode.MIRROR_TO_ARCHIVE);
    private final StringProperty indexImage = new SimpleStringProperty("");
    private final StringProperty channel = new SimpleStringProperty("");
    private final BooleanProperty legacyOperator = new SimpleBooleanProperty(false);
    private final StringProperty registry = new SimpleStringProperty("");
    private final StringProperty username = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final StringProperty caFile = new SimpleStringProperty("");
    private final BooleanProperty insecure = new SimpleBooleanProperty(false);
    private final StringProperty archiveDir = new SimpleStringProperty("");
    private final StringProperty resultsDir = new SimpleStringProperty("");

    private final ReadOnlyObjectWrapper<Phase> phase = new ReadOnlyObjectWrapper<>(Phase.SETUP);
    private final ReadOnlyStringWrapper fromCompatibility = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper registryProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper commonCause = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper interrupted = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper planSummary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper diskText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper("");
    private final ReadOnlyDoubleWrapper fraction = new ReadOnlyDoubleWrapper(0);
    private final ObservableList<ImageRow> rows = FXCollections.observableArrayList();
    private final ObservableList<ResultFile> results = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<MirrorFacts> facts = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<StepState> stepState = new ReadOnlyObjectWrapper<>(StepState.NOT_STARTED);

    private MirroringSession.Planned planned;
    // The engine's count of the last finished run; once there, the screen shows it instead of the live tracker.
    private RunCounts finalCounts;
    private StopKind stopKind = StopKind.NONE;
    // True once the admin changed a field (or a run was restored): step 2 no longer fills the fields in.
    private boolean edited;
    private boolean resumeAfterPlan;
    // Field changes made by the view model itself (prefill, restore) must not count as the admin's edits.
    private boolean applying;

    /**
     * @param cacheDir    where the demo content is generated and the catalog is filtered
     * @param defaultBase where the archive and results folders go unless the admin picks others
     * @param recordFile  the last run's setup, for resuming after a restart
     * @param recordWriter writes the record off the FX thread, in order (the app's settings writer)
     */
    public MirroringViewModel(MigrationPlanHolder plans, TaskRunner runner, DialogService dialogs, ActivityListener activity,
                              boolean demo, Path cacheDir, Path defaultBase, Path recordFile, Executor recordWriter,
                              ProgressTicker ticker) {
        this.plans = plans;
        this.runner = runner;
        this.dialogs = dialogs;
        this.activity = activity;
        this.demo = demo;
        this.session = new MirroringSession(cacheDir, demo, tracker);
        this.record = new RunRecord(recordFile);
        this.recordWriter = recordWriter;
        this.ticker = ticker;
        applying = true;
        indexImage.set(demo ? MirroringSession.demoIndexImage() : "");
        archiveDir.set(defaultBase.resolve("archive").toString());
        resultsDir.set(defaultBase.resolve("results").toString());
        applying = false;
        for (Observable field : List.of(mode, indexImage, channel, legacyOperator, registry, username, password, caFile, insecure,
                archiveDir, resultsDir)) {
            field.addListener(o -> setupChanged());
        }
        registry.addListener(o -> checkRegistryField());
        mode.addListener(o -> checkRegistryField());
        record.unfinished().ifPresent(this::offerResume);
    }

    // ---- arriving and the compatibility plan ----------------------------------------------------------------------

    /** The page is shown: takes the MTC version, channel and legacy operator from step 2 unless the admin chose already. */
    public void arrive() {
        MigrationPlan plan = plans.readyPlan();
        if (plan == null) {
            fromCompatibility.set("Step 2 (Compatibility) has no ready plan yet: choose the channel yourself, or finish step 2 "
                    + "to fill it in.");
            return;
        }
        MirrorNeeds needs = MirrorNeeds.of(plan, demo, indexImage.get());
        fromCompatibility.set(needs.summary());
        if (edited || busy() || phase.get() == Phase.DONE) {
            return;
        }
        if (needs.channel().equals(channel.get()) && needs.legacyOperator() == legacyOperator.get()
                && needs.indexImage().equals(indexImage.get())) {
            return;
        }
        applying = true;
        channel.set(needs.channel());
        legacyOperator.set(needs.legacyOperator());
        indexImage.set(needs.indexImage());
        applying = false;
        if (planned != null) {
            clearPlan("Step 2 changed what is needed: plan again.");
        }
    }

    private void setupChanged() {
        if (applying) {
            return;
        }
        edited = true;
        if (phase.get() == Phase.SETUP) {
            // A plan's complaint was about the settings as they were.
            problem.set("");
        }
        if (phase.get() == Phase.PLANNED || phase.get() == Phase.FAILED && planned != null) {
            clearPlan("The settings changed: plan again to see what will be mirrored.");
        }
    }

    private void clearPlan(String why) {
        planned = null;
        clearRunState();
        phase.set(Phase.SETUP);
        message.set(why);
        refresh();
    }

    /** Forgets the last plan's and run's numbers and results: a new plan starts from nothing (issue 16, point 5). */
    private void clearRunState() {
        rows.clear();
        results.clear();
        facts.set(null);
        planSummary.set("");
        diskText.set("");
        progressText.set("");
        commonCause.set("");
        fraction.set(0);
        finalCounts = null;
        tracker.reset(List.of());
    }

    /** Checks the registry field as it is typed; the message goes under the field and goes away when it no longer applies. */
    private void checkRegistryField() {
        registryProblem.set(mode.get() != null && mode.get().needsRegistry()
                ? MirrorSetup.registryProblem(registry.get()).orElse("") : "");
    }

    private void offerResume(MirrorSetup setup) {
        applySetup(setup);
        interrupted.set("A mirror run (" + setup.mode().label() + ") did not finish the last time the app ran. Resume continues "
                + "where it stopped; what was copied is kept." + (setup.username().isEmpty() ? "" : " Type the password again first."));
    }

    private void applySetup(MirrorSetup setup) {
        applying = true;
        edited = true;
        mode.set(setup.mode());
        indexImage.set(setup.indexImage());
        channel.set(setup.channel() == null ? "" : setup.channel());
        legacyOperator.set(setup.legacyOperator());
        registry.set(setup.registry());
        username.set(setup.username());
        caFile.set(setup.caFile() == null ? "" : setup.caFile().toString());
        insecure.set(setup.insecure());
        archiveDir.set(setup.archiveDir() == null ? "" : setup.archiveDir().toString());
        resultsDir.set(setup.resultsDir() == null ? "" : setup.resultsDir().toString());
        applying = false;
    }

    /**
     * Demo mode: mirror into the simulation's own mirror registry by default (the one both simulated clusters pull
     * from), so Install on the Operators step works after a demo mirror run. Changes nothing the admin already typed.
     */
    public void useDemoMirror(String endpoint, Path caFileOfMirror) {
        if (!demo || !registry.get().isBlank()) {
            return;
        }
        // a default, not the admin's edit: step 2's channel still fills in on arrival
        applying = true;
        mode.set(MirrorMode.MIRROR_TO_MIRROR);
        registry.set(endpoint);
        caFile.set(caFileOfMirror.toString());
        applying = false;
    }

    public MirrorSetup currentSetup() {
        return new MirrorSetup(mode.get(), indexImage.get(), channel.get().isBlank() ? null : channel.get().trim(), legacyOperator.get(),
                mode.get().needsRegistry() ? registry.get() : "", username.get(), password.get(), path(caFile.get()), insecure.get(),
                mode.get() == MirrorMode.MIRROR_TO_MIRROR ? null : path(archiveDir.get()), path(resultsDir.get()));
    }

    private static Path path(String text) {
        return text == null || text.isBlank() ? null : Path.of(text.trim()).toAbsolutePath().normalize();
    }

    // ---- plan ------------------------------------------------------------------------------------------------------

    /** Reads the source and shows every image that will be mirrored, why, the total size and the disk check. */
    public void plan() {
        if (busy()) {
            return;
        }
        MirrorSetup setup = currentSetup();
        problem.set("");
        message.set("");
        if (!registryProblem.get().isEmpty()) {
            // A typing mistake: the field already says what is wrong; nothing to log.
            message.set("Correct the mirror registry first: " + registryProblem.get());
            return;
        }
        planned = null;
        clearRunState();
        phase.set(Phase.PLANNING);
        activity.info(SOURCE, (demo ? "Reading the synthetic demo catalog" : "Reading " + (setup.mode().readsArchive()
                ? "the archive " + setup.archiveDir() : setup.indexImage())) + " to plan the mirror…");
        runner.run(BackgroundTask.of("Plan the mirror", progress -> session.plan(setup))
                .onSuccess(result -> {
                    rows.setAll(result.rows());
                    java.util.Map<String, Long> byReason = new java.util.LinkedHashMap<>();
                    result.rows().forEach(r -> byReason.merge(r.purpose(), 1L, Long::sum));
                    planSummary.set(result.rows().size() + " images, " + Sizes.bytes(result.totalBytes()) + " in total"
                            + (demo ? " (synthetic demo content, not Red Hat images)" : "") + ": "
                            + String.join(", ", byReason.entrySet().stream().map(e -> e.getValue() + " × " + e.getKey()).toList()));
                    diskText.set(MirrorProgressText.disk(result.disk()));
                    if (result.registryProblem() != null) {
                        resumeAfterPlan = false;
                        phase.set(Phase.SETUP);
                        problem.set("The mirror registry did not answer: " + result.registryProblem() + ". Nothing can be "
                                + "copied there; correct the registry (or its CA or TLS choice) and plan again.");
                        activity.warning(SOURCE, "Plan: the mirror registry did not answer: " + result.registryProblem());
                        return;
                    }
                    planned = result;
                    phase.set(Phase.PLANNED);
                    activity.success(SOURCE, "Plan ready: " + result.rows().size() + " images, " + Sizes.bytes(result.totalBytes()) + ".");
                    if (resumeAfterPlan) {
                        resumeAfterPlan = false;
                        start();
                    }
                })
                .onFailure(error -> {
                    resumeAfterPlan = false;
                    planned = null;
                    phase.set(Phase.SETUP);
                    problem.set("The plan could not be made: " + TaskFailures.describe(error));
                    TaskFailures.report("Plan the mirror", error, activity);
                })
                .onFinally(this::refresh));
    }

    // ---- run, pause, cancel, resume ---------------------------------------------------------------------------------

    /** Runs the plan; images finished in an earlier (stopped) run are kept and not copied again. */
    public void start() {
        if (planned == null || busy()) {
            return;
        }
        if (planned.disk() != null && !planned.disk().enough()) {
            problem.set(MirrorProgressText.disk(planned.disk()) + " Free some space or choose another archive folder, then plan again.");
            return;
        }
        MirroringSession.Planned toRun = planned;
        problem.set("");
        message.set("");
        interrupted.set("");
        results.clear();
        facts.set(null);
        commonCause.set("");
        finalCounts = null;
        stopKind = StopKind.NONE;
        phase.set(Phase.RUNNING);
        tracker.reset(toRun.rows());
        refreshProgress();
        saveRecord(toRun.setup(), RunRecord.Status.RUNNING);
        activity.info(SOURCE, "Mirroring " + toRun.rows().size() + " images: " + toRun.setup().mode().label() + "…");
        ticker.start(this::refreshProgress);
        runner.run(BackgroundTask.<RunResult>of("Mirror the images", progress -> {
                    MirroringSession.Outcome outcome = session.run(toRun);
                    return new RunResult(outcome, ResultFile.readAll(outcome.files()));
                })
                .onSuccess(result -> finished(toRun, result))
                .onFailure(error -> {
                    saveRecord(toRun.setup(), RunRecord.Status.STOPPED);
                    if (error instanceof java.util.concurrent.CancellationException) {
                        // Cancelled from the window's task bar: the engine stops like Cancel here.
                        session.stop();
                        phase.set(Phase.CANCELLED);
                        message.set("Cancelled. What was copied is kept; Resume skips it.");
                        activity.warning(SOURCE, "Mirror run cancelled.");
                        return;
                    }
                    phase.set(Phase.FAILED);
                    problem.set("The mirror run failed: " + TaskFailures.describe(error) + " Resume runs it again and keeps what "
                            + "was copied.");
                    TaskFailures.report("Mirror the images", error, activity);
                })
                .onFinally(() -> {
                    ticker.stop();
                    refreshProgress();
                    refresh();
                }));
    }

    private void finished(MirroringSession.Planned run, RunResult result) {
        MirroringSession.Outcome outcome = result.outcome();
        refreshProgress();
        results.setAll(result.files());
        ProgressSnapshot snapshot = tracker.snapshot();
        String counts = snapshot.succeeded() + " of " + snapshot.rows().size() + " images done";
        if (outcome.counts() != null && !outcome.stopped()) {
            finalCounts = outcome.counts();
            progressText.set(MirrorProgressText.finished(finalCounts));
        }
        if (outcome.ok()) {
            phase.set(Phase.DONE);
            saveRecord(run.setup(), RunRecord.Status.FINISHED);
            facts.set(new MirrorFacts(outcome.catalogImage(), outcome.catalogDigest(), outcome.legacyOperatorImage(),
                    outcome.catalogSourceFile(), outcome.resultsDir(), outcome.archiveDir()));
            message.set("Finished: " + counts + ". " + (outcome.archiveDir() != null
                    ? "Carry the folder " + outcome.archiveDir() + " across the air gap and run Archive → mirror registry there."
                    : "The results folder has what the clusters need."));
            activity.success(SOURCE, "Mirror run finished: " + counts + "; results in " + outcome.resultsDir());
            return;
        }
        saveRecord(run.setup(), RunRecord.Status.STOPPED);
        if (outcome.stopped()) {
            boolean paused = stopKind == StopKind.PAUSE;
            phase.set(paused ? Phase.PAUSED : Phase.CANCELLED);
            message.set((paused ? "Paused: " : "Cancelled: ") + counts + ". What was copied is kept; "
                    + (paused ? "Resume continues from there." : "Start again skips it."));
            activity.warning(SOURCE, "Mirror run " + (paused ? "paused" : "cancelled") + ": " + counts + ".");
            return;
        }
        phase.set(Phase.FAILED);
        String cause = outcome.counts() != null && outcome.counts().commonCause() != null ? outcome.counts().commonCause()
                : RunCounts.commonCause(snapshot.rows()).orElse(null);
        if (cause != null) {
            commonCause.set(cause);
            problem.set("Every image failed for the same reason: " + cause + ". Fix that, then Resume: what was copied is kept.");
            activity.error(SOURCE, "Mirror run failed: " + outcome.failed() + " image(s), all for one reason: " + cause);
            return;
        }
        problem.set(outcome.failed() + " of " + snapshot.rows().size() + " images failed; the table says why for each. Fix the "
                + "cause and Resume: what was copied is kept.");
        activity.error(SOURCE, "Mirror run finished with " + outcome.failed() + " failed image(s).");
    }

    /** Finishes the blobs that are being copied, then stops; Resume continues. */
    public void pause() {
        stop(StopKind.PAUSE);
    }

    /** Stops like pause; meant as "not now" (what was copied is still kept). */
    public void cancel() {
        stop(StopKind.CANCEL);
    }

    private void stop(StopKind kind) {
        if (phase.get() != Phase.RUNNING) {
            return;
        }
        stopKind = kind;
        phase.set(Phase.STOPPING);
        message.set("Stopping: the blobs being copied finish first…");
        session.stop();
        refresh();
    }

    /** Continues a paused, cancelled, failed or interrupted run (planning first when the app was restarted). */
    public void resume() {
        if (busy()) {
            return;
        }
        if (planned == null) {
            resumeAfterPlan = true;
            plan();
            return;
        }
        start();
    }

    /** Reads the tracker (called by the ticker a few times a second, and once at the end). */
    public void refreshProgress() {
        ProgressSnapshot snapshot = tracker.snapshot();
        if (snapshot.rows().isEmpty()) {
            return;
        }
        if (!snapshot.rows().equals(rows)) {
            rows.setAll(snapshot.rows());
        }
        fraction.set(snapshot.fraction());
        if (finalCounts != null) {
            progressText.set(MirrorProgressText.finished(finalCounts));
            return;
        }
        progressText.set(MirrorProgressText.live(snapshot, phase.get() == Phase.RUNNING || phase.get() == Phase.STOPPING));
    }

    /** Whether Plan can run now: not busy and no field with a typing mistake. */
    public boolean canPlan() {
        return !busy() && registryProblem.get().isEmpty();
    }

    // ---- results -------------------------------------------------------------------------------------------------

    public void copy(ResultFile file) {
        dialogs.copyToClipboard(file.text());
        message.set(file.name() + " is on the clipboard.");
    }

    public void openResultsFolder() {
        Path folder = facts.get() != null ? facts.get().resultsDir() : path(resultsDir.get());
        if (folder == null) {
            return;
        }
        if (!dialogs.openFolder(folder)) {
            message.set("Open this folder in your file manager: " + folder);
        }
    }

    public void chooseArchiveFolder() {
        dialogs.chooseFolder("Choose the archive folder", path(archiveDir.get())).ifPresent(p -> archiveDir.set(p.toString()));
    }

    public void chooseResultsFolder() {
        dialogs.chooseFolder("Choose the results folder", path(resultsDir.get())).ifPresent(p -> resultsDir.set(p.toString()));
    }

    public void chooseCaFile() {
        dialogs.chooseCaFile(path(caFile.get()) == null ? null : path(caFile.get()).getParent())
                .ifPresent(p -> caFile.set(p.toString()));
    }

    /**
     * Also hands the engine's events (on its worker threads) to this listener: for a log of every image, or a test
     * that must act while a run is in a given state.
     */
    public void observeTransfers(io.mtcassistant.mirror.engine.TransferListener listener) {
        tracker.alsoNotify(listener);
    }

    private boolean busy() {
        return phase.get() == Phase.PLANNING || phase.get() == Phase.RUNNING || phase.get() == Phase.STOPPING;
    }

    private void refresh() {
        stepState.set(switch (phase.get()) {
            case DONE -> StepState.DONE;
            case FAILED, PAUSED, CANCELLED -> StepState.NEEDS_ATTENTION;
            default -> StepState.NOT_STARTED;
        });
    }

    private void saveRecord(MirrorSetup setup, RunRecord.Status status) {
        try {
            recordWriter.execute(() -> record.save(setup, status));
        } catch (RejectedExecutionException e) {
            // The writer is shut down only when the app stops: no window is left to freeze, so write here.
            record.save(setup, status);
        }
    }

    @Override
    public void close() {
        ticker.stop();
        session.close();
    }

    // ---- properties --------------------------------------------------------------------------------------------------

    public boolean demo() {
        return demo;
    }

    public ObjectProperty<MirrorMode> modeProperty() {
        return mode;
    }

    public StringProperty indexImageProperty() {
        return indexImage;
    }

    public StringProperty channelProperty() {
        return channel;
    }

    public BooleanProperty legacyOperatorProperty() {
        return legacyOperator;
    }

    public StringProperty registryProperty() {
        return registry;
    }

    public StringProperty usernameProperty() {
        return username;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public StringProperty caFileProperty() {
        return caFile;
    }

    public BooleanProperty insecureProperty() {
        return insecure;
    }

    public StringProperty archiveDirProperty() {
        return archiveDir;
    }

    public StringProperty resultsDirProperty() {
        return resultsDir;
    }

    public ReadOnlyObjectProperty<Phase> phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    public Phase phase() {
        return phase.get();
    }

    /** What step 2 decided, in one line (empty before the page was shown). */
    public ReadOnlyStringProperty fromCompatibilityProperty() {
        return fromCompatibility.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** What is wrong with the registry field as typed; empty when nothing is (shown under the field). */
    public ReadOnlyStringProperty registryProblemProperty() {
        return registryProblem.getReadOnlyProperty();
    }

    /** The one reason every failed image gave, said once above the table; empty otherwise. */
    public ReadOnlyStringProperty commonCauseProperty() {
        return commonCause.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Set when the last run of an earlier app session did not finish. */
    public ReadOnlyStringProperty interruptedProperty() {
        return interrupted.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty planSummaryProperty() {
        return planSummary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty diskTextProperty() {
        return diskText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty fractionProperty() {
        return fraction.getReadOnlyProperty();
    }

    public ObservableList<ImageRow> rows() {
        return rows;
    }

    public ObservableList<ResultFile> results() {
        return results;
    }

    /** What the later steps need; null until a run finished. */
    public ReadOnlyObjectProperty<MirrorFacts> factsProperty() {
        return facts.getReadOnlyProperty();
    }

    public MirrorFacts facts() {
        return facts.get();
    }

    public Optional<MirroringSession.Planned> planned() {
        return Optional.ofNullable(planned);
    }

    public ReadOnlyObjectProperty<StepState> stepStateProperty() {
        return stepState.getReadOnlyProperty();
    }
}
