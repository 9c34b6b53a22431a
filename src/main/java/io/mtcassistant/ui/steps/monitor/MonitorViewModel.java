package io.mtcassistant.ui.steps.monitor;

import io.mtcassistant.monitor.ActionCheck;
import io.mtcassistant.monitor.ActionRequest;
import io.mtcassistant.monitor.FeedStatus;
import io.mtcassistant.monitor.MigrationActions;
import io.mtcassistant.monitor.MigrationReport;
import io.mtcassistant.monitor.MigrationState;
import io.mtcassistant.monitor.MigrationView;
import io.mtcassistant.monitor.MonitorModel;
import io.mtcassistant.monitor.MonitorSnapshot;
import io.mtcassistant.monitor.MonitorUpdate;
import io.mtcassistant.monitor.ObjectsFile;
import io.mtcassistant.monitor.PlanView;
import io.mtcassistant.monitor.VolumeProgress;
import io.mtcassistant.plans.PlanChangeRules;
import io.mtcassistant.ui.wizard.StepState;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
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
import javafx.collections.transformation.FilteredList;

/**
 * The Monitor step's state on the FX thread. Watcher updates arrive on a background thread, already modelled;
 * only the newest one is handed to the FX thread, and only when the previous hand-over has run, so a burst never
 * queues up work on the FX thread.
 */
public final class MonitorViewModel {

    /** The plans-list filter. */
    public enum Filter { ALL, RUNNING, FAILED, SUCCEEDED, NOT_READY }

    private static final int RATE_SAMPLES = 60;
    /** Up to this many changed plans are replaced one by one in the list, more all at once. */
    private static final int SINGLE_REPLACEMENTS = 20;
    static final String OPENED_FROM_FILE = "opened from a file: actions need the cluster";

    private final Supplier<Optional<MonitorService>> services;
    private final BiConsumer<String, String> notifier;
    private final AtomicReference<MonitorUpdate> pending = new AtomicReference<>();
    private final AtomicBoolean handOverScheduled = new AtomicBoolean();
    private final ObservableList<PlanView> plans = FXCollections.observableArrayList();
    private final FilteredList<PlanView> shownPlans = new FilteredList<>(plans);
    private final StringProperty search = new SimpleStringProperty("");
    private final ObjectProperty<Filter> filter = new SimpleObjectProperty<>(Filter.ALL);
    private final ObjectProperty<MonitorSnapshot> snapshot = new SimpleObjectProperty<>(MonitorSnapshot.empty(Instant.now()));
    private final ObjectProperty<FeedStatus> feed = new SimpleObjectProperty<>(FeedStatus.connecting());
    private final ReadOnlyStringWrapper feedText = new ReadOnlyStringWrapper("Not watching");
    private final StringProperty selectedPlan = new SimpleStringProperty();
    private final StringProperty selectedMigration = new SimpleStringProperty();
    private final ObjectProperty<ActionRequest> confirming = new SimpleObjectProperty<>();
    private final ObjectProperty<PlanChangeQuestion> confirmingChange = new SimpleObjectProperty<>();
    private final BooleanProperty quiesce = new SimpleBooleanProperty(true);
    private final ReadOnlyStringWrapper actionMessage = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper sourceNote = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Path> openedFile = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<StepState> stepState = new ReadOnlyObjectWrapper<>(StepState.NOT_STARTED);
    private final Map<String, Deque<Double>> rates = new HashMap<>();
    private final Map<String, MigrationState> lastStates = new HashMap<>();
    private MonitorService service;
    private AutoCloseable watch;
    private boolean firstUpdate = true;

    /**
     * @param services the control cluster's monitor service, when connected
     * @param notifier shows an in-app notification (title, text)
     */
    public MonitorViewModel(Supplier<Optional<MonitorService>> services, BiConsumer<String, String> notifier) {
        this.services = services;
        this.notifier = notifier;
        search.addListener((obs, old, text) -> refilter());
        // a question or an outcome belongs to the plan it was about
        selectedPlan.addListener((obs, old, plan) -> {
            confirming.set(null);
            confirmingChange.set(null);
            actionMessage.set("");
        });
        filter.addListener((obs, old, f) -> refilter());
    }

