package io.mtcassistant.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.mtcassistant.install.SharedFixtures;
import io.mtcassistant.install.plan.ChangePlan;
import io.mtcassistant.install.plan.KubeObjects;
import io.mtcassistant.storage.testsupport.CrdSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The MigStorage and its Secret: fields of procedure 7.5, the real CRD's schema, keys only where asked. */
class RepositoryPlannerTest {

    static final S3Keys KEYS = new S3Keys("AKIAPLANNER000000001", "planner-secret-value");

    @TempDir
    Path dir;

    @Test
    void migStorageConformsToTheMtc18Crd() throws Exception {
        CrdSchema schema = CrdSchema.load(SharedFixtures.mtc("olm-bundle-1.8/manifests/migration.openshift.io_migstorages.yaml"));
        Path ca = Files.writeString(dir.resolve("ca.pem"), "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n");
        RepositoryTarget target = RepositoryTarget.of("https://s3-openshift-storage.apps.example.com", "migration",
                null, ca, false);
        GenericKubernetesResource storage = RepositoryPlanner.migStorage("replication-repository", target);
        Map<String, Object> object = KubeObjects.asMap(storage);
        assertThat(schema.violations(object)).isEmpty();
        assertThat(KubeObjects.valueAt(storage, "spec.backupStorageConfig.awsS3ForcePathStyle")).contains("true");
        assertThat(KubeObjects.valueAt(storage, "spec.backupStorageConfig.s3CustomCABundle"))
                .contains(Base64.getEncoder().encodeToString(Files.readAllBytes(ca)));
        assertThat(KubeObjects.valueAt(storage, "spec.backupStorageConfig.credsSecretRef.name"))
                .contains("replication-repository-creds");
    }

    @Test
    void theSchemaCheckCatchesWhatTheServerWouldDrop() throws Exception {
        CrdSchema schema = CrdSchema.load(SharedFixtures.mtc("olm-bundle-1.8/manifests/migration.openshift.io_migstorages.yaml"));
        Map<String, Object> bad = Map.of("apiVersion", "migration.openshift.io/v1alpha1", "kind", "MigStorage",
                "spec", Map.of("backupStorageProvider", "aws", "backupStorageConfig",
                        Map.of("awsS3ForcePathStyle", "true", "awsBucket", "x")));
        assertThat(schema.violations(bad)).contains(
                "spec.backupStorageConfig.awsS3ForcePathStyle: expected a boolean, got true (String)",
                "spec.backupStorageConfig.awsBucket: unknown field (the API server would drop it)");
    }

    @Test
    void plansCarryPlaceholdersUnlessTheRealKeysAreAskedFor() {
        RepositoryTarget target = RepositoryTarget.of("http://127.0.0.1:9000", "migration", null, null, false);
        ChangePlan shown = RepositoryPlanner.plan("sim-target", "replication-repository", target, KEYS,
                KeyValues.PLACEHOLDERS, Duration.ofMinutes(3));
        String text = KubeObjects.yaml(shown.actions().get(0).object());
        assertThat(text).doesNotContain(base64(KEYS.secretAccessKey()), base64(KEYS.accessKeyId()))
                .contains(base64(KeyValues.SECRET_KEY_PLACEHOLDER));
        assertThat(shown.notes()).anyMatch(n -> n.contains("placeholders"));
        ChangePlan real = RepositoryPlanner.plan("sim-target", "replication-repository", target, KEYS,
                KeyValues.REAL, Duration.ofMinutes(3));
        assertThat(KubeObjects.valueAt(real.actions().get(0).object(), "data.aws-secret-access-key"))
                .contains(base64(KEYS.secretAccessKey()));
        assertThat(KubeObjects.valueAt(real.actions().get(0).object(), "metadata.namespace")).contains("openshift-config");
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
