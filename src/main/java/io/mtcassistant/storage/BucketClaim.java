package io.mtcassistant.storage;

import java.util.List;
import java.util.Optional;

/**
 * An ObjectBucketClaim and what it gave: the bucket, its host and port (from the ConfigMap of the same name) and
 * keys that may use only that bucket (from the Secret of the same name), the least-privilege alternative to the
 * NooBaa admin keys.
 */
public record BucketClaim(String cluster, String namespace, String name, String phase, Optional<String> bucket,
        Optional<String> host, Optional<Integer> port, Optional<S3Keys> keys, List<String> problems) {

    public BucketClaim {
        problems = List.copyOf(problems);
    }

    public boolean bound() {
        return "Bound".equals(phase);
    }
}
