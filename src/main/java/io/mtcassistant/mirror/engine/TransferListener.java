package io.mtcassistant.mirror.engine;

/**
 * Progress of a transfer for the UI: per-image state and byte counts. Called from worker threads;
 * implementations must be thread-safe and quick.
 */
public interface TransferListener {

    TransferListener NONE = new TransferListener() { };

    enum ImageState { STARTED, MANIFESTS_READ, BLOBS_DONE, FINISHED, FAILED }

    default void imageState(String source, ImageState state, String detail) {
    }

    default void imageFinished(ImageResult result) {
    }

    default void blobFinished(String digest, BlobOutcome outcome, long size) {
    }

    /**
     * How much of one image's blobs is in place at the destination (copied, mounted, already there, or brought by
     * another image that shares the blob), after each of its blobs is settled.
     */
    default void imageProgress(String source, long blobBytesDone, long blobBytesTotal) {
    }

    /** Bytes read from a source and sent on (called often, with small deltas). */
    default void bytesTransferred(long delta) {
    }
}
