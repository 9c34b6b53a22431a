package io.mtcassistant.storage;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.mtcassistant.install.plan.ChangeAction;
import io.mtcassistant.install.plan.ChangePlan;
import io.mtcassistant.install.plan.KubeObjects;
import io.mtcassistant.install.plan.ObjectRef;
import io.mtcassistant.install.plan.WaitCondition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The change plan that makes the replication repository known to MTC on the control cluster: the credentials
 * Secret in openshift-config and the MigStorage in openshift-migration (procedure 7.5), then the wait for the
 * controller's own test of the bucket.
 */
public final class RepositoryPlanner {

    /** The names the demo and the Monitor step use. */
    public static final String DEFAULT_NAME = "replication-repository";

    /** The Critical MigStorage conditions; any of them keeps it from Ready. */
    public static final List<String> CRITICAL_CONDITIONS = List.of("InvalidBackupStorageProvider",
            "InvalidBackupStorageCredsSecretRef", "InvalidBackupStorageSettings", "InvalidVolumeSnapshotProvider",
            "InvalidVolumeSnapshotCredsSecretRef", "InvalidVolumeSnapshotSettings", "BackupStorageProviderTestFailed",
            "VolumeSnapshotProviderTestFailed");

    private RepositoryPlanner() {
    }

    public static String secretName(String storageName) {
        return storageName + "-creds";
    }

    public static ChangePlan plan(String cluster, String storageName, RepositoryTarget target, S3Keys keys,
            KeyValues values, Duration readyTimeout) {
        GenericKubernetesResource secret = secret(secretName(storageName), keys, values);
        GenericKubernetesResource storage = migStorage(storageName, target);
        ChangePlan.Builder plan = ChangePlan.builder(cluster, "Replication repository " + storageName + ": bucket "
                + target.bucket() + " at " + target.endpoint())
                .add(ChangeAction.createIfAbsent(secret, "MigStorage reads the S3 keys from this Secret"))
                .add(ChangeAction.mergePatch(secret, "the Secret holds the keys checked from the workstation"))
                .add(ChangeAction.createIfAbsent(storage, "the replication repository every migration plan names"))
                .add(ChangeAction.mergePatch(storage, "the MigStorage names the checked endpoint and bucket"))
                .add(ChangeAction.waitFor(ObjectRef.of(storage), new WaitCondition("status.conditions[type=Ready].status",
                        List.of("True"), CRITICAL_CONDITIONS, "status.conditions[category=Critical].message",
                        readyTimeout, "status.conditions[category=Critical].type"),
                        "the controller writes to the bucket from the control cluster"));
        if (values == KeyValues.PLACEHOLDERS) {
            plan.note("The Secret " + StorageApis.CONFIG_NAMESPACE + "/" + secretName(storageName) + " holds "
                    + "placeholders: put the access key id and secret access key in before applying.");
        }
        if (target.insecure()) {
            plan.note("insecure: true makes Velero skip verifying the S3 endpoint's certificate on every cluster.");
        }
        return plan.build();
    }

    /** The credentials Secret in openshift-config that MigStorage's credsSecretRef names. */
    public static GenericKubernetesResource secret(String name, S3Keys keys, KeyValues values) {
        Map<String, Object> data = new LinkedHashMap<>();
        if (values == KeyValues.REAL) {
            data.put(SecretKeys.MIG_ACCESS_KEY, ManagedObjects.base64(keys.accessKeyId()));
            data.put(SecretKeys.MIG_SECRET_KEY, ManagedObjects.base64(keys.secretAccessKey()));
        } else {
            data.put(SecretKeys.MIG_ACCESS_KEY, ManagedObjects.base64(KeyValues.ACCESS_KEY_PLACEHOLDER));
            data.put(SecretKeys.MIG_SECRET_KEY, ManagedObjects.base64(KeyValues.SECRET_KEY_PLACEHOLDER));
        }
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("apiVersion", "v1");
        object.put("kind", "Secret");
        object.put("metadata", ManagedObjects.metadata(name, StorageApis.CONFIG_NAMESPACE));
        object.put("type", "Opaque");
        object.put("data", data);
        return KubeObjects.generic(object);
    }

    /** The MigStorage with the fields of procedure 7.5 (see mtc-domain.md section 6). */
    public static GenericKubernetesResource migStorage(String name, RepositoryTarget target) {
        Map<String, Object> credsRef = Map.of("name", secretName(name), "namespace", StorageApis.CONFIG_NAMESPACE);
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("awsBucketName", target.bucket());
        config.put("awsS3Url", target.endpoint().toString());
        config.put("awsRegion", target.region());
        config.put("awsS3ForcePathStyle", true);
        config.put("insecure", target.insecure());
        target.caFile().ifPresent(file -> config.put("s3CustomCABundle", caBundle(file)));
        config.put("credsSecretRef", credsRef);
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("backupStorageProvider", "aws");
        spec.put("volumeSnapshotProvider", "aws");
        spec.put("backupStorageConfig", config);
        spec.put("volumeSnapshotConfig", Map.of("awsRegion", target.region(), "credsSecretRef", credsRef));
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("apiVersion", StorageApis.MIGRATION_API);
        object.put("kind", StorageApis.MIG_STORAGE);
        object.put("metadata", ManagedObjects.metadata(name, StorageApis.MIGRATION_NAMESPACE));
        object.put("spec", spec);
        return KubeObjects.generic(object);
    }

    private static String caBundle(java.nio.file.Path file) {
        try {
            return Base64.getEncoder().encodeToString(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("CA bundle " + file + " cannot be read", e);
        }
    }
}
