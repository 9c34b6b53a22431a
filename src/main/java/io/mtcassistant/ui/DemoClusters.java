package io.mtcassistant.ui;

import io.mtcassistant.sim.SimulatedEnvironment;
import java.nio.file.Path;
import java.util.Optional;

/** The simulated clusters of demo mode, seen from the UI. */
public interface DemoClusters extends AutoCloseable {

    /**
     * Starts the simulated clusters and writes a kubeconfig for them into {@code directory}; returns that file.
     * Tells {@code listener} each of {@link SimulatedEnvironment#PARTS} as it is ready.
     */
    Path start(Path directory, SimulatedEnvironment.StartListener listener) throws Exception;

    /** The simulated mirror registry both clusters pull from (host:port and the CA to trust), once started. */
    record MirrorRegistry(String endpoint, Path caFile) {
    }

    /** The demo's mirror registry, which the Mirroring step uses by default; empty before start or when there is none. */
    default Optional<MirrorRegistry> mirrorRegistry() {
        return Optional.empty();
    }

    @Override
    void close();
}
