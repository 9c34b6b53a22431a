package io.mtcassistant.sim.migration;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.mtcassistant.sim.SimulatedCluster;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The benchmark load: creates its objects, drives updates for a bounded time and stops by itself. */
class SimulatedMigrationLoadTest {

    /** MODIFIED events seen by a watch; waits for a count without polling. */
    private static final class ModifiedEvents implements Watcher<GenericKubernetesResource> {
        private long count;

        @Override
        public synchronized void eventReceived(Action action, GenericKubernetesResource resource) {
            if (action == Action.MODIFIED) {
                count++;
                notifyAll();
            }
        }

        @Override
        public void onClose(WatcherException cause) {
        }

        synchronized long awaitAtLeast(long expected, Duration limit) throws InterruptedException {
            long deadline = System.nanoTime() + limit.toNanos();
            while (count < expected && System.nanoTime() < deadline) {
                wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            }
            return count;
        }
    }

    @Test
    void theLoadCreatesItsObjectsDrivesUpdatesAndStopsByItself() throws InterruptedException {
        ModifiedEvents events = new ModifiedEvents();
        try (SimulatedCluster cluster = SimulatedCluster.builder().name("sim-load").start();
                SimulatedMigrationLoad load = SimulatedMigrationLoad.seeded(cluster, 4, 20);
                var client = cluster.client();
                Watch watch = client.genericKubernetesResources(MigrationKinds.MIG_MIGRATION.context())
                        .inNamespace(MigrationKinds.NAMESPACE).watch(events)) {
            assertThat(client.genericKubernetesResources(MigrationKinds.MIG_MIGRATION.context())
                    .inNamespace(MigrationKinds.NAMESPACE).list().getItems()).hasSize(20);
            assertThat(client.genericKubernetesResources(MigrationKinds.MIG_PLAN.context())
                    .inNamespace(MigrationKinds.NAMESPACE).list().getItems()).hasSize(4);
            long seeded = load.updatesSent();
            assertThat(seeded).isEqualTo(20);

            load.drive(40, Duration.ofSeconds(3));
            assertThat(load.awaitFinished(Duration.ofSeconds(120))).isTrue();
            long driven = load.updatesSent() - seeded;
            assertThat(driven).isPositive();
            assertThat(load.awaitFinished(Duration.ofSeconds(1))).isTrue();
            assertThat(load.updatesSent()).isEqualTo(seeded + driven);
            assertThat(load.updatesFailed()).isZero();
            // only writes that change a status are sent, so each one reaches the watchers
            assertThat(events.awaitAtLeast(driven, Duration.ofSeconds(60))).isEqualTo(driven);
        }
    }
}
