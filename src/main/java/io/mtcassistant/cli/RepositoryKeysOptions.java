package io.mtcassistant.cli;

import io.mtcassistant.storage.S3KeySources;
import io.mtcassistant.storage.S3Keys;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/** Where a repository command reads the S3 keys: a credentials file, else the environment. Never an argument. */
class RepositoryKeysOptions {

    @Option(names = "--credentials-file", paramLabel = "F",
            description = "AWS shared-credentials file (INI) with aws_access_key_id and aws_secret_access_key.")
    Path credentialsFile;

    @Option(names = "--profile", paramLabel = "P", defaultValue = "default",
            description = "Profile in the credentials file (default: ${DEFAULT-VALUE}).")
    String profile;

    S3Keys keys(Map<String, String> environment) {
        if (credentialsFile != null) {
            try {
                return S3KeySources.fromCredentialsFile(credentialsFile, profile);
            } catch (IllegalArgumentException e) {
                throw new BadInputException("--credentials-file " + e.getMessage(), e);
            }
        }
        return S3KeySources.fromEnvironment(environment).orElseThrow(() -> new BadInputException(
                "keys: set " + S3KeySources.ACCESS_KEY_VARIABLE + " and " + S3KeySources.SECRET_KEY_VARIABLE
                + " or give --credentials-file (keys are never taken as arguments)"));
    }
}
