package io.mtcassistant.sim.migration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.mtcassistant.storage.ProviderWriteTest;
import io.mtcassistant.storage.RepositoryTarget;
import io.mtcassistant.storage.S3Keys;
import io.mtcassistant.storage.SecretKeys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The simulated controller's MigStorage validation: Ready only when an object can be put into the bucket at the S3
 * endpoint the MigStorage names, with the keys of its credentials Secret (a real S3 request from this process, as
 * the controller's provider test does from the control cluster); otherwise the Critical condition MTC sets.
 * MigStorages whose status was written by someone else (the demo's seeded ones, without observedDigest) and those
 * without backupStorageConfig (the bare objects of the controller's own tests) are left alone.
 */
final class StorageValidation {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final KubernetesClient client;

    StorageValidation(KubernetesClient client) {
        this.client = client;
    }

    /** The new status for each MigStorage that needs one (spec or Secret changed since the last validation). */
    Map<String, ObjectNode> validate(Iterable<GenericKubernetesResource> storages, Instant now) {
        Map<String, ObjectNode> result = new LinkedHashMap<>();
        for (GenericKubernetesResource storage : storages) {
            JsonNode node = JSON.valueToTree(storage);
            JsonNode status = node.path("status");
            Optional<Secret> secret = secret(node.path("spec").path("backupStorageConfig").path("credsSecretRef"));
            String digest = Integer.toHexString((node.path("spec").toString()
                    + secret.map(s -> s.getMetadata().getResourceVersion()).orElse("-")).hashCode());
            boolean seededByOthers = SeededStatus.isSeeded(node) || !SeededStatus.wasSeeded(node)
                    && status.has("conditions") && !status.has("observedDigest");
            boolean nothingToTest = !node.path("spec").has("backupStorageConfig");
            if (seededByOthers || nothingToTest || digest.equals(status.path("observedDigest").asText())) {
                continue;
            }
            result.put(storage.getMetadata().getName(), status(node.path("spec"), secret, digest, now));
        }
        return result;
    }

    private ObjectNode status(JsonNode spec, Optional<Secret> secret, String digest, Instant now) {
        ObjectNode status = JsonNodeFactory.instance.objectNode();
        status.put("observedDigest", digest);
        Condition condition = condition(spec, secret, now);
        status.putArray("conditions").add(condition.toJson());
        return status;
    }

    private Condition condition(JsonNode spec, Optional<Secret> secret, Instant now) {
        if (!"aws".equals(spec.path("backupStorageProvider").asText())) {
            return Condition.of("InvalidBackupStorageProvider", "NotSupported", "Critical",
                    "The `backupStorageProvider` must be: (aws|gcp|azure).", now);
        }
        JsonNode config = spec.path("backupStorageConfig");
        Optional<S3Keys> keys = secret.flatMap(SecretKeys::read);
        if (keys.isEmpty()) {
            return Condition.of("InvalidBackupStorageCredsSecretRef", "NotFound", "Critical",
                    "The `backupStorageConfig.credsSecretRef` must reference a valid `secret`.", now);
        }
        if (config.path("awsBucketName").asText("").isEmpty() || config.path("awsS3Url").asText("").isEmpty()) {
            return Condition.of("InvalidBackupStorageSettings", "KeyError", "Critical",
                    "The `backupStorageConfig` settings [awsBucketName, awsS3Url] not valid.", now);
        }
        Optional<String> failure;
        try {
            failure = ProviderWriteTest.failure(target(config), keys.get(), TIMEOUT);
        } catch (IllegalArgumentException | IOException e) {
            failure = Optional.of(e.getMessage());
        }
        if (failure.isPresent()) {
            return Condition.of("BackupStorageProviderTestFailed", "TestFailed", "Critical",
                    "The Backup storage cloudprovider test failed: " + failure.get(), now);
        }
        return new Condition("Ready", "True", null, "Required", "The storage is ready.", now, false);
    }

    private static RepositoryTarget target(JsonNode config) throws IOException {
        Path caFile = null;
        String bundle = config.path("s3CustomCABundle").asText("");
        if (!bundle.isEmpty()) {
            caFile = Files.createTempFile("sim-migstorage-ca", ".pem");
            caFile.toFile().deleteOnExit();
            Files.write(caFile, Base64.getDecoder().decode(bundle));
        }
        boolean insecure = config.path("insecure").asBoolean(false) && caFile == null;
        return RepositoryTarget.of(config.path("awsS3Url").asText(), config.path("awsBucketName").asText(),
                config.path("awsRegion").asText(null), caFile, insecure && config.path("awsS3Url").asText().startsWith("https"));
    }

    private Optional<Secret> secret(JsonNode ref) {
        String name = ref.path("name").asText("");
        if (name.isEmpty()) {
            return Optional.empty();
        }
        return Optional.ofNullable(client.secrets().inNamespace(ref.path("namespace").asText("openshift-config"))
                .withName(name).get());
    }
}
