package io.mtcassistant.ui.steps.plans;

import com.fasterxml.jackson.databind.JsonNode;
import io.mtcassistant.install.plan.ApplyResult;
import io.mtcassistant.install.plan.ChangePlan;
import io.mtcassistant.install.plan.ChangePlanExporter;
import io.mtcassistant.monitor.ActionRequest;
import io.mtcassistant.monitor.Condition;
import io.mtcassistant.plans.DestStorageClass;
import io.mtcassistant.plans.HookPhase;
import io.mtcassistant.plans.MigPlanManifests;
import io.mtcassistant.plans.PlanChanges;
import io.mtcassistant.plans.PlanConditionGuide;
import io.mtcassistant.plans.PlanHook;
import io.mtcassistant.plans.PlanInventory;
import io.mtcassistant.plans.PlanProblem;
import io.mtcassistant.plans.PlanRequest;
import io.mtcassistant.plans.PlanValidator;
import io.mtcassistant.plans.PlanVolume;
import io.mtcassistant.plans.PvChoice;
import io.mtcassistant.plans.PvSelections;
import io.mtcassistant.plans.ReadyChoice;
import io.mtcassistant.ui.task.BackgroundTask;
import io.mtcassistant.ui.task.TaskRunner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The New plan flow's state on the FX thread: General, Namespaces, Persistent volumes, Options, Hooks, Review.
 * The plan is created from Review through the change plan; the controller then discovers the volumes, whose choices
 * are applied as an edit of the plan; Start stage / Start cutover hand the plan to the monitor.
 */
public final class NewPlanViewModel {

    /** The pages in order. */
    public static final List<String> PAGES = List.of("General", "Namespaces", "Persistent volumes", "Options",
            "Hooks", "Review");

