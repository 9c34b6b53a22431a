package io.mtcassistant.ui;

import io.mtcassistant.sim.SimulatedEnvironment;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Demo mode's clusters: the simulated pair (sim-source OpenShift 3.11, sim-target OpenShift 4.12) on 127.0.0.1. */
public final class SimulatedDemoClusters implements DemoClusters {

    // The mock server logs every request through java.util.logging to the console; the app shows its own activity log.
    // Held in a field because java.util.logging keeps loggers only weakly.
    private static final Logger MOCK_SERVER_LOG = Logger.getLogger("io.fabric8.mockwebserver");

    static {
        MOCK_SERVER_LOG.setLevel(Level.WARNING);
    }

    private SimulatedEnvironment environment;

    @Override
    public synchronized Path start(Path directory) {
        environment = SimulatedEnvironment.startDemoPair();
        return environment.writeKubeconfig(directory.resolve("simulated-clusters.kubeconfig"));
    }

    @Override
    public synchronized void close() {
        if (environment != null) {
            environment.close();
            environment = null;
        }
    }
}