    /** The admin opened the step: start watching the control cluster (kept until the admin leaves). */
    public void arrive() {
        if (watch != null || openedFile.get() != null) {
            return;
        }
        Optional<MonitorService> available = services.get();
        if (available.isEmpty()) {
            feedText.set("Connect the target (control) cluster in step 1 to watch its migrations.");
            sourceNote.set("");
            return;
        }
        service = available.get();
        sourceNote.set(service.note());
        feedText.set("Connecting...");
        watch = service.watch(this::offer);
    }

    /**
     * The cluster the page watches (the control cluster step 2 chose, else the target), for New plan… and Edit…;
     * empty while a file is shown or nothing is connected.
     */
    public Optional<ControlCluster> controlCluster() {
        return service == null ? Optional.empty() : service.controlCluster();
    }

    /** The admin left the step: stop watching. */
    public void leave() {
        if (watch != null) {
            try {
                watch.close();
            } catch (Exception e) {
                // stopping a watch cannot fail in a way the admin can act on
            }
            watch = null;
        }
    }

    /**
     * Shows the objects in a file (what `oc get migplan,migmigration -o json|yaml` prints) instead of the cluster,
     * read-only, until {@link #closeFile()}. The file is read off the FX thread.
     */
    public void openFile(Path file) {
        actionMessage.set("Reading " + file + "...");
        Thread reader = new Thread(() -> {
            try {
                MonitorSnapshot read = new MonitorModel(Clock.systemUTC()).build(ObjectsFile.read(file));
                Platform.runLater(() -> showFile(file, read));
            } catch (ObjectsFile.BadObjectsFileException | RuntimeException e) {
                String problem = "Could not open the file: " + e.getMessage();
                Platform.runLater(() -> actionMessage.set(problem));
            }
        }, "monitor-open-file");
        reader.setDaemon(true);
        reader.start();
    }

    private void showFile(Path file, MonitorSnapshot read) {
        leave();
        service = null;
        openedFile.set(file);
        confirming.set(null);
        actionMessage.set("");
        sourceNote.set("Opened from the file " + file + " (read-only).");
        selectedPlan.set(null);
        selectedMigration.set(null);
        forgetHistory();
        show(new MonitorUpdate(read, FeedStatus.stopped(), 0));
    }

    /** Back from a file to the cluster. */
    public void closeFile() {
        if (openedFile.get() == null) {
            return;
        }
        openedFile.set(null);
        selectedPlan.set(null);
        selectedMigration.set(null);
        forgetHistory();
        show(new MonitorUpdate(MonitorSnapshot.empty(Instant.now()), FeedStatus.connecting(), 0));
        arrive();
    }

    /** A different source: its states are not transitions of the ones shown before, and its rates start afresh. */
    private void forgetHistory() {
        lastStates.clear();
        rates.clear();
        firstUpdate = true;
    }

    /** Called on the watcher's thread. */
    void offer(MonitorUpdate update) {
        pending.set(update);
        if (handOverScheduled.compareAndSet(false, true)) {
            Platform.runLater(this::handOver);
        }
    }

    private void handOver() {
        handOverScheduled.set(false);
        MonitorUpdate update = pending.getAndSet(null);
        if (update != null) {
            show(update);
        }
    }

    /** Applies an update on the FX thread. */
    void show(MonitorUpdate update) {
        MonitorSnapshot next = update.snapshot();
        feed.set(update.status());
        feedText.set(openedFile.get() != null ? "Read from a file: " + openedFile.get().getFileName()
                : update.status().describe(Instant.now()));
        List<MigrationView> changed = changedMigrations(snapshot.get(), next);
        notifyTransitions(changed);
        sampleRates(changed);
        replacePlans(next.plans());
        snapshot.set(next);
        stepState.set(stepState(update));
        if (selectedPlan.get() == null && !next.plans().isEmpty()) {
            selectedPlan.set(next.plans().get(0).name());
        }
        firstUpdate = false;
    }

