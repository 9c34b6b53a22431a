package io.mtcassistant.ui;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.mtcassistant.sim.SimulatedEnvironment;
import io.mtcassistant.sim.storage.SimulatedBucketProvisioner;
import io.mtcassistant.sim.storage.SimulatedObjectGateway;
import io.mtcassistant.sim.storage.SimulatedS3Server;
import java.nio.file.Path;
import java.util.Optional;

/** Demo mode's clusters: the simulated pair (sim-source OpenShift 3.11, sim-target OpenShift 4.12) on 127.0.0.1. */
public final class SimulatedDemoClusters implements DemoClusters {

    /** The demo gateway's admin keys, which the demo's S3 server accepts. */
    static final String DEMO_ACCESS_KEY = "DEMOACCESSKEY0000000";
    static final String DEMO_SECRET_KEY = "demo-secret-access-key";
    /** The bucket the Repository step offers by default, made on the demo's S3 server. */
    static final String DEMO_BUCKET = "migration";

    private SimulatedEnvironment environment;
    private SimulatedBucketProvisioner bucketProvisioner;
    private SimulatedS3Server s3;

    @Override
    public synchronized Path start(Path directory, SimulatedEnvironment.StartListener listener) {
        environment = SimulatedEnvironment.startDemoPair(listener);
        // step 6 has a Multicloud Object Gateway to discover on sim-target, and an S3 server behind it to check
        s3 = SimulatedS3Server.start(DEMO_ACCESS_KEY, DEMO_SECRET_KEY).createBucket(DEMO_BUCKET);
        try (KubernetesClient client = environment.target().client()) {
            SimulatedObjectGateway.ready(s3.endpoint().toString(), DEMO_ACCESS_KEY, DEMO_SECRET_KEY).installOn(client);
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
        if (s3 != null) {
            s3.close();
            s3 = null;
        }
        if (environment != null) {
            environment.close();
            environment = null;
        }
    }
}
