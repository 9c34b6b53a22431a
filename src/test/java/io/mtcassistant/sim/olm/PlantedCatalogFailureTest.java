package io.mtcassistant.sim.olm;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.mtcassistant.sim.SimulatedCluster;
import org.junit.jupiter.api.Test;

/** A test can keep every CatalogSource from getting READY, with a message of its choice. */
class PlantedCatalogFailureTest {

    @Test
    void catalogNeverGetsReady() {
        try (SimulatedCluster cluster = SimulatedCluster.builder().name("never").openShift4("4.14.10").start();
                KubernetesClient client = cluster.client()) {
            cluster.operators().speed(SimulationSpeed.fast()).catalogsNeverReady("simulated: the catalog pod crashes");
            client.genericKubernetesResources(Api.CATALOG_SOURCE).resource(Serialization.unmarshal("""
                    apiVersion: operators.coreos.com/v1alpha1
                    kind: CatalogSource
                    metadata: {name: never, namespace: openshift-marketplace}
                    spec: {sourceType: grpc, image: "127.0.0.1:1/redhat/index:v4.14"}
                    """, GenericKubernetesResource.class)).create();
            String message = Eventually.get("TRANSIENT_FAILURE", () -> {
                var status = Api.JSON.valueToTree(client.genericKubernetesResources(Api.CATALOG_SOURCE)
                        .inNamespace("openshift-marketplace").withName("never").get()).path("status");
                return "TRANSIENT_FAILURE".equals(status.path("connectionState").path("lastObservedState").asText())
                        ? status.path("message").asText() : null;
            });
            assertThat(message).isEqualTo("simulated: the catalog pod crashes");
            long rounds = cluster.operators().rounds();
            Eventually.get("more rounds", () -> cluster.operators().rounds() > rounds + 2);
            assertThat(client.genericKubernetesResources(Api.PACKAGE_MANIFEST).inNamespace("openshift-marketplace")
                    .list().getItems()).isEmpty();
        }
    }
}
