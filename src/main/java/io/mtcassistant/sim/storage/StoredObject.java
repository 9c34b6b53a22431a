package io.mtcassistant.sim.storage;

import java.time.Instant;
import java.util.Map;

/** One object the simulated S3 server keeps in memory, with what S3 returns about it. */
record StoredObject(byte[] content, String contentType, String etag, Instant lastModified, Map<String, String> metadata) {

    StoredObject {
        metadata = Map.copyOf(metadata);
    }
}
