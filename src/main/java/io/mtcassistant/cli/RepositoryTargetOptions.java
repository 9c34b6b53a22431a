package io.mtcassistant.cli;

import io.mtcassistant.storage.RepositoryTarget;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The S3 endpoint and bucket a repository command works on. */
class RepositoryTargetOptions {

    // not required = true: repository create --bucket-claim takes both from the claim; target() says what is missing
    @Option(names = "--endpoint", paramLabel = "URL", description = "S3 endpoint, e.g. https://s3-openshift-storage.apps.example.com.")
    String endpoint;

    @Option(names = "--bucket", paramLabel = "NAME", description = "The bucket MigStorage uses.")
    String bucket;

    @Option(names = "--region", paramLabel = "R", description = "S3 region (default: " + RepositoryTarget.DEFAULT_REGION + ", which NooBaa ignores).")
    String region;

    @Option(names = "--ca-file", paramLabel = "F", description = "PEM CA bundle that signed the endpoint's certificate.")
    Path caFile;

    @Option(names = "--insecure", description = "Do not verify the endpoint's TLS certificate (off by default).")
    boolean insecure;

    RepositoryTarget target() {
        if (endpoint == null) {
            throw new BadInputException("--endpoint: missing; give the S3 URL, e.g. https://s3-openshift-storage.apps.example.com");
        }
        if (bucket == null) {
            throw new BadInputException("--bucket: missing; give the bucket MigStorage uses");
        }
        return target(endpoint, bucket);
    }

    /** The target at this endpoint and bucket (from a bucket claim) with the region and TLS options given. */
    RepositoryTarget target(String endpointUrl, String bucketName) {
        try {
            return RepositoryTarget.of(endpointUrl, bucketName, region, caFile, insecure);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--" + e.getMessage(), e);
        }
    }
}
