package io.mtcassistant.ui;

import io.mtcassistant.common.XdgDirs;
import io.mtcassistant.settings.Settings;
import io.mtcassistant.sim.SimulatedEnvironment;
import io.mtcassistant.ui.activity.ActivityLog;
import io.mtcassistant.ui.steps.compatibility.EngineCompatibilityService;
import io.mtcassistant.ui.task.TaskRunner;
import io.mtcassistant.ui.testsupport.FakeDialogs;
import io.mtcassistant.ui.testsupport.MemorySettingsStore;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The demo pair as `--demo` starts it, kept reachable so a test can reach into the simulation (plant a fault, slow a
 * controller, fill the mirror registry); {@link #composition} builds the real demo composition around it.
 */
public final class VisibleDemoClusters implements DemoClusters {

    private final Consumer<SimulatedEnvironment> onStart;
    private volatile SimulatedEnvironment environment;

    /** @param onStart adjusts the simulation once started, before the app connects (speeds, faults) */
    public VisibleDemoClusters(Consumer<SimulatedEnvironment> onStart) {
        this.onStart = onStart;
    }

    @Override
    public Path start(Path directory, SimulatedEnvironment.StartListener listener) {
        environment = SimulatedEnvironment.startDemoPair(listener);
        onStart.accept(environment);
        return environment.writeKubeconfig(directory.resolve("simulated-clusters.kubeconfig"));
    }

    /** The running simulation; null until the app started it. */
    public SimulatedEnvironment environment() {
        return environment;
    }

    @Override
    public void close() {
        if (environment != null) {
            environment.close();
        }
    }

    /** The app's demo composition with the production connector, the system compatibility engine and these clusters. */
    public AppComposition composition(Path home, TaskRunner runner, ActivityLog log, FakeDialogs dialogs) {
        XdgDirs dirs = new XdgDirs(Map.of("XDG_CACHE_HOME", home.resolve("cache").toString(), "XDG_STATE_HOME",
                home.resolve("state").toString(), "XDG_CONFIG_HOME", home.resolve("config").toString()), home);
        ClusterServices production = ProductionClusterServices.create();
        ClusterServices services = new ClusterServices(production.loader(), production.connector(),
                production.defaultKubeconfigs(), () -> this);
        return new AppComposition(services, EngineCompatibilityService.system(), new MemorySettingsStore(),
                Settings.defaults(), Runnable::run, runner, log, dialogs, true, AppComposition.CONNECT_TIMEOUT, dirs);
    }
}
