package io.mtcassistant.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mtcassistant.sim.SimulatedEnvironment;
import io.mtcassistant.ui.task.BackgroundTask;
import io.mtcassistant.ui.task.Progress;
import io.mtcassistant.ui.task.SyncTaskRunner;
import io.mtcassistant.ui.task.TaskHandle;
import io.mtcassistant.ui.task.TaskRunner;
import io.mtcassistant.ui.testsupport.FakeConnector;
import io.mtcassistant.ui.testsupport.FakeDialogs;
import io.mtcassistant.ui.testsupport.FakeKubeconfigLoader;
import io.mtcassistant.ui.testsupport.TestCompositions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.junit.jupiter.api.Test;

/** The composition root without a window: what start() and close() do in normal and demo mode. */
class AppCompositionTest {

    private final FakeKubeconfigLoader loader = new FakeKubeconfigLoader();

    @Test
    void demoModeLoadsTheSimulationsKubeconfigAndDeletesItOnClose() {
        FakeDemoClusters demo = new FakeDemoClusters(null);
        AppComposition app = TestCompositions.withFakes(loader, new FakeConnector(), List.of(), new FakeDialogs(),
                SyncTaskRunner::new, true, () -> demo);

        app.start();

        Path kubeconfig = app.clusters().files().get(0);
        assertThat(kubeconfig.getFileName().toString()).isEqualTo("demo.kubeconfig");
        assertThat(app.clusters().contexts()).extracting(r -> r.name()).containsExactly("sim-source", "sim-target");
        assertThat(app.clusters().remembersFiles()).isFalse();
        assertThat(app.windowTitle()).contains("DEMO");

        app.close();
        assertThat(demo.closed).isTrue();
        assertThat(kubeconfig.getParent()).doesNotExist();
    }

    @Test
    void theDemoNeedsNoSetupRolesAreSetAndItConnectsOnceTheSimulationIsReady() {
        FakeDemoClusters demo = new FakeDemoClusters(null);
        FakeConnector connector = new FakeConnector().succeeds("sim-source", "3.11.784", true).succeeds("sim-target", "4.12.45", true);
        AppComposition app = TestCompositions.withFakes(loader, connector, List.of(), new FakeDialogs(), SyncTaskRunner::new, true,
                () -> demo);
        List<String> shown = new ArrayList<>();
        app.clusters().statusProperty().addListener((obs, old, now) -> shown.add(now));
        app.start();
        // Issue 16, point 3: while the simulation starts, the page says which part is ready; then it connects.
        assertThat(shown).startsWith("Starting the simulated clusters: 0 of 3 ready…",
                "Starting the simulated clusters: mirror registry ready (1 of 3)…",
                "Starting the simulated clusters: sim-target ready (2 of 3)…",
                "Starting the simulated clusters: sim-source ready (3 of 3)…");
        assertThat(app.clusters().statusProperty().get()).doesNotContain("Starting");
        assertThat(app.clusters().row(io.mtcassistant.cluster.ClusterRole.SOURCE)).map(r -> r.name()).contains("sim-source");
        assertThat(app.clusters().row(io.mtcassistant.cluster.ClusterRole.TARGET)).map(r -> r.name()).contains("sim-target");
        assertThat(connector.calls).extracting(FakeConnector.Call::context).containsExactlyInAnyOrder("sim-source", "sim-target");
        assertThat(app.clusters().stepStateProperty().get()).isEqualTo(io.mtcassistant.ui.wizard.StepState.DONE);

        // SIGTERM skips close(): the shutdown hook deletes the folder on its own.
        Thread hook = app.demoCleanupHook();
        assertThat(hook).isNotNull();
        hook.run();
        assertThat(demo.directory).doesNotExist();
        app.close();
        assertThat(Runtime.getRuntime().removeShutdownHook(hook)).as("close() already took the hook away").isFalse();
    }

