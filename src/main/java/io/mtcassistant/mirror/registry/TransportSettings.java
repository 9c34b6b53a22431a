package io.mtcassistant.mirror.registry;

import java.time.Duration;

/**
 * How hard the registry client tries and how it moves bytes: retries with exponential backoff and
 * jitter, the read timeout that turns a stalled connection into a retry, and chunked uploads for
 * large blobs (so an interrupted upload continues where the registry stopped).
 *
 * @param attempts       tries per request (and per blob) before giving up
 * @param baseDelay      first backoff; doubles per attempt, with up to 50% random jitter added
 * @param maxDelay       cap on one backoff and on an honoured Retry-After
 * @param readTimeout    no byte (or no response) for this long counts as a stalled connection
 * @param chunkSize      bytes per PATCH of a chunked upload
 * @param chunkThreshold blobs at least this large are uploaded in chunks; smaller ones in one PUT
 */
public record TransportSettings(int attempts, Duration baseDelay, Duration maxDelay, Duration readTimeout,
                                int chunkSize, long chunkThreshold) {

    public TransportSettings {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1, got " + attempts);
        }
        if (readTimeout.isNegative() || readTimeout.isZero()) {
            throw new IllegalArgumentException("the read timeout must be positive, got " + readTimeout);
        }
        if (chunkSize < 64 * 1024) {
            throw new IllegalArgumentException("the upload chunk size must be at least 64 KiB, got " + chunkSize);
        }
    }

    /** The defaults; the chunk sizes can be tuned with system properties (for benchmarks and tests). */
    public static TransportSettings defaults() {
        return new TransportSettings(5, Duration.ofMillis(500), Duration.ofSeconds(30), Duration.ofSeconds(60),
                Integer.getInteger("mtc.transfer.chunk-size", 16 << 20), Long.getLong("mtc.transfer.chunk-threshold", 32L << 20));
    }

    public TransportSettings withReadTimeout(Duration timeout) {
        return new TransportSettings(attempts, baseDelay, maxDelay, timeout, chunkSize, chunkThreshold);
    }

    public TransportSettings withAttempts(int n) {
        return new TransportSettings(n, baseDelay, maxDelay, readTimeout, chunkSize, chunkThreshold);
    }

    public TransportSettings withDelays(Duration base, Duration max) {
        return new TransportSettings(attempts, base, max, readTimeout, chunkSize, chunkThreshold);
    }

    public TransportSettings withChunks(int size, long threshold) {
        return new TransportSettings(attempts, baseDelay, maxDelay, readTimeout, size, threshold);
    }

    /** The wait before retry number {@code attempt} (1-based): base * 2^(attempt-1), capped, plus jitter. */
    public Duration backoff(int attempt, java.util.random.RandomGenerator random) {
        long base = Math.max(1, baseDelay.toMillis());
        long exp = base << Math.min(20, Math.max(0, attempt - 1));
        long capped = Math.min(exp, maxDelay.toMillis());
        long jitter = (long) (capped * 0.5 * random.nextDouble());
        return Duration.ofMillis(capped + jitter);
    }
}
