package io.mtcassistant.mirror.engine;

import java.time.Duration;

/**
 * How one image went: where from, where to, its digest (the index digest for multi-arch), its
 * size (manifests plus all blobs), the time taken, and the error in plain words when it failed.
 */
public record ImageResult(String source, String destination, String digest, String mediaType, long size,
                          Duration took, Status status, String error) {

    public enum Status { MIRRORED, ALREADY_PRESENT, FAILED }

    public boolean ok() {
        return status != Status.FAILED;
    }
}
