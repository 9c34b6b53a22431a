package io.mtcassistant.ui;

import java.nio.file.Path;

/** The simulated clusters of demo mode, seen from the UI. */
public interface DemoClusters extends AutoCloseable {

    /** Starts the simulated clusters and writes a kubeconfig for them into {@code directory}; returns that file. */
    Path start(Path directory) throws Exception;

    @Override
    void close();
}