    /**
     * The step list's word for what is on screen: not started until data arrives; needs attention while the data is
     * stale or the connection keeps failing, or when a plan's latest migration failed or is blocked; else done.
     */
    static StepState stepState(MonitorUpdate update) {
        FeedStatus status = update.status();
        boolean failing = status.stale() || status.kind() == FeedStatus.Kind.CONNECTING && status.attempts() > 0;
        if (failing) {
            return StepState.NEEDS_ATTENTION;
        }
        if (status.kind() == FeedStatus.Kind.CONNECTING) {
            return StepState.NOT_STARTED;
        }
        boolean troubled = update.snapshot().plans().stream().map(PlanView::latest).filter(m -> m != null)
                .anyMatch(m -> m.state() == MigrationState.FAILED || m.state() == MigrationState.PAUSED);
        return troubled ? StepState.NEEDS_ATTENTION : StepState.DONE;
    }

    /**
     * The migrations of plans that are not the same instances as before (a watcher's snapshot reuses the views of
     * what did not change), and those without a plan: at a thousand migrations the rest need no look.
     */
    static List<MigrationView> changedMigrations(MonitorSnapshot previous, MonitorSnapshot next) {
        Map<String, PlanView> before = new HashMap<>();
        previous.plans().forEach(p -> before.put(p.name(), p));
        List<MigrationView> changed = new java.util.ArrayList<>();
        for (PlanView plan : next.plans()) {
            if (before.get(plan.name()) != plan) {
                changed.addAll(plan.migrations());
            }
        }
        changed.addAll(next.orphanMigrations());
        return changed;
    }

    /**
     * Replaces only the plans that changed, so the list re-renders only their cells and keeps its selection; when
     * many changed, one change for all is cheaper than a list event each.
     */
    private void replacePlans(List<PlanView> next) {
        boolean sameNames = plans.size() == next.size();
        List<Integer> replaced = new java.util.ArrayList<>();
        for (int i = 0; sameNames && i < next.size() && replaced.size() <= SINGLE_REPLACEMENTS; i++) {
            sameNames = plans.get(i).name().equals(next.get(i).name());
            if (plans.get(i) != next.get(i)) {
                replaced.add(i);
            }
        }
        if (!sameNames || replaced.size() > SINGLE_REPLACEMENTS) {
            plans.setAll(next);
            return;
        }
        replaced.forEach(i -> plans.set(i, next.get(i)));
    }

    private void notifyTransitions(List<MigrationView> changed) {
        for (MigrationView m : changed) {
            MigrationState before = lastStates.put(m.name(), m.state());
            if (firstUpdate || before == m.state()) {
                continue;
            }
            switch (m.state()) {
                case FAILED -> notifier.accept("Migration failed", m.planName() + ": " + m.name() + " failed"
                        + (m.errors().isEmpty() ? "" : ": " + m.errors().get(0)));
                case SUCCEEDED, SUCCEEDED_WITH_WARNINGS -> notifier.accept("Migration " + m.state().label()
                        .toLowerCase(Locale.ROOT), m.planName() + ": " + m.action().jsonName() + " " + m.name());
                case PAUSED -> notifier.accept("Migration blocked", m.planName() + ": " + m.name() + " - "
                        + (m.stateDetail() == null ? "direct volume migration blocked" : m.stateDetail()));
                default -> {
                }
            }
        }
    }

    private void sampleRates(List<MigrationView> changed) {
        for (MigrationView m : changed) {
            for (VolumeProgress v : m.volumes()) {
                if (v.shownRateBytesPerSecond() != null && m.active()) {
                    Deque<Double> samples = rates.computeIfAbsent(m.name() + "/" + v.pvc(), k -> new ArrayDeque<>());
                    samples.addLast(v.shownRateBytesPerSecond());
                    while (samples.size() > RATE_SAMPLES) {
                        samples.removeFirst();
                    }
                }
            }
        }
    }

    public List<Double> rateSamples(String migration, String pvc) {
        Deque<Double> samples = rates.get(migration + "/" + pvc);
        return samples == null ? List.of() : List.copyOf(samples);
    }

    private void refilter() {
        String text = search.get() == null ? "" : search.get().strip().toLowerCase(Locale.ROOT);
        Filter f = filter.get();
        shownPlans.setPredicate(plan -> matches(plan, text) && matches(plan, f));
    }

    private static boolean matches(PlanView plan, String text) {
        if (text.isEmpty()) {
            return true;
        }
        return plan.name().toLowerCase(Locale.ROOT).contains(text)
                || plan.namespaces().stream().anyMatch(n -> n.toLowerCase(Locale.ROOT).contains(text))
                || plan.migrations().stream().anyMatch(m -> m.name().toLowerCase(Locale.ROOT).contains(text));
    }

