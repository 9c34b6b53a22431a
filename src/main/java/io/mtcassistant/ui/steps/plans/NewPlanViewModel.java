package io.mtcassistant.ui.steps.plans;

import com.fasterxml.jackson.databind.JsonNode;
import io.mtcassistant.install.plan.ApplyResult;
import io.mtcassistant.install.plan.ChangePlan;
import io.mtcassistant.install.plan.ChangePlanExporter;
import io.mtcassistant.monitor.ActionRequest;
import io.mtcassistant.monitor.Condition;
import io.mtcassistant.plans.MigPlanManifests;
import io.mtcassistant.plans.PlanChanges;
import io.mtcassistant.plans.PlanConditionGuide;
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
 * the Options and Hooks pages; Start stage / Start cutover hand the plan to the monitor.
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
    private PlanInventory inventory;
    private JsonNode livePlan;

    /** @param handOver called with the plan's name once a migration has started (the monitor shows it) */
    public NewPlanViewModel(PlanService service, TaskRunner runner, Consumer<String> handOver) {
        this.service = service;
        this.runner = runner;
        this.handOver = handOver;
    }

    /** Reads the clusters, storages, limits and the source's namespaces. */
    public void load() {
        busy.set(true);
        status.set("Reading the MigClusters, MigStorages and the source's namespaces ...");
        runner.run(BackgroundTask.of("Read what a plan can use", progress -> service.inventory())
                .onSuccess(this::loaded).onFailure(e -> {
                    status.set("Cannot read the clusters: " + e.getMessage());
                    busy.set(false);
                }));
    }

    private void loaded(PlanInventory read) {
        inventory = read;
        general.load(read);
        namespaces.load(read);
        status.set("");
        busy.set(false);
    }

    public PlanRequest request() {
        return new PlanRequest(general.planName(), GeneralPage.nameOf(general.sourceProperty()),
                GeneralPage.nameOf(general.targetProperty()), GeneralPage.nameOf(general.storageProperty()),
                namespaces.selected(), List.of(), options.directImagesProperty().get(),
                options.directVolumesProperty().get(), hooks.hooks());
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
            yaml.set(MigPlanManifests.yaml(request()));
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
        List<PlanProblem> all = PlanValidator.validate(request(), inventory);
        List<String> fields = switch (current) {
            case 0 -> List.of("name", "source-cluster", "target-cluster", "storage");
            case 1 -> List.of("namespaces");
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

    /** Applies the volume choices as an edit of the plan (merge patch). */
    public void applyVolumes() {
        List<PvChoice> choices = volumes.choices();
        saveEdit("the persistent volumes", "Volume choices", List.of(),
                live -> PlanChanges.editVolumes(service.cluster(), live, choices));
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
            if (shownBlocking(PlanValidator.validate(request(), inventory).stream()
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

    /** Writes the create change plan (manifests and apply.sh) into a new folder. */
    public List<Path> export(Path dir) {
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
}
