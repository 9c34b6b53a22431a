package io.mtcassistant.ui.steps.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtcassistant.monitor.ActionRequest;
import io.mtcassistant.monitor.FeedStatus;
import io.mtcassistant.monitor.MigrationActions;
import io.mtcassistant.monitor.MonitorListener;
import io.mtcassistant.monitor.MonitorModel;
import io.mtcassistant.monitor.MonitorSnapshot;
import io.mtcassistant.monitor.MonitorUpdate;
import io.mtcassistant.monitor.ObjectsFile;
import io.mtcassistant.ui.wizard.StepState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Monitor step's view model over a file of objects: shown read-only, refused with the reason, then back. */
class MonitorViewModelTest {

    private static final long PATIENCE_SECONDS = 60;

    @TempDir
    Path dir;

    private final AtomicInteger watches = new AtomicInteger();
    private final List<String> notifications = new CopyOnWriteArrayList<>();

    /** A cluster that never sends anything; counts the watches started. */
    private final MonitorService cluster = new MonitorService() {
        @Override
        public AutoCloseable watch(MonitorListener listener) {
            watches.incrementAndGet();
            return () -> { };
        }

        @Override
        public String apply(MonitorSnapshot snapshot, ActionRequest request) throws MigrationActions.ActionRefusedException {
            throw new AssertionError("no action may reach the cluster here");
        }

        @Override
        public String note() {
            return "Watching sim-target, the control cluster chosen in step 2.";
        }
    };

    @BeforeAll
    static void fx() {
        try {
            Platform.startup(() -> { });
        } catch (IllegalStateException alreadyRunning) {
            // another test class started the toolkit in this JVM
        }
    }

