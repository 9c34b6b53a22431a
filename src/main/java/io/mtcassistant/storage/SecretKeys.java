package io.mtcassistant.storage;

import io.fabric8.kubernetes.api.model.Secret;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * S3 keys inside a Secret, under either naming: NooBaa's admin Secret and an ObjectBucketClaim's Secret use
 * {@code AWS_ACCESS_KEY_ID}/{@code AWS_SECRET_ACCESS_KEY}; the MigStorage credentials Secret uses the MTC
 * controller's {@code aws-access-key-id}/{@code aws-secret-access-key}.
 */
public final class SecretKeys {

    public static final String MIG_ACCESS_KEY = "aws-access-key-id";
    public static final String MIG_SECRET_KEY = "aws-secret-access-key";

    private SecretKeys() {
    }

    public static Optional<S3Keys> read(Secret secret) {
        if (secret == null) {
            return Optional.empty();
        }
        Optional<String> id = value(secret, S3KeySources.ACCESS_KEY_VARIABLE).or(() -> value(secret, MIG_ACCESS_KEY));
        Optional<String> key = value(secret, S3KeySources.SECRET_KEY_VARIABLE).or(() -> value(secret, MIG_SECRET_KEY));
        return id.isPresent() && key.isPresent() ? Optional.of(new S3Keys(id.get(), key.get())) : Optional.empty();
    }

    private static Optional<String> value(Secret secret, String name) {
        Map<String, String> data = secret.getData();
        if (data != null && data.get(name) != null && !data.get(name).isBlank()) {
            return Optional.of(new String(Base64.getDecoder().decode(data.get(name).strip()), StandardCharsets.UTF_8));
        }
        Map<String, String> plain = secret.getStringData();
        return plain != null && plain.get(name) != null && !plain.get(name).isBlank()
                ? Optional.of(plain.get(name)) : Optional.empty();
    }
}
