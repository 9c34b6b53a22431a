package io.mtcassistant.sim.migration;

import io.mtcassistant.storage.S3Keys;

/** The S3 endpoint, bucket and keys the demo's seeded MigStorage names (the demo's simulated S3 server). */
public record DemoRepository(String endpoint, String bucket, S3Keys keys) {
}
