package io.mtcassistant.storage;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The write test the MTC controller runs for a MigStorage (put one object into the bucket, then remove it), for
 * the simulated controller: its outcome decides BackupStorageProviderTestFailed there as it does on a cluster.
 */
public final class ProviderWriteTest {

    private ProviderWriteTest() {
    }

    /** Empty when the object could be written; otherwise what went wrong, in plain words. */
    public static Optional<String> failure(RepositoryTarget target, S3Keys keys, Duration timeout) {
        String key = RepositoryCheck.PROBE_PREFIX + "controller-" + UUID.randomUUID();
        try (S3Client s3 = S3ClientFactory.client(target, keys, timeout)) {
            s3.putObject(r -> r.bucket(target.bucket()).key(key),
                    RequestBody.fromString("MTC provider test", StandardCharsets.UTF_8));
            s3.deleteObject(r -> r.bucket(target.bucket()).key(key));
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of(S3FailureClassifier.classify(e).meaning() + " ("
                    + S3FailureClassifier.describe(e) + ")");
        }
    }
}