    private static <T> T onFx(Callable<T> call) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(call.call());
            } catch (Exception | AssertionError e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(PATIENCE_SECONDS, TimeUnit.SECONDS);
    }

    private static void until(String what, Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(PATIENCE_SECONDS);
        while (!Boolean.TRUE.equals(onFx(condition))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached within " + PATIENCE_SECONDS + " s: " + what);
            }
            Thread.onSpinWait();
        }
    }

    private Path objectsFile() throws Exception {
        return objectsFile("migrations.json", """
                   "errors": ["Backup openshift-migration/shop-1-initial: failed."],
                   "conditions": [{"type": "Failed", "status": "True", "category": "Critical",
                                   "message": "The migration has failed.  See: Errors."}]""");
    }

    /** The plan shop, ready, with one cutover whose status ends with {@code errorsAndConditions}. */
    private Path objectsFile(String name, String errorsAndConditions) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, """
                {"apiVersion": "v1", "kind": "List", "items": [
                 {"apiVersion": "migration.openshift.io/v1alpha1", "kind": "MigPlan",
                  "metadata": {"name": "shop", "namespace": "openshift-migration"},
                  "spec": {"namespaces": ["shop"]},
                  "status": {"conditions": [{"type": "Ready", "status": "True", "category": "Required",
                             "message": "The migration plan is ready."}]}},
                 {"apiVersion": "migration.openshift.io/v1alpha1", "kind": "MigMigration",
                  "metadata": {"name": "shop-1", "namespace": "openshift-migration",
                               "creationTimestamp": "2026-01-01T10:00:00Z"},
                  "spec": {"migPlanRef": {"name": "shop", "namespace": "openshift-migration"}, "stage": false},
                  "status": {"phase": "Completed", "startTimestamp": "2026-01-01T10:00:00Z",
                """ + errorsAndConditions + "}}]}");
        return file;
    }

    private static MonitorSnapshot read(Path file) throws Exception {
        return new MonitorModel(Clock.systemUTC()).build(ObjectsFile.read(file));
    }

    @Test
    void theStepListSaysDoneWhileLiveAndNeedsAttentionForAFailedMigrationOrStaleData() throws Exception {
        MonitorSnapshot succeeded = read(objectsFile("succeeded.json", """
                   "conditions": [{"type": "Succeeded", "status": "True", "category": "Advisory",
                                   "message": "The migration has completed successfully."}]"""));
        MonitorSnapshot failed = read(objectsFile());
        FeedStatus retrying = new FeedStatus(FeedStatus.Kind.CONNECTING, null, 2, Duration.ofSeconds(4),
                "connection refused");
        FeedStatus stale = new FeedStatus(FeedStatus.Kind.RECONNECTING, Instant.now(), 1, Duration.ofSeconds(2),
                "connection refused");
        List<StepState> seen = onFx(() -> {
            MonitorViewModel vm = new MonitorViewModel(() -> Optional.of(cluster), (t, m) -> { });
            List<StepState> states = new ArrayList<>();
            states.add(vm.stepStateProperty().get());
            vm.arrive();
            states.add(vm.stepStateProperty().get());
            for (MonitorUpdate update : List.of(new MonitorUpdate(MonitorSnapshot.empty(Instant.now()), retrying, 2),
                    new MonitorUpdate(succeeded, FeedStatus.live(), 3),
                    new MonitorUpdate(failed, FeedStatus.live(), 4),
                    new MonitorUpdate(succeeded, stale, 5),
                    new MonitorUpdate(succeeded, FeedStatus.live(), 6))) {
                vm.show(update);
                states.add(vm.stepStateProperty().get());
            }
            return states;
        });
        assertThat(seen).containsExactly(StepState.NOT_STARTED, StepState.NOT_STARTED, StepState.NEEDS_ATTENTION, StepState.DONE, StepState.NEEDS_ATTENTION, StepState.NEEDS_ATTENTION,
                StepState.DONE);
        assertThat(MonitorViewModel.stepState(new MonitorUpdate(failed, FeedStatus.stopped(), 0)))
                .as("a file's failed migration is shown, and needs the admin's eye like a live one")
                .isEqualTo(StepState.NEEDS_ATTENTION);
    }

    @Test
    void aFileIsShownReadOnlyWithTheReasonThenTheClusterAgain() throws Exception {
        MonitorViewModel viewModel = onFx(() -> {
            MonitorViewModel vm = new MonitorViewModel(() -> Optional.of(cluster), (t, m) -> notifications.add(t));
            vm.arrive();
            return vm;
        });
        assertThat(watches.get()).isEqualTo(1);
        assertThat(onFx(() -> viewModel.sourceNoteProperty().get())).contains("control cluster chosen in step 2");

        Path file = objectsFile();
        onFx(() -> {
            viewModel.openFile(file);
            return null;
        });
        until("the file is shown", () -> viewModel.openedFileProperty().get() != null);
        onFx(() -> {
            assertThat(viewModel.shownPlans()).extracting(p -> p.name()).containsExactly("shop");
            assertThat(viewModel.migration().orElseThrow().errors()).containsExactly(
                    "Backup openshift-migration/shop-1-initial: failed.");
            assertThat(viewModel.feedTextProperty().get()).isEqualTo("Read from a file: migrations.json");
            assertThat(viewModel.sourceNoteProperty().get()).contains("Opened from the file").contains("read-only");
            for (ActionRequest.Kind kind : ActionRequest.Kind.values()) {
                assertThat(viewModel.check(kind).allowed()).as(kind.name()).isFalse();
                assertThat(viewModel.check(kind).reason()).as(kind.name()).startsWith("opened from a file");
            }
            viewModel.ask(ActionRequest.Kind.STAGE);
            viewModel.confirm(); // refused before anything is sent: the fake cluster would fail the test
            return null;
        });
        assertThat(notifications).as("a file's failed migration is history, not news").isEmpty();

        // leaving and coming back keeps the file
        onFx(() -> {
            viewModel.leave();
            viewModel.arrive();
            return null;
        });
        assertThat(watches.get()).isEqualTo(1);

        onFx(() -> {
            viewModel.closeFile();
            return null;
        });
        assertThat(watches.get()).isEqualTo(2);
        onFx(() -> {
            assertThat(viewModel.openedFileProperty().get()).isNull();
            assertThat(viewModel.shownPlans()).isEmpty();
            assertThat(viewModel.sourceNoteProperty().get()).contains("control cluster chosen in step 2");
            return null;
        });
    }

    @Test
    void aFileThatIsNotObjectsIsNamedWithItsProblem() throws Exception {
        MonitorViewModel viewModel = onFx(() -> new MonitorViewModel(() -> Optional.of(cluster), (t, m) -> { }));
        Path file = dir.resolve("notes.txt");
        Files.writeString(file, "{ not json");
        onFx(() -> {
            viewModel.openFile(file);
            return null;
        });
        until("the problem is shown", () -> viewModel.actionMessageProperty().get().startsWith("Could not open"));
        assertThat(onFx(() -> viewModel.actionMessageProperty().get())).contains(file.toString())
                .contains("not JSON or YAML");
        assertThat(onFx(() -> viewModel.openedFileProperty().get())).isNull();
    }

    @Test
    void closeAndDeleteAreAskedNamingThePlanRefusedWhileAMigrationRunsAndSentThroughTheService() throws Exception {
        List<String> sent = new CopyOnWriteArrayList<>();
        MonitorService plans = new MonitorService() {
            @Override
            public AutoCloseable watch(MonitorListener listener) {
                return () -> { };
            }

            @Override
            public String apply(MonitorSnapshot snapshot, ActionRequest request) {
                throw new AssertionError("no migration action here");
            }

            @Override
            public io.mtcassistant.install.plan.ApplyResult changePlan(MonitorSnapshot snapshot, String plan,
                    io.mtcassistant.plans.PlanChangeRules.Change change) {
                sent.add(change + " " + plan);
                return new io.mtcassistant.install.plan.ApplyResult("sim-target", List.of(), Duration.ZERO);
            }
        };
        MonitorSnapshot snapshot = new MonitorModel(Clock.systemUTC()).build(java.util.stream.Stream.of(
                io.mtcassistant.monitor.MigTestObjects.readyPlan("shop"),
                io.mtcassistant.monitor.MigTestObjects.runningCutover("shop-cutover-1", "shop", 30),
                io.mtcassistant.monitor.MigTestObjects.readyPlan("wiki"))
                .map(o -> (com.fasterxml.jackson.databind.JsonNode) io.fabric8.kubernetes.client.utils.Serialization
                        .jsonMapper().valueToTree(o)).toList());
        var close = io.mtcassistant.plans.PlanChangeRules.Change.CLOSE;
        var delete = io.mtcassistant.plans.PlanChangeRules.Change.DELETE;
        MonitorViewModel vm = onFx(() -> {
            MonitorViewModel model = new MonitorViewModel(() -> Optional.of(plans), (t, m) -> { });
            model.arrive();
            model.show(new MonitorUpdate(snapshot, FeedStatus.live(), 1));
            return model;
        });
        onFx(() -> {
            vm.selectedPlanProperty().set("shop");
            assertThat(vm.checkPlanChange(delete).reason())
                    .startsWith("migration shop-cutover-1 of plan shop is running (");
            assertThat(vm.checkPlanChange(io.mtcassistant.plans.PlanChangeRules.Change.EDIT).allowed()).isFalse();
            vm.selectedPlanProperty().set("wiki");
            assertThat(vm.checkPlanChange(delete).allowed()).isTrue();
            vm.askPlanChange(close);
            assertThat(vm.confirmingChangeProperty().get().consequence()).startsWith("Close plan wiki? No migration");
            // another question replaces it; Back drops it
            vm.ask(ActionRequest.Kind.STAGE);
            assertThat(vm.confirmingChangeProperty().get()).isNull();
            vm.askPlanChange(delete);
            assertThat(vm.confirmingProperty().get()).isNull();
            assertThat(vm.confirmingChangeProperty().get().consequence()).startsWith("Delete plan wiki? The MigPlan");
            vm.confirmPlanChange();
            return null;
        });
        until("the delete's outcome", () -> "Plan wiki deleted.".equals(vm.actionMessageProperty().get()));
        assertThat(sent).containsExactly("DELETE wiki");
        // a plan opened from a file is read-only
        Path file = objectsFile();
        onFx(() -> {
            vm.openFile(file);
            return Boolean.TRUE;
        });
        until("the file on screen", () -> vm.openedFileProperty().get() != null);
        assertThat(onFx(() -> {
            vm.selectedPlanProperty().set("shop");
            return vm.checkPlanChange(close).reason();
        })).isEqualTo(MonitorViewModel.OPENED_FROM_FILE);
    }

    /** A watcher's snapshots share the plans that did not change: only the changed ones are replaced and looked at. */
    @Test
    void onlyChangedPlansAreReplacedAndLookedAt() throws Exception {
        io.mtcassistant.monitor.IncrementalMonitorModel model = new io.mtcassistant.monitor.IncrementalMonitorModel(
                Clock.fixed(Instant.parse("2026-01-01T10:10:00Z"), java.time.ZoneOffset.UTC));
        java.util.function.Consumer<io.fabric8.kubernetes.api.model.GenericKubernetesResource> put = o -> model.put(
                io.fabric8.kubernetes.client.utils.Serialization.jsonMapper().valueToTree(o));
        put.accept(io.mtcassistant.monitor.MigTestObjects.readyPlan("shop"));
        put.accept(io.mtcassistant.monitor.MigTestObjects.readyPlan("wiki"));
        put.accept(io.mtcassistant.monitor.MigTestObjects.runningCutover("shop-1", "shop", 30));
        put.accept(io.mtcassistant.monitor.MigTestObjects.runningCutover("wiki-1", "wiki", 30));
        MonitorSnapshot first = model.snapshot();
        put.accept(io.mtcassistant.monitor.MigTestObjects.succeededCutover("wiki-1", "wiki"));
        MonitorSnapshot second = model.snapshot();

        assertThat(MonitorViewModel.changedMigrations(first, second)).extracting(m -> m.name())
                .containsExactly("wiki-1");
        MonitorViewModel vm = onFx(() -> {
            MonitorViewModel shown = new MonitorViewModel(() -> Optional.of(cluster), (t, m) -> notifications.add(t));
            shown.show(new MonitorUpdate(first, FeedStatus.live(), 1));
            shown.show(new MonitorUpdate(second, FeedStatus.live(), 2));
            return shown;
        });
        assertThat(onFx(() -> List.copyOf(vm.shownPlans()))).containsExactlyElementsOf(second.plans());
        assertThat(onFx(() -> vm.shownPlans().get(0))).isSameAs(first.plan("shop").orElseThrow());
        assertThat(notifications).containsExactly("Migration succeeded");
    }
}
