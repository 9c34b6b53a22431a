package io.mtcassistant.storage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileFile;

/**
 * Where keys come from besides a cluster Secret. Never the command line: arguments are visible to every user in
 * the process list.
 */
public final class S3KeySources {

    public static final String ACCESS_KEY_VARIABLE = "AWS_ACCESS_KEY_ID";
    public static final String SECRET_KEY_VARIABLE = "AWS_SECRET_ACCESS_KEY";

    private S3KeySources() {
    }

    /** The keys in AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, when both are set. */
    public static Optional<S3Keys> fromEnvironment(Map<String, String> environment) {
        String id = environment.get(ACCESS_KEY_VARIABLE);
        String secret = environment.get(SECRET_KEY_VARIABLE);
        if (id == null || id.isBlank() || secret == null || secret.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new S3Keys(id, secret));
    }

    /**
     * One profile of an AWS shared-credentials file (INI: {@code [profile]}, {@code aws_access_key_id},
     * {@code aws_secret_access_key}), read by the SDK's own parser.
     *
     * @throws IllegalArgumentException naming the file and what is missing
     */
    public static S3Keys fromCredentialsFile(Path file, String profileName) {
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException(file + " cannot be read");
        }
        ProfileFile profiles = ProfileFile.builder().content(file).type(ProfileFile.Type.CREDENTIALS).build();
        Profile profile = profiles.profile(profileName).orElseThrow(() -> new IllegalArgumentException(
                file + " has no profile [" + profileName + "]"));
        String id = profile.property("aws_access_key_id").orElse("");
        String secret = profile.property("aws_secret_access_key").orElse("");
        if (id.isBlank() || secret.isBlank()) {
            throw new IllegalArgumentException(file + " profile [" + profileName
                    + "] needs both aws_access_key_id and aws_secret_access_key");
        }
        return new S3Keys(id, secret);
    }
}
