package io.mtcassistant.sim.olm;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.CustomResourceDefinitionContext;
import io.mtcassistant.sim.SimulatedCluster;
import io.mtcassistant.sim.SimulatedPlatform;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulated controllers of one simulated cluster: OLM (catalogs, subscriptions, install plans, CSVs), the MTC
 * operator (MigrationController), the kubelet (pods of Deployments and DaemonSets, image pulls) and, on OpenShift 4,
 * the machine-config operator's pool rollouts and OperatorHub's default sources. One thread runs every controller
 * in rounds: after every write to the API (a listener on the simulated server) and when a timed step is due.
 *
 * <p>Tests plant failures and set the pace here: {@link #speed}, {@link #trustRegistry}, {@link #failNextCsv},
 * {@link #catalogsNeverReady}.
 */
public final class OlmSimulation implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OlmSimulation.class);

    private final SimulatedCluster cluster;
    private final KubernetesClient client;
    private final SimState state = new SimState();
    private final List<Reconciler> reconcilers = new ArrayList<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Thread thread;
    private boolean dirty = true;
    private volatile boolean closed;
    private volatile long rounds;

    private OlmSimulation(SimulatedCluster cluster) {
        this.cluster = cluster;
        this.client = cluster.controllerClient();
        SimulatedPlatform platform = cluster.platform();
        cluster.registerResource(crdContext(Api.MIGRATION_CONTROLLER, true));
        if (platform.kind() == SimulatedPlatform.Kind.OPENSHIFT_4) {
            cluster.registerResource(crdContext(Api.MACHINE_CONFIG_POOL, true));
            cluster.registerResource(crdContext(Api.IMAGE_REGISTRY_CONFIG, true));
            reconcilers.add(new OperatorHubSources());
            reconcilers.add(new CatalogSources());
            reconcilers.add(new Subscriptions());
            reconcilers.add(new InstallPlans());
            reconcilers.add(new ClusterServiceVersions());
            reconcilers.add(new MachineConfigPools());
            reconcilers.add(new ImageRegistryOperator());
        }
        reconcilers.add(new MigrationOperator());
        reconcilers.add(new Kubelet());
        thread = new Thread(this::run, "sim-controllers-" + cluster.name());
        thread.setDaemon(true);
    }

    /** Seeds what the platform has from the start and starts the controllers of a started, serving cluster. */
    public static OlmSimulation start(SimulatedCluster cluster) {
        OlmSimulation simulation = new OlmSimulation(cluster);
        new Seeds(new Api(simulation.client), cluster.platform(), cluster.name()).seed();
        cluster.onChange(path -> simulation.wake());
        simulation.thread.start();
        return simulation;
    }

    /** Sets the pace (phase length, registry re-check interval). */
    public OlmSimulation speed(SimulationSpeed speed) {
        state.speed(Objects.requireNonNull(speed));
        wake();
        return this;
    }

    public SimulationSpeed speed() {
        return state.speed();
    }

    /**
     * Lets the cluster's nodes and catalog pods reach a registry (host:port as images name it) trusting its CA;
     * every other registry is out of reach, as in a restricted network.
     */
    public OlmSimulation trustRegistry(String registry, Path caFile) {
        state.puller().trust(registry, caFile);
        wake();
        return this;
    }

    /** The next CSV that starts installing goes to phase Failed with this reason and message. */
    public OlmSimulation failNextCsv(String reason, String message) {
        state.failNextCsv(new SimState.PlantedFailure(reason, message));
        wake();
        return this;
    }

    /** Every CatalogSource stays TRANSIENT_FAILURE with this message (null: back to checking the image). */
    public OlmSimulation catalogsNeverReady(String message) {
        state.catalogFailure(message);
        wake();
        return this;
    }

    /** Forgets the image pulls seen so far, so the next round looks at the registries again. */
    public void recheckImages() {
        state.puller().forget();
        wake();
    }

    /** Asks for a round now. */
    public void wake() {
        lock.lock();
        try {
            dirty = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Rounds run so far (for tests that wait for the controllers to have looked). */
    public long rounds() {
        return rounds;
    }

    private void run() {
        while (!closed) {
            lock.lock();
            try {
                dirty = false;
            } finally {
                lock.unlock();
            }
            Instant next = Instant.now().plus(state.speed().recheck());
            Pass pass = new Pass(new Api(client), state, cluster.platform(), cluster.name(), next);
            for (Reconciler reconciler : reconcilers) {
                if (closed) {
                    return;
                }
                try {
                    reconciler.reconcile(pass);
                } catch (RuntimeException e) {
                    // a conflict or a half-deleted object: the next round sees the new state
                    LOG.debug("simulated {} on {}: {}", reconciler.getClass().getSimpleName(), cluster.name(),
                            e.toString());
                    pass.wakeAt(Instant.now().plus(state.speed().phase()));
                }
            }
            rounds++;
            LOG.trace("simulated controllers of {}: round {} took {} ms", cluster.name(), rounds,
                    Duration.between(pass.now(), Instant.now()).toMillis());
            waitUntil(pass.nextWake());
        }
    }

    private void waitUntil(Instant next) {
        lock.lock();
        try {
            while (!dirty && !closed) {
                long millis = Duration.between(Instant.now(), next).toMillis();
                if (millis <= 0) {
                    return;
                }
                changed.await(millis, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        closed = true;
        wake();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        client.close();
    }

    private static CustomResourceDefinitionContext crdContext(io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext kind,
            boolean status) {
        return new CustomResourceDefinitionContext.Builder().withGroup(kind.getGroup()).withVersion(kind.getVersion())
                .withKind(kind.getKind()).withPlural(kind.getPlural())
                .withScope(kind.isNamespaceScoped() ? "Namespaced" : "Cluster")
                .withName(kind.getPlural() + "." + kind.getGroup()).withStatusSubresource(status).build();
    }
}
