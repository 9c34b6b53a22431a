package io.mtcassistant.ui;

import io.mtcassistant.sim.SimulatedEnvironment;
import java.nio.file.Path;

/** The simulated clusters of demo mode, seen from the UI. */
public interface DemoClusters extends AutoCloseable {

    /**
     * Starts the simulated clusters and writes a kubeconfig for them into {@code directory}; returns that file.
     * Tells {@code listener} each of {@link SimulatedEnvironment#PARTS} as it is ready.
     */
    Path start(Path directory, SimulatedEnvironment.StartListener listener) throws Exception;

    @Override
    void close();
}
