package io.mtcassistant.sim.migration;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtcassistant.sim.SimulatedCluster;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The benchmark load: creates its objects, drives updates for a bounded time and stops by itself. */
class SimulatedMigrationLoadTest {

    @Test
    void theLoadCreatesItsObjectsDrivesUpdatesAndStopsByItself() {
        try (SimulatedCluster cluster = SimulatedCluster.builder().name("sim-load").start();
                SimulatedMigrationLoad load = SimulatedMigrationLoad.start(cluster, 4, 20, 40, Duration.ofSeconds(3));
                var client = cluster.client()) {
            assertThat(client.genericKubernetesResources(MigrationKinds.MIG_MIGRATION.context())
                    .inNamespace(MigrationKinds.NAMESPACE).list().getItems()).hasSize(20);
            assertThat(client.genericKubernetesResources(MigrationKinds.MIG_PLAN.context())
                    .inNamespace(MigrationKinds.NAMESPACE).list().getItems()).hasSize(4);
            assertThat(load.awaitFinished(Duration.ofSeconds(120))).isTrue();
            // 20 seeding writes, then the driven ones
            assertThat(load.updatesSent()).isGreaterThan(20);
            long after = load.updatesSent();
            assertThat(load.awaitFinished(Duration.ofSeconds(1))).isTrue();
            assertThat(load.updatesSent()).isEqualTo(after);
            assertThat(load.updatesFailed()).isZero();
        }
    }
}
