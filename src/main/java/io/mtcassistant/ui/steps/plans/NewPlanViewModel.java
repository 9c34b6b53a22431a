package io.mtcassistant.ui.steps.plans;

import com.fasterxml.jackson.databind.JsonNode;
import io.mtcassistant.install.plan.ApplyResult;
import io.mtcassistant.install.plan.ChangePlan;
import io.mtcassistant.install.plan.ChangePlanExporter;
import io.mtcassistant.monitor.ActionRequest;
import io.mtcassistant.monitor.Condition;
import io.mtcassistant.plans.LivePlanHooks;
import io.mtcassistant.plans.MigPlanManifests;
import io.mtcassistant.plans.PlanChanges;
import io.mtcassistant.plans.PlanConditionGuide;
import io.mtcassistant.plans.PlanEdit;
import io.mtcassistant.plans.PlanHook;
import io.mtcassistant.plans.PlanInventory;
import io.mtcassistant.plans.PlanProblem;
import io.mtcassistant.plans.PlanRequest;
import io.mtcassistant.plans.PlanValidator;
import io.mtcassistant.plans.PvChoice;
import io.mtcassistant.plans.PvSelections;
import io.mtcassistant.ui.task.BackgroundTask;
import io.mtcassistant.ui.task.TaskRunner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The New plan flow on the FX thread: the pages' own state is in {@link GeneralPage}, {@link NamespacesPage},
 * {@link VolumesPage}, {@link OptionsPage} and {@link HooksPage}; this class holds the flow (page, problems,
 * status) and the Review page, and does the work. The plan is created from Review through the change plan; the
 * controller then discovers the volumes, whose choices are applied as an edit of the plan, as are later changes of
 * the Options and Hooks pages; Start stage / Start cutover hand the plan to the monitor. Opened on an existing plan
 * ({@link #editExisting}), the same pages show it, its hooks included; Review shows every change (the MigPlan's merge
 * patch, MigHooks created, patched or deleted) as one change plan with its diff, and Apply or Export sends it whole.
 */
public final class NewPlanViewModel {

    /** The pages in order. */
    public static final List<String> PAGES = List.of("General", "Namespaces", "Persistent volumes", "Options",
            "Hooks", "Review");

    private final PlanService service;
    private final TaskRunner runner;
    private final Consumer<String> handOver;
    private final IntegerProperty page = new SimpleIntegerProperty(0);
    private final GeneralPage general = new GeneralPage();
    private final NamespacesPage namespaces = new NamespacesPage();
    private final VolumesPage volumes = new VolumesPage();
    private final OptionsPage options = new OptionsPage();
    private final HooksPage hooks = new HooksPage();
    private final StringProperty problems = new SimpleStringProperty("");
    private final StringProperty yaml = new SimpleStringProperty("");
    private final StringProperty conditions = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    private final BooleanProperty created = new SimpleBooleanProperty(false);
    private final BooleanProperty ready = new SimpleBooleanProperty(false);
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final BooleanProperty editing = new SimpleBooleanProperty(false);
    private final StringProperty title = new SimpleStringProperty("New migration plan");
    /** How long Apply waits for the controller to discover the volumes of a new namespace list. */
    static final java.time.Duration REDISCOVERY_WAIT = java.time.Duration.ofSeconds(30);
    private String existing;
    private PlanInventory inventory;
    private JsonNode livePlan;
    private LivePlanHooks liveHooks = LivePlanHooks.NONE;
    /** The MigHooks on the control cluster when the window opened: a new hook may not take one's name. */
    private java.util.Set<String> migHooks = java.util.Set.of();

    /** @param handOver called with the plan's name once a migration has started (the monitor shows it) */
    public NewPlanViewModel(PlanService service, TaskRunner runner, Consumer<String> handOver) {
        this.service = service;
        this.runner = runner;
        this.handOver = handOver;
        general.targetProperty().addListener((obs, old, now) -> refreshVolumesNeed());
        options.directVolumesProperty().addListener((obs, old, now) -> refreshVolumesNeed());
    }

    /** The Options page's line on the rsync endpoint to the chosen target, or what is missing. */
    private void refreshVolumesNeed() {
        String target = GeneralPage.nameOf(general.targetProperty());
        if (inventory == null || inventory.rsync() == null || !options.directVolumesProperty().get()
                || target == null || target.isEmpty()) {
            options.volumesNeedProperty().set("");
            return;
        }
        // a warning says what is needed itself; else the line on what the endpoint in use needs
        List<String> warnings = problems().stream()
                .filter(p -> p.field().equals("direct-volumes")).map(p -> "⚠ " + p.message()).toList();
        options.volumesNeedProperty().set(warnings.isEmpty() ? inventory.rsync().needs(target)
                : String.join("\n", warnings));
    }

    /** Before {@link #load()}: the pages show this existing plan, and Review applies the changes made to it. */
    public void editExisting(String planName) {
        existing = planName;
        editing.set(true);
        title.set("Edit migration plan " + planName);
    }

    private record Loaded(PlanInventory inventory, JsonNode plan, LivePlanHooks hooks, java.util.Set<String> migHooks) {
    }

    /** Reads the clusters, storages, limits and the source's namespaces (and the plan, when editing one). */
    public void load() {
        busy.set(true);
        status.set("Reading the MigClusters, MigStorages and the source's namespaces ...");
        String planName = existing;
        runner.run(BackgroundTask.of("Read what a plan can use", progress -> {
            JsonNode plan = planName == null ? null : service.plan(planName);
            return new Loaded(service.inventory(), plan, plan == null ? LivePlanHooks.NONE : service.hooks(plan),
                    service.migHookNames());
        }).onSuccess(read -> {
                    migHooks = read.migHooks();
                    loaded(read.inventory());
                    if (planName != null) {
                        showExisting(planName, read.plan(), read.hooks());
                    }
                }).onFailure(e -> {
                    status.set("Cannot read the clusters: " + e.getMessage());
                    busy.set(false);
                }));
    }

    private void showExisting(String planName, JsonNode plan, LivePlanHooks planHooks) {
        if (plan == null) {
            status.set("No MigPlan named " + planName + " on the control cluster any more.");
            return;
        }
        general.showPlan(plan);
        namespaces.select(io.mtcassistant.plans.PlanRequestFile.ofLivePlan(plan).namespaces());
        JsonNode spec = plan.path("spec");
        options.directImagesProperty().set(!spec.path("indirectImageMigration").asBoolean(false));
        options.directVolumesProperty().set(!spec.path("indirectVolumeMigration").asBoolean(false));
        refreshVolumesNeed();
        liveHooks = planHooks;
        hooks.load(planHooks.hooks());
        created.set(true);
        show(plan);
        status.set("Editing plan " + planName + ": change its namespaces, volume choices, options or hooks; Review "
                + "shows every change as one diff to apply." + (planHooks.missing().isEmpty() ? ""
                        : " The plan names hook(s) " + String.join(", ", planHooks.missing()) + " whose MigHook is "
                                + "missing: add them again on Hooks or they are dropped."));
    }

    /** What the pages show now, as an edit of the existing plan. */
    private PlanEdit edit() {
        return new PlanEdit(namespaces.selected(), volumes.choices(), volumes.confirmedCapacities(),
                options.directImagesProperty().get(), options.directVolumesProperty().get(), hooks.hooks());
    }

    /** The merge patch of what was changed on the pages, or empty when nothing differs from the live plan. */
    public java.util.Optional<ChangePlan> pendingEdit() {
        if (livePlan == null) {
            return java.util.Optional.empty();
        }
        return PlanChanges.edit(service.cluster(), livePlan, liveHooks, edit());
    }

    private void previewEdit() {
        java.util.Optional<ChangePlan> change = pendingEdit();
        if (change.isEmpty()) {
            yaml.set("# No change yet: change the namespaces, the volume choices, the options or the hooks, then come "
                    + "back.");
            return;
        }
        busy.set(true);
        runner.run(BackgroundTask.of("Preview the edit of " + existing, progress -> service.preview(change.get()))
                .onSuccess(text -> {
                    busy.set(false);
                    yaml.set(text);
                }).onFailure(e -> {
                    busy.set(false);
                    yaml.set("# The preview failed: " + e.getMessage());
                }));
    }

    private void loaded(PlanInventory read) {
        inventory = read;
        general.load(read);
        namespaces.load(read);
        refreshVolumesNeed();
        status.set("");
        busy.set(false);
    }

    public PlanRequest request() {
        return new PlanRequest(general.planName(), GeneralPage.nameOf(general.sourceProperty()),
                GeneralPage.nameOf(general.targetProperty()), GeneralPage.nameOf(general.storageProperty()),
                namespaces.selected(), List.of(), options.directImagesProperty().get(),
                options.directVolumesProperty().get(), hooks.hooks());
    }

    /** The request's problems, and a new hook named like a MigHook that is not the plan's (inventory read). */
    private List<PlanProblem> problems() {
        List<PlanProblem> all = new ArrayList<>(PlanValidator.validate(request(), inventory));
        all.addAll(LivePlanHooks.takenNames(hooks.hooks(), livePlan == null ? List.of()
                : PlanChanges.hookNames(livePlan), migHooks));
        return all;
    }

    /** Goes to the next page when the current one has no blocking problem; shows the problems either way. */
    public void next() {
        if (shownBlocking(problemsUpTo(page.get()))) {
            return;
        }
        if (page.get() < PAGES.size() - 1) {
            page.set(page.get() + 1);
        }
        if (page.get() == PAGES.size() - 1) {
            if (existing != null) {
                previewEdit();
            } else {
                yaml.set(MigPlanManifests.yaml(request()));
            }
        }
    }

    /** Shows the problems; whether one of them blocks. */
    private boolean shownBlocking(List<PlanProblem> found) {
        problems.set(String.join("\n", found.stream().map(p -> (p.blocking() ? "✗ " : "⚠ ") + p.line()).toList()));
        return PlanValidator.firstBlocking(found).isPresent();
    }

    public void back() {
        problems.set("");
        if (page.get() > 0) {
            page.set(page.get() - 1);
        }
    }

    private List<PlanProblem> problemsUpTo(int current) {
        if (inventory == null) {
            return List.of(PlanProblem.error("clusters", "not read yet"));
        }
        List<PlanProblem> all = problems();
        List<String> fields = switch (current) {
            // an existing plan keeps its name, clusters and repository: nothing to check there
            case 0 -> existing != null ? List.<String>of() : List.of("name", "source-cluster", "target-cluster",
                    "storage");
            case 1 -> List.of("namespaces");
            // the direct-volumes warnings stand on the Options page itself (refreshVolumesNeed)
            case 3 -> List.of("direct-images");
            case 4 -> List.of("hook");
            default -> List.of();
        };
        List<PlanProblem> result = new ArrayList<>(all.stream().filter(p -> fields.contains(p.field())).toList());
        if (current == 2 && livePlan != null) {
            result.addAll(PvSelections.check(livePlan, volumes.choices(), options.directVolumesProperty().get()));
        }
        return result;
    }

    /** Creates the plan (hooks, plan, wait for validation), then shows its conditions and volumes. */
    public void create() {
        if (existing != null) {
            applyEdit();
            return;
        }
        if (inventory != null && shownBlocking(problems().stream().filter(p -> p.field().equals("hook")).toList())) {
            return;
        }
        PlanRequest request = request();
        ChangePlan change = PlanChanges.create(service.cluster(), request);
        busy.set(true);
        status.set("Creating MigPlan " + request.name() + " and waiting for the controller to validate it ...");
        runner.run(BackgroundTask.of("Create migration plan " + request.name(), progress -> {
            ApplyResult result = service.apply(change);
            return new Created(result, service.plan(request.name()));
        }).onSuccess(this::created).onFailure(e -> {
            status.set("Creating the plan failed: " + e.getMessage());
            busy.set(false);
        }));
    }

    private record Created(ApplyResult result, JsonNode plan) {
    }

    private void created(Created done) {
        busy.set(false);
        created.set(done.plan() != null);
        show(done.plan());
        status.set(done.result().succeeded() ? "The plan is Ready. Check the volumes, then start a stage or a cutover."
                : "The plan is not Ready: " + done.result().failure().map(f -> f.message()).orElse(""));
    }

    private void show(JsonNode plan) {
        livePlan = plan;
        if (plan == null) {
            conditions.set("");
            return;
        }
        List<Condition> list = Condition.listFrom(plan.path("status").path("conditions"));
        StringBuilder text = new StringBuilder();
        for (Map.Entry<String, List<PlanConditionGuide.Explained>> group : PlanConditionGuide.grouped(list).entrySet()) {
            text.append(group.getKey()).append('\n');
            for (PlanConditionGuide.Explained e : group.getValue()) {
                text.append("  ").append(e.words()).append('\n');
                if (e.type().equals("GVKsIncompatible")) {
                    PlanConditionGuide.incompatibleResources(plan).forEach(l -> text.append("    ").append(l)
                            .append('\n'));
                }
                if (PlanConditionGuide.showsFix(e)) {
                    text.append("    Fix: ").append(e.fix()).append('\n');
                }
            }
        }
        conditions.set(text.toString().strip());
        ready.set(list.stream().anyMatch(c -> c.type().equals("Ready") && c.status()));
        volumes.show(plan);
        yaml.set(io.mtcassistant.install.plan.KubeObjects.yaml(io.mtcassistant.install.plan.KubeObjects.withoutServerFields(
                io.mtcassistant.install.plan.KubeObjects.asMap(plan))));
    }

    /**
     * Review's Apply on an existing plan: the pending change plan, checked like `plan edit` (namespaces and limits,
     * the options, the hooks, the volume choices); after a new namespace list, waits a while for the controller to
     * discover its volumes.
     */
    private void applyEdit() {
        java.util.Optional<ChangePlan> change = pendingEdit();
        if (change.isEmpty()) {
            status.set("Nothing to apply: the plan already has these namespaces, volume choices, options and hooks.");
            return;
        }
        List<String> checked = List.of("namespaces", "direct-images", "hook");
        List<PlanProblem> found = new ArrayList<>(inventory == null ? List.of()
                : problems().stream().filter(p -> checked.contains(p.field())).toList());
        found.addAll(PvSelections.check(livePlan, volumes.choices(), options.directVolumesProperty().get()));
        found.addAll(PvSelections.checkConfirmations(livePlan, volumes.confirmedCapacities()));
        if (shownBlocking(found)) {
            return;
        }
        String planName = existing;
        List<String> wanted = namespaces.selected().stream().map(m -> m.source()).toList();
        boolean newNamespaces = !wanted.equals(io.mtcassistant.plans.PlanRequestFile.ofLivePlan(livePlan).namespaces()
                .stream().map(m -> m.source()).toList());
        List<String> withClaims = inventory == null || inventory.sourceNamespaces() == null ? List.of()
                : wanted.stream().filter(n -> inventory.sourceNamespace(n).map(s -> s.persistentVolumeClaims() > 0)
                        .orElse(false)).toList();
        busy.set(true);
        status.set("Applying the changes to plan " + planName + " ...");
        runner.run(BackgroundTask.of("Edit plan " + planName, progress -> {
            ApplyResult result = service.apply(change.get());
            JsonNode plan = service.plan(planName);
            if (result.succeeded() && newNamespaces) {
                plan = awaitVolumesOf(planName, plan, wanted, withClaims);
            }
            return new Edited(result, plan, plan == null ? LivePlanHooks.NONE : service.hooks(plan));
        }).onSuccess(done -> {
            busy.set(false);
            liveHooks = done.hooks();
            show(done.plan());
            if (page.get() == PAGES.size() - 1) {
                yaml.set(io.mtcassistant.install.plan.ChangePlanPreview.text(change.get(),
                        io.mtcassistant.install.plan.ChangePlanPreview.of(change.get())));
            }
            status.set(done.result().succeeded() ? "Plan " + planName + " changed." + (newNamespaces
                    ? " Check the volumes of the new namespace list on Persistent volumes." : "")
                    : "Changing the plan failed: " + done.result().failure().map(f -> f.message()).orElse(""));
        }).onFailure(e -> {
            busy.set(false);
            status.set("Changing the plan failed: " + e.getMessage());
        }));
    }

    private record Edited(ApplyResult result, JsonNode plan, LivePlanHooks hooks) {
    }

    /**
     * Off the FX thread: the plan once its volumes are those of the new namespace list (every namespace with claims
     * has one, none is left from a dropped namespace), or as it is after {@link #REDISCOVERY_WAIT}.
     */
    private JsonNode awaitVolumesOf(String planName, JsonNode plan, List<String> namespaces, List<String> withClaims) {
        long end = System.nanoTime() + REDISCOVERY_WAIT.toNanos();
        JsonNode current = plan;
        while (current != null && !volumesMatch(current, namespaces, withClaims) && System.nanoTime() < end) {
            try {
                Thread.sleep(500); // the controller re-discovers on its own schedule; nothing to be notified by
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return current;
            }
            current = service.plan(planName);
        }
        return current;
    }

    static boolean volumesMatch(JsonNode plan, List<String> namespaces, List<String> withClaims) {
        List<String> seen = io.mtcassistant.plans.PlanVolume.listFrom(plan).stream()
                .map(io.mtcassistant.plans.PlanVolume::namespace).distinct().toList();
        return namespaces.containsAll(seen) && seen.containsAll(withClaims);
    }

    /** Applies the volume choices (and capacity confirmations) as an edit of the plan (merge patch). */
    public void applyVolumes() {
        List<PvChoice> choices = volumes.choices();
        List<String> confirmed = volumes.confirmedCapacities();
        saveEdit("the persistent volumes", "Volume choices", List.of(),
                live -> PlanChanges.editVolumes(service.cluster(), live, choices, confirmed));
    }

    /** Saves the Options page on the created plan (a merge patch of the copy options). */
    public void applyOptions() {
        boolean images = options.directImagesProperty().get();
        boolean directVolumes = options.directVolumesProperty().get();
        saveEdit("the migration options", "Migration options", List.of("direct-images"),
                live -> PlanChanges.editOptions(service.cluster(), general.planName(), images, directVolumes));
    }

    /** Saves the Hooks page on the created plan: the MigHook created or patched, then the plan's hook list. */
    public void applyHooks() {
        List<PlanHook> typed = hooks.hooks();
        saveEdit("the hooks", "Hooks", List.of("hook"), live -> PlanChanges.editHooks(service.cluster(), live, typed));
    }

    /**
     * An edit of the created plan through the change plan (built from the live plan, applied off the FX thread);
     * refused first when the request has a blocking problem in one of {@code fields}.
     */
    private void saveEdit(String what, String saved, List<String> fields,
            java.util.function.Function<JsonNode, ChangePlan> edit) {
        if (inventory != null) {
            if (shownBlocking(problems().stream()
                    .filter(p -> fields.contains(p.field())).toList())) {
                return;
            }
        }
        String planName = general.planName();
        busy.set(true);
        runner.run(BackgroundTask.of("Edit " + what + " of " + planName, progress -> {
            ApplyResult result = service.apply(edit.apply(service.plan(planName)));
            return new Created(result, service.plan(planName));
        }).onSuccess(done -> {
            busy.set(false);
            show(done.plan());
            status.set(done.result().succeeded() ? saved + " saved in the plan." : "Saving " + what + " failed: "
                    + done.result().failure().map(f -> f.message()).orElse(""));
        }).onFailure(e -> {
            busy.set(false);
            status.set("Saving " + what + " failed: " + e.getMessage());
        }));
    }

    /** Writes the create change plan, or when editing the pending edit, (manifests and apply.sh) into a new folder. */
    public List<Path> export(Path dir) {
        if (existing != null) {
            return ChangePlanExporter.export(pendingEdit().orElseThrow(() -> new IllegalStateException(
                    "nothing to export: nothing differs from the live plan yet")), dir);
        }
        return ChangePlanExporter.export(PlanChanges.create(service.cluster(), request()), dir);
    }

    public void startStage() {
        start(ActionRequest.stage(general.planName()));
    }

    public void startCutover() {
        start(ActionRequest.cutover(general.planName(), true));
    }

    private void start(ActionRequest request) {
        busy.set(true);
        runner.run(BackgroundTask.of("Start " + request.kind().name().toLowerCase(java.util.Locale.ROOT) + " of "
                + request.planName(), progress -> service.start(request)).onSuccess(migration -> {
                    busy.set(false);
                    status.set("Started migration " + migration + ".");
                    handOver.accept(request.planName());
                }).onFailure(e -> {
                    busy.set(false);
                    status.set("Not started: " + e.getMessage());
                }));
    }

    public IntegerProperty pageProperty() { return page; }
    public GeneralPage general() { return general; }
    public NamespacesPage namespaces() { return namespaces; }
    public VolumesPage volumes() { return volumes; }
    public OptionsPage options() { return options; }
    public HooksPage hooks() { return hooks; }
    public StringProperty problemsProperty() { return problems; }
    public StringProperty yamlProperty() { return yaml; }
    public StringProperty conditionsProperty() { return conditions; }
    public StringProperty statusProperty() { return status; }
    public BooleanProperty createdProperty() { return created; }
    public BooleanProperty readyProperty() { return ready; }
    public BooleanProperty busyProperty() { return busy; }
    /** True when the window edits an existing plan. */
    public BooleanProperty editingProperty() { return editing; }
    public StringProperty titleProperty() { return title; }
}
