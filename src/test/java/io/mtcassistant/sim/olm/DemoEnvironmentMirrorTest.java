package io.mtcassistant.sim.olm;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.mtcassistant.mirror.catalog.demo.DemoCatalog;
import io.mtcassistant.mirror.engine.TransferListener;
import io.mtcassistant.mirror.registry.CredentialStore;
import io.mtcassistant.mirror.registry.ProxySettings;
import io.mtcassistant.mirror.registry.RegistryAccess;
import io.mtcassistant.sim.SimulatedEnvironment;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo pair comes with its mirror registry, which the target's catalog pods reach once content is mirrored. */
class DemoEnvironmentMirrorTest {

    @Test
    void catalogMirroredIntoTheDemoRegistryIsReadyOnTheTarget(@TempDir Path dir) {
        try (SimulatedEnvironment environment = SimulatedEnvironment.startDemoPair();
                KubernetesClient client = environment.target().client()) {
            environment.target().operators().speed(SimulationSpeed.fast());
            var registry = environment.mirrorRegistry();
            DemoCatalog.Contents contents = DemoCatalog.write(dir.resolve("layout"), DemoCatalog.DEFAULT_HOST);
            DemoCatalog.push(contents, new RegistryAccess(CredentialStore.empty(), ProxySettings.none(),
                    Map.of(registry.endpoint(), List.of(registry.caFile()))), registry.endpoint(), true,
                    TransferListener.NONE);
            client.genericKubernetesResources(Api.CATALOG_SOURCE).resource(Serialization.unmarshal("""
                    apiVersion: operators.coreos.com/v1alpha1
                    kind: CatalogSource
                    metadata: {name: demo, namespace: openshift-marketplace}
                    spec: {sourceType: grpc, image: "%s/%s:%s"}
                    """.formatted(registry.endpoint(), DemoCatalog.INDEX_REPOSITORY, DemoCatalog.INDEX_TAG),
                    GenericKubernetesResource.class)).create();
            String state = Eventually.get("READY", () -> {
                GenericKubernetesResource source = client.genericKubernetesResources(Api.CATALOG_SOURCE)
                        .inNamespace("openshift-marketplace").withName("demo").get();
                String observed = Api.JSON.valueToTree(source).path("status").path("connectionState")
                        .path("lastObservedState").asText();
                return "READY".equals(observed) ? observed : null;
            });
            assertThat(state).isEqualTo("READY");
            assertThat(environment.source().operators()).isNotNull();
        }
    }
}
