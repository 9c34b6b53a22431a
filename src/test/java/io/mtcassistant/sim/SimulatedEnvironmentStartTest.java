package io.mtcassistant.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.mtcassistant.sim.storage.SimulatedObjectGateway;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The demo pair's parts start in parallel (issue 9): each part is heard ready once, and when the start returns every
 * part has its demo objects, whichever thread seeded them.
 */
class SimulatedEnvironmentStartTest {

    @Test
    void everyPartIsHeardOnceAndSeededBeforeTheStartReturns() {
        List<String> heard = new CopyOnWriteArrayList<>();
        Path caFile;
        try (SimulatedEnvironment environment = SimulatedEnvironment.startDemoPair(heard::add)) {
            assertThat(heard).containsExactlyInAnyOrderElementsOf(SimulatedEnvironment.PARTS);
            caFile = environment.mirrorRegistry().caFile();
            assertThat(caFile).isNotEmptyFile();
            try (KubernetesClient source = environment.source().client()) {
                assertThat(source.namespaces().withName(DemoNetwork.BLOCKED_NAMESPACE).get()).isNotNull();
                assertThat(source.network().v1().networkPolicies().inNamespace(DemoNetwork.BLOCKED_NAMESPACE)
                        .withName(DemoNetwork.DENY_ALL).get()).isNotNull();
                assertThat(source.nodes().list().getItems()).hasSize(DemoNetwork.SOURCE_NODE_ADDRESSES.size());
            }
            try (KubernetesClient target = environment.target().client()) {
                assertThat(target.secrets().inNamespace(SimulatedObjectGateway.NAMESPACE)
                        .withName(SimulatedObjectGateway.ADMIN_SECRET).get()).isNotNull();
                assertThat(target.genericKubernetesResources("config.openshift.io/v1", "Proxy").withName("cluster")
                        .get()).isNotNull();
                assertThat(target.nodes().list().getItems()).hasSize(DemoNetwork.TARGET_NODE_ADDRESSES.size());
            }
            assertThat(environment.migrations()).isNotNull();
        }
        assertThat(Files.exists(caFile)).as("the mirror's certificate is deleted on close").isFalse();
    }
}
