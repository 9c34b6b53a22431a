package io.mtcassistant.storage;

import java.util.Map;

/** MigStorage and MigCluster condition types in plain words, with what to do about them. */
public final class MigConditions {

    private static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("Ready", "ready to be used by migration plans"),
            Map.entry("BackupStorageProviderTestFailed", "the control cluster could not write to the bucket (which "
                    + "the workstation check does not prove): check the endpoint is reachable from the cluster's "
                    + "pods, its CA (s3CustomCABundle) or insecure, and the keys in the Secret"),
            Map.entry("VolumeSnapshotProviderTestFailed", "the volume snapshot provider test failed: check "
                    + "volumeSnapshotConfig and its keys"),
            Map.entry("InvalidBackupStorageProvider", "backupStorageProvider is not aws, azure or gcp"),
            Map.entry("InvalidBackupStorageCredsSecretRef", "the credentials Secret is missing or lacks "
                    + "aws-access-key-id / aws-secret-access-key"),
            Map.entry("InvalidBackupStorageSettings", "a required field of backupStorageConfig is missing "
                    + "(awsBucketName, awsS3Url for S3-compatible storage)"),
            Map.entry("InvalidVolumeSnapshotProvider", "volumeSnapshotProvider is not supported"),
            Map.entry("InvalidVolumeSnapshotCredsSecretRef", "the volume snapshot credentials Secret is missing"),
            Map.entry("InvalidVolumeSnapshotSettings", "volumeSnapshotConfig is incomplete"),
            Map.entry("TestConnectFailed", "the control cluster cannot reach the remote API: check url, the caBundle "
                    + "(required for self-signed certificates) or insecure, and the network between them"),
            Map.entry("InvalidSaToken", "the service account token is wrong or expired: make a new token Secret for "
                    + "migration-controller on the remote cluster"),
            Map.entry("SaTokenNotPrivileged", "the token's service account is not cluster-admin on the remote "
                    + "cluster: use migration-controller in openshift-migration"),
            Map.entry("OperatorVersionMismatch", "the remote cluster runs another MTC version: install the same "
                    + "version on every cluster"),
            Map.entry("InvalidURL", "url is not a valid API server URL"),
            Map.entry("InvalidSaSecretRef", "serviceAccountSecretRef names no Secret with saToken"),
            Map.entry("InvalidRegistryRoute", "exposedRegistryPath does not reach the cluster's image registry"));

    private MigConditions() {
    }

    /** Plain words for a condition type; unknown types are shown with the controller's own message. */
    public static String explain(String type, String message) {
        String words = WORDS.get(type);
        return words == null ? type + ": " + message : type + ": " + words;
    }
}
