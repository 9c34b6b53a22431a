package io.mtcassistant.ui;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.mtcassistant.sim.SimulatedEnvironment;
import io.mtcassistant.sim.storage.SimulatedBucketProvisioner;
import io.mtcassistant.sim.storage.SimulatedObjectGateway;
import java.nio.file.Path;
import java.util.Optional;

/** Demo mode's clusters: the simulated pair (sim-source OpenShift 3.11, sim-target OpenShift 4.12) on 127.0.0.1. */
public final class SimulatedDemoClusters implements DemoClusters {

    /** The S3 endpoint the demo's gateway names: the seeded MigStorage's, where no S3 server runs. */
    static final String DEMO_S3_ENDPOINT = "http://127.0.0.1:9000";

    private SimulatedEnvironment environment;
    private SimulatedBucketProvisioner bucketProvisioner;

    @Override
    public synchronized Path start(Path directory, SimulatedEnvironment.StartListener listener) {
        environment = SimulatedEnvironment.startDemoPair(listener);
        // step 6 has a Multicloud Object Gateway to discover on sim-target
        try (KubernetesClient client = environment.target().client()) {
            SimulatedObjectGateway.ready(DEMO_S3_ENDPOINT, "DEMOACCESSKEY0000000", "demo-secret-access-key").installOn(client);
        }
        // ObjectBucketClaims of the gateway's storage class get bound (repository create --bucket-claim)
        bucketProvisioner = SimulatedBucketProvisioner.start(environment.target());
        return environment.writeKubeconfig(directory.resolve("simulated-clusters.kubeconfig"));
    }

    @Override
    public synchronized Optional<MirrorRegistry> mirrorRegistry() {
        return environment == null ? Optional.empty() : Optional.of(new MirrorRegistry(environment.mirrorRegistry().endpoint(),
                environment.mirrorRegistry().caFile()));
    }

    @Override
    public synchronized void close() {
        if (bucketProvisioner != null) {
            bucketProvisioner.close();
            bucketProvisioner = null;
        }
        if (environment != null) {
            environment.close();
            environment = null;
        }
    }
}
