package io.mtcassistant.mirror.engine;

/** What happened to one blob at one destination. */
public enum BlobOutcome {
    /** Bytes were sent. */
    COPIED,
    /** The destination already had it (HEAD); nothing sent. */
    SKIPPED,
    /** Linked from another repository of the same registry; nothing sent. */
    MOUNTED
}
