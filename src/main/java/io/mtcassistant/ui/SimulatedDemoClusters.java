package io.mtcassistant.ui;

import io.mtcassistant.sim.SimulatedEnvironment;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Demo mode's clusters: the simulated pair (sim-source OpenShift 3.11, sim-target OpenShift 4.12) on 127.0.0.1, with
 * the demo's mirror registry and replication repository (S3 server, gateway, bucket provisioner) that it starts.
 */
public final class SimulatedDemoClusters implements DemoClusters {

    private SimulatedEnvironment environment;

    @Override
    public synchronized Path start(Path directory, SimulatedEnvironment.StartListener listener) {
        environment = SimulatedEnvironment.startDemoPair(listener);
        return environment.writeKubeconfig(directory.resolve("simulated-clusters.kubeconfig"));
    }

    @Override
    public synchronized Optional<MirrorRegistry> mirrorRegistry() {
        return environment == null ? Optional.empty() : Optional.of(new MirrorRegistry(environment.mirrorRegistry().endpoint(),
                environment.mirrorRegistry().caFile()));
    }

    @Override
    public synchronized void close() {
        if (environment != null) {
            environment.close();
            environment = null;
        }
    }
}