    private final PlanService service;
    private final TaskRunner runner;
    private final Consumer<String> handOver;
    private final IntegerProperty page = new SimpleIntegerProperty(0);
    private final StringProperty name = new SimpleStringProperty("");
    private final ObservableList<ReadyChoice> clusters = FXCollections.observableArrayList();
    private final ObservableList<ReadyChoice> storages = FXCollections.observableArrayList();
    private final ObjectProperty<ReadyChoice> source = new SimpleObjectProperty<>();
    private final ObjectProperty<ReadyChoice> target = new SimpleObjectProperty<>();
    private final ObjectProperty<ReadyChoice> storage = new SimpleObjectProperty<>();
    private final StringProperty notReady = new SimpleStringProperty("");
    private final ObservableList<NamespaceRow> namespaces = FXCollections.observableArrayList();
    private final FilteredList<NamespaceRow> shownNamespaces = new FilteredList<>(namespaces);
    private final StringProperty namespaceFilter = new SimpleStringProperty("");
    private final StringProperty limitsText = new SimpleStringProperty("");
    private final ObservableList<VolumeRow> volumes = FXCollections.observableArrayList();
    private final ObservableList<String> targetStorageClasses = FXCollections.observableArrayList();
    private final BooleanProperty directImages = new SimpleBooleanProperty(false);
    private final BooleanProperty directVolumes = new SimpleBooleanProperty(true);
    private final BooleanProperty hookEnabled = new SimpleBooleanProperty(false);
    private final StringProperty hookName = new SimpleStringProperty("");
    private final StringProperty hookPlaybook = new SimpleStringProperty("");
    private final StringProperty hookImage = new SimpleStringProperty("");
    private final ObjectProperty<HookPhase> hookPhase = new SimpleObjectProperty<>(HookPhase.PreBackup);
    private final StringProperty hookNamespace = new SimpleStringProperty("openshift-migration");
    private final StringProperty hookServiceAccount = new SimpleStringProperty("migration-controller");
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
        namespaceFilter.addListener((obs, old, text) -> shownNamespaces.setPredicate(row -> text == null
                || text.isBlank() || row.namespace().name().contains(text.trim())));
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
        clusters.setAll(read.clusters());
        storages.setAll(read.storages());
        List<String> why = new ArrayList<>();
        read.clusters().stream().filter(c -> !c.ready()).forEach(c -> why.add("MigCluster " + c.name() + ": " + c.why()));
        read.storages().stream().filter(c -> !c.ready()).forEach(c -> why.add("MigStorage " + c.name() + ": " + c.why()));
        notReady.set(why.isEmpty() ? "" : "Not offered (not Ready):\n" + String.join("\n", why));
        read.clusters().stream().filter(c -> c.ready() && c.registryPath() != null).findFirst().ifPresent(source::set);
        read.clusters().stream().filter(c -> c.ready() && c != source.get()).findFirst().ifPresent(target::set);
        read.storages().stream().filter(ReadyChoice::ready).findFirst().ifPresent(storage::set);
        namespaces.setAll((read.sourceNamespaces() == null ? List.<io.mtcassistant.plans.SourceNamespace>of()
                : read.sourceNamespaces()).stream().map(NamespaceRow::new).toList());
        limitsText.set("Limits per plan (MigrationController): " + read.limits().namespaces() + " namespaces, "
                + read.limits().pods() + " pods, " + read.limits().persistentVolumes() + " persistent volumes");
        status.set("");
        busy.set(false);
    }

    public PlanRequest request() {
        List<PlanHook> hooks = hookEnabled.get() ? List.of(new PlanHook(hookName.get().trim(),
                hookPlaybook.get().isBlank() ? null : hookPlaybook.get(), hookImage.get().isBlank() ? null
                        : hookImage.get().trim(), hookPhase.get(), null, hookNamespace.get().trim(),
                hookServiceAccount.get().trim())) : List.of();
        return new PlanRequest(name.get().trim(), source.get() == null ? null : source.get().name(),
                target.get() == null ? null : target.get().name(), storage.get() == null ? null : storage.get().name(),
                namespaces.stream().filter(r -> r.selectedProperty().get()).map(NamespaceRow::mapping).toList(),
                List.of(), directImages.get(), directVolumes.get(), hooks);
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
            result.addAll(PvSelections.check(livePlan, choices(), directVolumes.get()));
        }
        return result;
    }

    private List<PvChoice> choices() {
        return volumes.stream().map(VolumeRow::choice).toList();
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
        List<DestStorageClass> classes = DestStorageClass.listFrom(plan);
        targetStorageClasses.setAll(classes.stream().map(DestStorageClass::name).toList());
        List<PlanVolume> discovered = PlanVolume.listFrom(plan);
        List<PvChoice> defaults = PvSelections.resolve(plan, List.of());
        List<VolumeRow> rows = new ArrayList<>();
        for (int i = 0; i < discovered.size(); i++) {
            rows.add(new VolumeRow(discovered.get(i), defaults.get(i)));
        }
        volumes.setAll(rows);
        yaml.set(io.mtcassistant.install.plan.KubeObjects.yaml(io.mtcassistant.install.plan.KubeObjects.withoutServerFields(
                io.mtcassistant.install.plan.KubeObjects.asMap(plan))));
    }

    /** Applies the volume choices as an edit of the plan (merge patch). */
    public void applyVolumes() {
        List<PvChoice> choices = choices();
        saveEdit("the persistent volumes", "Volume choices", List.of(),
                live -> PlanChanges.editVolumes(service.cluster(), live, choices));
    }

    /** Saves the Options page on the created plan (a merge patch of the copy options). */
    public void applyOptions() {
        boolean images = directImages.get();
        boolean volumes = directVolumes.get();
        saveEdit("the migration options", "Migration options", List.of("direct-images"),
                live -> PlanChanges.editOptions(service.cluster(), name.get().trim(), images, volumes));
    }

    /** Saves the Hooks page on the created plan: the MigHook created or patched, then the plan's hook list. */
    public void applyHooks() {
        List<PlanHook> hooks = request().hooks();
        saveEdit("the hooks", "Hooks", List.of("hook"), live -> PlanChanges.editHooks(service.cluster(), live, hooks));
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
        String planName = name.get().trim();
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
        start(ActionRequest.stage(name.get().trim()));
    }

    public void startCutover() {
        start(ActionRequest.cutover(name.get().trim(), true));
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
    public StringProperty nameProperty() { return name; }
    public ObservableList<ReadyChoice> clusters() { return clusters; }
    public ObservableList<ReadyChoice> storages() { return storages; }
    public ObjectProperty<ReadyChoice> sourceProperty() { return source; }
    public ObjectProperty<ReadyChoice> targetProperty() { return target; }
    public ObjectProperty<ReadyChoice> storageProperty() { return storage; }
    public StringProperty notReadyProperty() { return notReady; }
    public FilteredList<NamespaceRow> shownNamespaces() { return shownNamespaces; }
    public StringProperty namespaceFilterProperty() { return namespaceFilter; }
    public StringProperty limitsTextProperty() { return limitsText; }
    public ObservableList<VolumeRow> volumes() { return volumes; }
    public ObservableList<String> targetStorageClasses() { return targetStorageClasses; }
    public BooleanProperty directImagesProperty() { return directImages; }
    public BooleanProperty directVolumesProperty() { return directVolumes; }
    public BooleanProperty hookEnabledProperty() { return hookEnabled; }
    public StringProperty hookNameProperty() { return hookName; }
    public StringProperty hookPlaybookProperty() { return hookPlaybook; }
    public StringProperty hookImageProperty() { return hookImage; }
    public ObjectProperty<HookPhase> hookPhaseProperty() { return hookPhase; }
    public StringProperty hookNamespaceProperty() { return hookNamespace; }
    public StringProperty hookServiceAccountProperty() { return hookServiceAccount; }
    public StringProperty problemsProperty() { return problems; }
    public StringProperty yamlProperty() { return yaml; }
    public StringProperty conditionsProperty() { return conditions; }
    public StringProperty statusProperty() { return status; }
    public BooleanProperty createdProperty() { return created; }
    public BooleanProperty readyProperty() { return ready; }
    public BooleanProperty busyProperty() { return busy; }
}
