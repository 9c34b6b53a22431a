package io.mtcassistant.storage;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The replication repository as MigStorage names it: S3 endpoint, bucket, region, and how to trust the endpoint's
 * TLS certificate (a CA bundle file, or explicitly not at all).
 */
public record RepositoryTarget(URI endpoint, String bucket, String region, Optional<Path> caFile, boolean insecure) {

    /** NooBaa ignores the region; Velero and the SDK need one, and this is what the MTC docs use. */
    public static final String DEFAULT_REGION = "us-east-1";

    // S3 bucket naming rules (lower case, digits, dots, hyphens; 3-63; starts and ends alphanumeric).
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");

    /**
     * Validates the parts a person types.
     *
     * @throws IllegalArgumentException with a message that starts with the input's name
     */
    public static RepositoryTarget of(String endpoint, String bucket, String region, Path caFile, boolean insecure) {
        URI uri = endpoint(endpoint);
        if (bucket == null || !BUCKET.matcher(bucket).matches()) {
            throw new IllegalArgumentException("bucket " + bucket + ": S3 bucket names are 3-63 lower-case letters, "
                    + "digits, dots and hyphens, starting and ending with a letter or digit");
        }
        if (caFile != null && insecure) {
            throw new IllegalArgumentException("ca-file: give a CA bundle or insecure, not both");
        }
        if (caFile != null && !Files.isReadable(caFile)) {
            throw new IllegalArgumentException("ca-file " + caFile + ": cannot be read");
        }
        if (caFile != null && !"https".equals(uri.getScheme())) {
            throw new IllegalArgumentException("ca-file: the endpoint " + endpoint + " is plain HTTP, a CA bundle has no use");
        }
        String r = region == null || region.isBlank() ? DEFAULT_REGION : region.strip();
        return new RepositoryTarget(uri, bucket, r, Optional.ofNullable(caFile), insecure);
    }

    private static URI endpoint(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("endpoint: empty; give the S3 URL, e.g. https://s3-openshift-storage.apps.example.com");
        }
        // "host:port" parses as a URI with a scheme of "host" (or fails on the dots): say what is missing instead
        if (!text.strip().matches("(?i)[a-z][a-z0-9+.-]*://.*")) {
            throw new IllegalArgumentException("endpoint " + text + ": must start with https:// or http://");
        }
        try {
            URI uri = new URI(text.strip());
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
                throw new IllegalArgumentException("endpoint " + text + ": must start with https:// or http://");
            }
            if (uri.getHost() == null) {
                throw new IllegalArgumentException("endpoint " + text + ": has no host name");
            }
            if (uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !"/".equals(uri.getRawPath())) {
                throw new IllegalArgumentException("endpoint " + text
                        + ": give the endpoint without a path; the bucket is a separate input");
            }
            return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), null, null, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("endpoint " + text + ": not a URL (" + e.getReason() + ")");
        }
    }

    public boolean https() {
        return "https".equals(endpoint.getScheme());
    }

    public String host() {
        return endpoint.getHost();
    }

    public int port() {
        return endpoint.getPort() > 0 ? endpoint.getPort() : https() ? 443 : 80;
    }
}
