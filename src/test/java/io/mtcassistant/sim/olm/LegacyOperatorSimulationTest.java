package io.mtcassistant.sim.olm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.mtcassistant.mirror.catalog.demo.DemoCatalog;
import io.mtcassistant.sim.SimulatedCluster;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** OpenShift 3.11 without OLM: objects applied from operator.yml, the operator pod, velero and restic, image pulls. */
class LegacyOperatorSimulationTest {

    @TempDir
    static Path dir;
    static DemoMirror mirror;
    static SimulatedCluster cluster;
    static KubernetesClient client;

    @BeforeAll
    static void start() {
        mirror = new DemoMirror(dir);
        cluster = SimulatedCluster.builder().name("legacy").openShift3("3.11.784").start();
        cluster.operators().speed(SimulationSpeed.fast()).trustRegistry(mirror.registry.endpoint(),
                mirror.registry.caFile());
        client = cluster.client();
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(Api.MIGRATION_NAMESPACE)
                .endMetadata().build()).create();
    }

    @AfterAll
    static void stop() {
        if (client != null) {
            client.close();
        }
        if (cluster != null) {
            cluster.close();
        }
        if (mirror != null) {
            mirror.close();
        }
    }

    static ObjectNode get(ResourceDefinitionContext kind, String name) {
        GenericKubernetesResource found = client.genericKubernetesResources(kind).inNamespace(Api.MIGRATION_NAMESPACE)
                .withName(name).get();
        return found == null ? null : Api.JSON.valueToTree(found);
    }

    static void create(ResourceDefinitionContext kind, String yaml) {
        client.genericKubernetesResources(kind).resource(Serialization.unmarshal(yaml, GenericKubernetesResource.class))
                .create();
    }

    static JsonNode waiting(String podName) {
        ObjectNode pod = get(Api.POD, podName);
        return pod == null ? null : pod.path("status").path("containerStatuses").path(0).path("state").path("waiting");
    }

    @Test
    void legacyOperatorFromTheMirrorRunsVeleroAndRestic() {
        String registry = mirror.registry.endpoint();
        create(Api.DEPLOYMENT, """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: migration-operator, namespace: openshift-migration}
                spec:
                  selector: {matchLabels: {app: migration}}
                  template:
                    metadata: {labels: {app: migration}}
                    spec:
                      containers:
                      - name: operator
                        image: %s/%s:v1.7
                        env:
                        - {name: REGISTRY, value: "%s"}
                        - {name: PROJECT, value: rhmtc}
                        - {name: VELERO_REPO, value: openshift-migration-velero-rhel8}
                        - {name: VELERO_TAG, value: v1.7}
                """.formatted(registry, DemoCatalog.LEGACY_REPOSITORY, registry));
        Eventually.get("operator available", () -> get(Api.DEPLOYMENT, "migration-operator").path("status")
                .path("availableReplicas").asInt() == 1);
        create(Api.MIGRATION_CONTROLLER, """
                apiVersion: migration.openshift.io/v1alpha1
                kind: MigrationController
                metadata: {name: migration-controller, namespace: openshift-migration}
                spec: {migration_velero: true, migration_log_reader: true, restic_timeout: 1h}
                """);
        Eventually.get("velero available", () -> get(Api.DEPLOYMENT, "velero") != null
                && get(Api.DEPLOYMENT, "velero").path("status").path("availableReplicas").asInt() == 1);
        Eventually.get("restic ready", () -> get(Api.DAEMON_SET, "restic") != null
                && get(Api.DAEMON_SET, "restic").path("status").path("numberReady").asInt() == 1);
        ObjectNode controller = Eventually.get("Successful", () -> {
            ObjectNode c = get(Api.MIGRATION_CONTROLLER, "migration-controller");
            return Api.condition(c.path("status").path("conditions"), "Successful") != null ? c : null;
        });
        assertThat(controller.path("spec").path("version").asText()).isEqualTo(MigrationOperator.LEGACY_VERSION);
        assertThat(get(Api.DEPLOYMENT, "migration-controller")).isNull();
        assertThat(get(Api.DEPLOYMENT, "velero").path("spec").path("template").path("spec").path("containers")
                .path(0).path("image").asText()).isEqualTo(registry + "/rhmtc/openshift-migration-velero-rhel8:v1.7");
        assertThat(get(Api.CONFIG_MAP, "migration-cluster-config").path("data").path("OPERATOR_VERSION").asText())
                .isEqualTo(MigrationOperator.LEGACY_VERSION);
    }

    @Test
    void missingRequiredKeyGivesTheAnsibleFailure() {
        // needs the operator of the other test or its own: the Deployment name is fixed, so create it when absent
        if (get(Api.DEPLOYMENT, "migration-operator") == null) {
            legacyOperatorFromTheMirrorRunsVeleroAndRestic();
        }
        create(Api.MIGRATION_CONTROLLER, """
                apiVersion: migration.openshift.io/v1alpha1
                kind: MigrationController
                metadata: {name: broken, namespace: openshift-migration}
                spec: {migration_log_reader: true}
                """);
        JsonNode failure = Eventually.get("Failure", () -> Api.condition(get(Api.MIGRATION_CONTROLLER, "broken")
                .path("status").path("conditions"), "Failure"));
        assertThat(failure.path("message").asText()).contains("'migration_velero' is undefined");
    }

    @Test
    void podWhoseImageIsNotMirroredBacksOffWithTheRuntimeMessageAndStartsOnceMirrored() {
        String image = mirror.registry.endpoint() + "/rhmtc/pull-check@sha256:" + "0".repeat(64);
        client.pods().inNamespace(Api.MIGRATION_NAMESPACE).resource(new PodBuilder().withNewMetadata()
                .withName("pull-check").endMetadata().withNewSpec().addNewContainer().withName("check").withImage(image)
                .endContainer().endSpec().build()).create();
        JsonNode errPull = Eventually.get("ErrImagePull or ImagePullBackOff", () -> {
            JsonNode w = waiting("pull-check");
            return w != null && w.path("reason").asText().contains("ImagePull") ? w : null;
        });
        assertThat(errPull.path("message").asText()).contains("manifest unknown");
        JsonNode backOff = Eventually.get("ImagePullBackOff", () -> {
            JsonNode w = waiting("pull-check");
            return w != null && "ImagePullBackOff".equals(w.path("reason").asText()) ? w : null;
        });
        assertThat(backOff.path("message").asText()).contains("Back-off pulling image \"" + image + "\"");
        assertThat(client.v1().events().inNamespace(Api.MIGRATION_NAMESPACE).list().getItems())
                .anySatisfy(e -> assertThat(e.getMessage()).startsWith("Failed to pull image \"" + image));

        String unreachable = "registry.redhat.io/rhmtc/openshift-migration-velero-rhel8:v1.7";
        client.pods().inNamespace(Api.MIGRATION_NAMESPACE).resource(new PodBuilder().withNewMetadata()
                .withName("unreachable").endMetadata().withNewSpec().addNewContainer().withName("c").withImage(unreachable)
                .endContainer().endSpec().build()).create();
        JsonNode noHost = Eventually.get("no such host", () -> {
            JsonNode w = waiting("unreachable");
            return w != null && w.path("message").asText().contains("no such host") ? w : null;
        });
        assertThat(noHost.path("message").asText()).contains("registry.redhat.io");
    }

    @Test
    void apiGoesAwayAndComesBackOnTheSameUrlWithItsObjects() {
        String url = cluster.url();
        client.configMaps().inNamespace(Api.MIGRATION_NAMESPACE).resource(new io.fabric8.kubernetes.api.model
                .ConfigMapBuilder().withNewMetadata().withName("before-outage").endMetadata().build()).create();
        cluster.suspendApi();
        try {
            assertThatThrownBy(() -> client.configMaps().inNamespace(Api.MIGRATION_NAMESPACE).list())
                    .isInstanceOf(KubernetesClientException.class);
        } finally {
            cluster.resumeApi();
        }
        assertThat(cluster.url()).isEqualTo(url);
        List<String> names = Eventually.get("the API back", () -> client.configMaps()
                .inNamespace(Api.MIGRATION_NAMESPACE).list().getItems().stream().map(c -> c.getMetadata().getName())
                .toList());
        assertThat(names).contains("before-outage");
    }
}
