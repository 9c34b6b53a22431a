package io.mtcassistant.sim.migration;

import static io.mtcassistant.sim.migration.MigrationObjects.cluster;
import static io.mtcassistant.sim.migration.MigrationObjects.create;
import static io.mtcassistant.sim.migration.MigrationObjects.migration;
import static io.mtcassistant.sim.migration.MigrationObjects.plan;
import static io.mtcassistant.sim.migration.MigrationObjects.storage;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.mtcassistant.sim.SimulatedCluster;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The simulated MTC controller against a started simulated cluster, through a fabric8 client. */
class SimulatedMigrationControllerTest {

    private static final Duration LIMIT = Duration.ofSeconds(60);

    private static SimulatedCluster target;
    private static SimulatedMigrationController controller;
    private static KubernetesClient client;

    @BeforeAll
    static void start() {
        target = SimulatedCluster.builder().name("sim-target").start();
        controller = SimulatedMigrationController.on(target).timeScale(200).start();
        client = target.client();
        create(client, cluster("host", true));
        create(client, cluster("sim-source", false));
        create(client, storage("repo"));
        create(client, plan("shop", "repo", Map.of()));
    }

    @AfterAll
    static void stop() {
        if (client != null) {
            client.close();
        }
        if (controller != null) {
            controller.close();
        }
        if (target != null) {
            target.close();
        }
    }

    @Test
    void aPlanWhoseClustersAndStorageExistBecomesReady() {
        JsonNode plan = await(MigrationKinds.MIG_PLAN, "shop", p -> hasCondition(p, "Ready"));
        assertThat(condition(plan, "Ready").path("message").asText()).isEqualTo("The migration plan is ready.");
        assertThat(condition(plan, "Ready").path("category").asText()).isEqualTo("Required");
    }

    @Test
    void aPlanWithAMissingStorageIsNotReady() {
        create(client, plan("no-storage", "missing", Map.of()));
        JsonNode plan = await(MigrationKinds.MIG_PLAN, "no-storage", p -> hasCondition(p, "InvalidStorageRef"));
        assertThat(hasCondition(plan, "Ready")).isFalse();
        assertThat(condition(plan, "InvalidStorageRef").path("category").asText()).isEqualTo("Critical");
    }

    @Test
    void aStageMigrationRunsTheStageItineraryToSucceeded() {
        create(client, migration("stage-1", "shop", Map.of("stage", true)));
        JsonNode migration = await(MigrationKinds.MIG_MIGRATION, "stage-1", m -> hasCondition(m, "Succeeded"));
        JsonNode status = migration.path("status");
        assertThat(status.path("itinerary").asText()).isEqualTo("Stage");
        assertThat(status.path("phase").asText()).isEqualTo("Completed");
        assertThat(stepNames(status)).containsExactly("Prepare", "StageBackup", "DirectImage", "DirectVolume",
                "Cleanup");
        for (JsonNode step : status.path("pipeline")) {
            assertThat(step.path("message").asText()).isEqualTo("Completed");
            assertThat(step.has("started") && step.has("completed")).isTrue();
            assertThat(step.has("phase")).isFalse();
        }
        JsonNode volume = step(status, "DirectVolume");
        assertThat(volume.path("progress").get(0).asText()).isEqualTo("2 total volumes; 2 successful; 0 running; 0 failed");
        assertThat(volume.path("progress").get(1).asText()).matches("\\[db-data\\] shop/dvm-rsync-\\w{5}: Completed 100% \\(\\d+s\\)");
        assertThat(condition(migration, "Succeeded").path("message").asText())
                .isEqualTo("The migration has completed successfully.");
        assertThat(hasCondition(migration, "Running")).isFalse();
        List<GenericKubernetesResource> dvms = client.genericKubernetesResources(
                MigrationKinds.DIRECT_VOLUME_MIGRATION.context()).inNamespace(MigrationKinds.NAMESPACE).list().getItems();
        assertThat(dvms).anySatisfy(dvm -> {
            JsonNode node = Serialization.jsonMapper().valueToTree(dvm);
            assertThat(node.path("metadata").path("ownerReferences").get(0).path("name").asText()).isEqualTo("stage-1");
            assertThat(node.path("spec").path("migrationType").asText()).isEqualTo("Stage");
            assertThat(node.path("status").path("phase").asText()).isEqualTo("Completed");
        });
    }

    private static List<String> stepNames(JsonNode status) {
        List<String> names = new ArrayList<>();
        status.path("pipeline").forEach(s -> names.add(s.path("name").asText()));
        return names;
    }

    static JsonNode step(JsonNode status, String name) {
        for (JsonNode step : status.path("pipeline")) {
            if (step.path("name").asText().equals(name)) {
                return step;
            }
        }
        throw new AssertionError("no step " + name + " in " + status);
    }

    static boolean hasCondition(JsonNode object, String type) {
        return condition(object, type) != null;
    }

    static JsonNode condition(JsonNode object, String type) {
        for (JsonNode condition : object.path("status").path("conditions")) {
            if (condition.path("type").asText().equals(type)) {
                return condition;
            }
        }
        return null;
    }

    static JsonNode await(MigrationKinds kind, String name, Predicate<JsonNode> until) {
        return await(client, kind, name, until);
    }

    /** Waits through a watch (fabric8 waitUntilCondition), never by sleeping. */
    static JsonNode await(KubernetesClient on, MigrationKinds kind, String name, Predicate<JsonNode> until) {
        GenericKubernetesResource object = on.genericKubernetesResources(kind.context())
                .inNamespace(MigrationKinds.NAMESPACE).withName(name).waitUntilCondition(
                        o -> o != null && until.test(Serialization.jsonMapper().valueToTree(o)),
                        LIMIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
        return Serialization.jsonMapper().valueToTree(object);
    }
}
