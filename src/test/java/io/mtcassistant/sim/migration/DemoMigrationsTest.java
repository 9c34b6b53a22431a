package io.mtcassistant.sim.migration;

import static io.mtcassistant.sim.migration.SimulatedMigrationControllerTest.await;
import static io.mtcassistant.sim.migration.SimulatedMigrationControllerTest.condition;
import static io.mtcassistant.sim.migration.SimulatedMigrationControllerTest.hasCondition;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.mtcassistant.sim.SimulatedEnvironment;
import io.mtcassistant.storage.RepositoryPlanner;
import io.mtcassistant.storage.SecretKeys;
import io.mtcassistant.storage.StorageApis;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The demo pair's migrations: finished, failed, paused and running ones on sim-target when the demo starts. */
class DemoMigrationsTest {

    private static SimulatedEnvironment environment;
    private static KubernetesClient client;
    private static SimulatedMigrationController controller;

    @BeforeAll
    static void start() {
        environment = SimulatedEnvironment.startDemoPair();
        controller = environment.migrations().awaitSeeded(Duration.ofSeconds(120));
        client = environment.target().client();
    }

    @AfterAll
    static void stop() {
        if (client != null) {
            client.close();
        }
        if (environment != null) {
            environment.close();
        }
    }

    @Test
    void theDemoHoldsReadyPlansAndMigrationsInEveryState() {
        for (String plan : DemoMigrations.PLANS) {
            assertThat(hasCondition(await(client, MigrationKinds.MIG_PLAN, plan, p -> hasCondition(p, "Ready")),
                    "Ready")).isTrue();
        }
        assertThat(hasCondition(json("webshop-stage-1"), "Succeeded")).isTrue();
        assertThat(hasCondition(json("inventory-stage-1"), "Failed")).isTrue();
        assertThat(hasCondition(json("inventory-stage-2"), "SucceededWithWarnings")).isTrue();
        JsonNode payroll = json("payroll-cutover-1");
        assertThat(condition(payroll, "Failed").path("reason").asText()).isEqualTo("InitialBackupCreated");
        assertThat(payroll.path("status").path("errors").get(0).asText()).contains("restic_timeout");
        JsonNode crm = json("crm-stage-1");
        assertThat(hasCondition(crm, MigrationRun.DVM_BLOCKED)).isTrue();
        assertThat(crm.path("status").path("phase").asText()).isEqualTo("WaitForDirectVolumeMigrationToComplete");
    }

    @Test
    void theRunningCutoverKeepsMovingToSucceeded() {
        JsonNode running = json("webshop-cutover-1");
        assertThat(hasCondition(running, "Running")).isTrue();
        assertThat(running.path("status").path("startTimestamp").asText()).isNotEmpty();
        String before = running.path("status").path("phase").asText();
        controller.timeScale(100);
        JsonNode done = await(client, MigrationKinds.MIG_MIGRATION, "webshop-cutover-1",
                m -> hasCondition(m, "Succeeded"));
        assertThat(before).isNotEqualTo("Completed");
        assertThat(done.path("status").path("itinerary").asText()).isEqualTo("Final");
        assertThat(hasCondition(json("crm-stage-1"), MigrationRun.DVM_BLOCKED)).isTrue();
    }

    @Test
    void theSeededMigStorageNamesTheDemoS3ServerAndIsReadyOnlyWhileTheControllerCanWriteToIt() {
        JsonNode storage = Serialization.jsonMapper().valueToTree(MigrationObjects.get(client,
                MigrationKinds.MIG_STORAGE, DemoMigrations.STORAGE));
        assertThat(storage.path("spec").path("backupStorageConfig").path("awsS3Url").asText())
                .isEqualTo(environment.s3().endpoint().toString());
        assertThat(condition(storage, "Ready").path("status").asText()).isEqualTo("True");
        assertThat(storage.path("status").path("observedDigest").asText()).as("tested, not seeded").isNotEmpty();

        // a wrong secret key in its Secret: the controller's write fails, as MTC's provider test would
        String secretName = RepositoryPlanner.secretName(DemoMigrations.STORAGE);
        Secret original = client.secrets().inNamespace(StorageApis.CONFIG_NAMESPACE).withName(secretName).get();
        client.secrets().inNamespace(StorageApis.CONFIG_NAMESPACE).withName(secretName).edit(s -> new SecretBuilder(s)
                .addToData(SecretKeys.MIG_SECRET_KEY, java.util.Base64.getEncoder().encodeToString(
                        "not-the-secret".getBytes(java.nio.charset.StandardCharsets.UTF_8))).build());
        try {
            JsonNode failed = await(client, MigrationKinds.MIG_STORAGE, DemoMigrations.STORAGE,
                    s -> hasCondition(s, "BackupStorageProviderTestFailed"));
            assertThat(hasCondition(failed, "Ready")).isFalse();
        } finally {
            client.secrets().inNamespace(StorageApis.CONFIG_NAMESPACE).withName(secretName).edit(s -> new SecretBuilder(s)
                    .withData(original.getData()).build());
        }
        await(client, MigrationKinds.MIG_STORAGE, DemoMigrations.STORAGE, s -> hasCondition(s, "Ready"));
    }

    private static JsonNode json(String migration) {
        return Serialization.jsonMapper().valueToTree(MigrationObjects.get(client, MigrationKinds.MIG_MIGRATION,
                migration));
    }
}