    @Test
    void theDemoConnectTimeoutFollowsHowLongTheSimulationTookToStart() {
        AppComposition app = TestCompositions.withFakes(loader, new FakeConnector(), List.of(), new FakeDialogs(), SyncTaskRunner::new,
                true, () -> null);
        java.time.Duration base = java.time.Duration.ofSeconds(5); // the test compositions' connect timeout
        assertThat(app.demoConnectTimeout(java.time.Duration.ofSeconds(1))).isEqualTo(base);
        assertThat(app.demoConnectTimeout(java.time.Duration.ofSeconds(20))).isEqualTo(java.time.Duration.ofSeconds(60));
        assertThat(app.demoConnectTimeout(java.time.Duration.ofMinutes(5))).isEqualTo(java.time.Duration.ofMinutes(2));
        app.close();
    }

    @Test
    void closingWhileTheSimulationStartsStillStopsItAndRemovesItsFolder() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        FakeDemoClusters demo = new FakeDemoClusters(release);
        CapturingRunner runner = new CapturingRunner();
        AppComposition app = TestCompositions.withFakes(loader, new FakeConnector(), List.of(), new FakeDialogs(),
                log -> runner, true, () -> demo);
        app.start();
        CompletableFuture<Object> work = CompletableFuture.supplyAsync(() -> {
            try {
                return runner.task.work().call(Progress.NONE);
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        assertThat(demo.started.await(10, TimeUnit.SECONDS)).isTrue();

        app.close();
        release.countDown();

        assertThatThrownBy(() -> work.get(10, TimeUnit.SECONDS)).hasRootCauseInstanceOf(CancellationException.class);
        assertThat(demo.closedAfterStart).as("the clusters that finished starting after close() are stopped").isTrue();
        assertThat(demo.directory).doesNotExist();
    }

    @Test
    void normalModeOffersTheUsualKubeconfigLocations() throws Exception {
        Path config = Files.createTempFile("kubeconfig", ".yaml");
        try {
            loader.file(config, "prod");
            AppComposition app = TestCompositions.withFakes(loader, new FakeConnector(), List.of(config), new FakeDialogs(),
                    SyncTaskRunner::new, false, () -> {
                        throw new AssertionError("no simulation outside demo mode");
                    });

            app.start();

            assertThat(app.clusters().files()).containsExactly(config.toAbsolutePath().normalize());
            assertThat(app.windowTitle()).isEqualTo("MTC Assistant");
        } finally {
            Files.deleteIfExists(config);
        }
    }

    /** Writes a kubeconfig file the fake loader knows; optionally waits in start() until released. */
    private final class FakeDemoClusters implements DemoClusters {
        private final CountDownLatch release;
        final CountDownLatch started = new CountDownLatch(1);
        volatile boolean closed;
        volatile boolean startFinished;
        volatile boolean closedAfterStart;
        volatile Path directory;

        FakeDemoClusters(CountDownLatch release) {
            this.release = release;
        }

        @Override
        public Path start(Path dir, SimulatedEnvironment.StartListener listener) throws Exception {
            directory = dir;
            SimulatedEnvironment.PARTS.forEach(listener::ready);
            Path file = Files.writeString(dir.resolve("demo.kubeconfig"), "fake");
            loader.file(file, "sim-source", "sim-target");
            started.countDown();
            if (release != null) {
                assertThat(release.await(10, TimeUnit.SECONDS)).isTrue();
            }
            startFinished = true;
            return file;
        }

        @Override
        public void close() {
            closed = true;
            closedAfterStart |= startFinished;
        }
    }

    /** Keeps the task instead of running it, so the test decides on which thread and when. */
    private static final class CapturingRunner implements TaskRunner {
        BackgroundTask<?> task;

        @Override
        public <T> TaskHandle run(BackgroundTask<T> spec) {
            task = spec;
            return new TaskHandle() {
                @Override
                public void cancel() {
                }

                @Override
                public boolean isDone() {
                    return false;
                }
            };
        }

        @Override
        public ReadOnlyBooleanProperty busyProperty() {
            return new ReadOnlyBooleanWrapper(false).getReadOnlyProperty();
        }

        @Override
        public ReadOnlyStringProperty statusProperty() {
            return new ReadOnlyStringWrapper("").getReadOnlyProperty();
        }

        @Override
        public ReadOnlyDoubleProperty progressProperty() {
            return new ReadOnlyDoubleWrapper(-1).getReadOnlyProperty();
        }

        @Override
        public void cancelAll() {
        }
    }
}
