package io.mtcassistant.cli;

import io.mtcassistant.storage.RepositoryTarget;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The S3 endpoint and bucket a repository command works on. */
class RepositoryTargetOptions {

    @Option(names = "--endpoint", required = true, paramLabel = "URL", description = "S3 endpoint, e.g. https://s3-openshift-storage.apps.example.com.")
    String endpoint;

    @Option(names = "--bucket", required = true, paramLabel = "NAME", description = "The bucket MigStorage uses.")
    String bucket;

    @Option(names = "--region", paramLabel = "R", description = "S3 region (default: " + RepositoryTarget.DEFAULT_REGION + ", which NooBaa ignores).")
    String region;

    @Option(names = "--ca-file", paramLabel = "F", description = "PEM CA bundle that signed the endpoint's certificate.")
    Path caFile;

    @Option(names = "--insecure", description = "Do not verify the endpoint's TLS certificate (off by default).")
    boolean insecure;

    RepositoryTarget target() {
        try {
            return RepositoryTarget.of(endpoint, bucket, region, caFile, insecure);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--" + e.getMessage(), e);
        }
    }
}
