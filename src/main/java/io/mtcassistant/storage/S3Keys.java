package io.mtcassistant.storage;

import io.mtcassistant.common.SecretMasker;

/**
 * An S3 access key pair. The secret never leaves through {@link #toString()}; the access key id is shown
 * shortened (enough to tell two keys apart, as the AWS console does).
 */
public record S3Keys(String accessKeyId, String secretAccessKey) {

    public S3Keys {
        if (accessKeyId == null || accessKeyId.isBlank()) {
            throw new IllegalArgumentException("the access key id is empty");
        }
        if (secretAccessKey == null || secretAccessKey.isBlank()) {
            throw new IllegalArgumentException("the secret access key is empty");
        }
        accessKeyId = accessKeyId.strip();
        secretAccessKey = secretAccessKey.strip();
    }

    /** The access key id with all but its first four characters hidden. */
    public String maskedAccessKeyId() {
        return accessKeyId.length() <= 4 ? SecretMasker.MASK : accessKeyId.substring(0, 4) + SecretMasker.MASK;
    }

    @Override
    public String toString() {
        return "S3Keys[" + maskedAccessKeyId() + ", secret " + SecretMasker.MASK + "]";
    }
}