    private static boolean matches(PlanView plan, Filter filter) {
        MigrationView latest = plan.latest();
        MigrationState state = latest == null ? null : latest.state();
        return switch (filter) {
            case ALL -> true;
            case RUNNING -> latest != null && latest.active();
            case FAILED -> state == MigrationState.FAILED;
            case SUCCEEDED -> state == MigrationState.SUCCEEDED || state == MigrationState.SUCCEEDED_WITH_WARNINGS;
            case NOT_READY -> !plan.ready();
        };
    }

    public Optional<PlanView> plan() {
        return selectedPlan.get() == null ? Optional.empty() : snapshot.get().plan(selectedPlan.get());
    }

    /** The migration on screen: the selected one, else the plan's latest. */
    public Optional<MigrationView> migration() {
        Optional<PlanView> plan = plan();
        if (plan.isEmpty()) {
            return Optional.empty();
        }
        String name = selectedMigration.get();
        if (name != null) {
            Optional<MigrationView> chosen = plan.get().migrations().stream().filter(m -> m.name().equals(name))
                    .findFirst();
            if (chosen.isPresent()) {
                return chosen;
            }
        }
        return Optional.ofNullable(plan.get().latest());
    }

    public ActionCheck check(ActionRequest.Kind kind) {
        return precondition().orElseGet(() -> MigrationActions.check(snapshot.get(), request(kind, plan().orElseThrow())));
    }

    /** Edit…, Close plan and Delete plan: the same rules as `plan edit|close|delete` ({@link PlanChangeRules}). */
    public ActionCheck checkPlanChange(PlanChangeRules.Change change) {
        return precondition().orElseGet(() -> PlanChangeRules.check(snapshot.get(), plan().orElseThrow().name(), change));
    }

    /** Why no action can be taken at all now, or empty. */
    private Optional<ActionCheck> precondition() {
        if (plan().isEmpty()) {
            return Optional.of(ActionCheck.refuse("choose a plan"));
        }
        if (openedFile.get() != null) {
            return Optional.of(ActionCheck.refuse(OPENED_FROM_FILE));
        }
        if (service == null) {
            return Optional.of(ActionCheck.refuse("not connected to the control cluster"));
        }
        if (feed.get().kind() != FeedStatus.Kind.LIVE) {
            return Optional.of(ActionCheck.refuse("the data is not live: wait for the connection to come back"));
        }
        return Optional.empty();
    }

    /** A question about closing or deleting a plan, with what the admin reads before confirming. */
    public record PlanChangeQuestion(String plan, PlanChangeRules.Change change) {

        public String consequence() {
            return switch (change) {
                case CLOSE -> "Close plan " + plan + "? No migration can start from it any more; the plan and its "
                        + "migrations' history stay (spec.closed: true, through the change plan).";
                case DELETE -> "Delete plan " + plan + "? The MigPlan and the MigHooks it refers to are deleted. Its "
                        + "migrations are not undone: roll back first if that is what you want.";
                case EDIT -> "Edit plan " + plan + ".";
            };
        }
    }

    /** First click on Close plan or Delete plan: ask, naming the plan. */
    public void askPlanChange(PlanChangeRules.Change change) {
        plan().ifPresent(p -> {
            confirming.set(null);
            confirmingChange.set(new PlanChangeQuestion(p.name(), change));
        });
    }

    /** Second click: close or delete off the FX thread; the outcome (or the refusal) is the action message. */
    public void confirmPlanChange() {
        PlanChangeQuestion asked = confirmingChange.get();
        if (asked == null || service == null) {
            return;
        }
        confirmingChange.set(null);
        MonitorSnapshot at = snapshot.get();
        MonitorService target = service;
        sendOffFxThread("monitor-plan-change", "Could not change the plan: ", () -> {
            io.mtcassistant.install.plan.ApplyResult applied = target.changePlan(at, asked.plan(), asked.change());
            return applied.succeeded() ? "Plan " + asked.plan() + " " + asked.change().done() + "."
                    : "Plan " + asked.plan() + " was not " + asked.change().done() + ": "
                            + applied.failure().map(f -> f.message()).orElse("the change failed");
        });
    }

