package io.mtcassistant.mirror;

/**
 * Work that failed (exit code 1) or input that is wrong (exit code 2, {@link #isBadInput()}).
 * The message is meant for a person: what failed, why, and what to do.
 */
public class MirrorException extends RuntimeException {

    /** Why it failed; the UI and the CLI pick wording and exit code from it. */
    public enum Kind { AUTH, TLS, NETWORK, NOT_FOUND, DIGEST_MISMATCH, DISK_FULL, REGISTRY, FILE, BAD_INPUT, CORRUPT_ARCHIVE, INTERRUPTED }

    private final Kind kind;

    public MirrorException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public MirrorException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** Bad image reference, malformed image set, missing or truncated archive: exit code 2. */
    public boolean isBadInput() {
        return kind == Kind.BAD_INPUT || kind == Kind.CORRUPT_ARCHIVE;
    }

    public static MirrorException badInput(String message) {
        return new MirrorException(Kind.BAD_INPUT, message);
    }
}