    private ActionRequest request(ActionRequest.Kind kind, PlanView plan) {
        return switch (kind) {
            case STAGE -> ActionRequest.stage(plan.name());
            case CUTOVER -> ActionRequest.cutover(plan.name(), quiesce.get());
            case ROLLBACK -> ActionRequest.rollback(plan.name());
            case CANCEL -> ActionRequest.cancel(plan.name(), migration().map(MigrationView::name).orElse(null));
        };
    }

    /** First click: ask for confirmation (the page shows what will happen). */
    public void ask(ActionRequest.Kind kind) {
        plan().ifPresent(p -> {
            confirmingChange.set(null);
            confirming.set(request(kind, p));
        });
    }

    public void cancelConfirmation() {
        confirming.set(null);
        confirmingChange.set(null);
    }

    /** Second click: do it, off the FX thread. */
    public void confirm() {
        ActionRequest asked = confirming.get();
        if (asked == null || service == null) {
            return;
        }
        ActionRequest request = asked.kind() == ActionRequest.Kind.CUTOVER
                ? ActionRequest.cutover(asked.planName(), quiesce.get()) : asked;
        confirming.set(null);
        MonitorSnapshot at = snapshot.get();
        MonitorService target = service;
        sendOffFxThread("monitor-action", "Could not start it: ", () -> {
            String name = target.apply(at, request);
            return request.kind() == ActionRequest.Kind.CANCEL ? "Canceling " + name
                    : "Started " + request.kind().name().toLowerCase(Locale.ROOT) + " " + name;
        });
    }

    /** Sends a change to the cluster on a worker thread; its outcome (or why it failed) becomes the action message. */
    private interface Send {
        String send() throws MigrationActions.ActionRefusedException;
    }

    private void sendOffFxThread(String threadName, String failurePrefix, Send send) {
        actionMessage.set("Sending...");
        Thread worker = new Thread(() -> {
            String result;
            try {
                result = send.send();
            } catch (MigrationActions.ActionRefusedException e) {
                result = "Refused: " + e.getMessage();
            } catch (RuntimeException e) {
                result = failurePrefix + io.mtcassistant.common.SecretMasker.mask(String.valueOf(e.getMessage()));
            }
            String shown = result;
            Platform.runLater(() -> actionMessage.set(shown));
        }, threadName);
        worker.setDaemon(true);
        worker.start();
    }

    /** The report of the migration on screen (Markdown), or empty. */
    public Optional<String> report() {
        return migration().map(m -> MigrationReport.markdown(plan().orElse(null), m, Instant.now()));
    }

    public FilteredList<PlanView> shownPlans() {
        return shownPlans;
    }

    public StringProperty searchProperty() {
        return search;
    }

    public ObjectProperty<Filter> filterProperty() {
        return filter;
    }

    public ReadOnlyObjectProperty<MonitorSnapshot> snapshotProperty() {
        return snapshot;
    }

    public ReadOnlyObjectProperty<FeedStatus> feedProperty() {
        return feed;
    }

    public ReadOnlyStringProperty feedTextProperty() {
        return feedText.getReadOnlyProperty();
    }

    public StringProperty selectedPlanProperty() {
        return selectedPlan;
    }

    public StringProperty selectedMigrationProperty() {
        return selectedMigration;
    }

    public ReadOnlyObjectProperty<ActionRequest> confirmingProperty() {
        return confirming;
    }

    public ReadOnlyObjectProperty<PlanChangeQuestion> confirmingChangeProperty() {
        return confirmingChange;
    }

    public BooleanProperty quiesceProperty() {
        return quiesce;
    }

    /** Which cluster is watched and why, or which file is shown. */
    public ReadOnlyStringProperty sourceNoteProperty() {
        return sourceNote.getReadOnlyProperty();
    }

    /** The file on screen, null while watching a cluster. */
    public ReadOnlyObjectProperty<Path> openedFileProperty() {
        return openedFile.getReadOnlyProperty();
    }

    /** For the wizard's step list, like the other steps' view models. */
    public ReadOnlyObjectProperty<StepState> stepStateProperty() {
        return stepState.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty actionMessageProperty() {
        return actionMessage.getReadOnlyProperty();
    }
}
