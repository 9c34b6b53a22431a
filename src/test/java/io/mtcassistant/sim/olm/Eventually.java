package io.mtcassistant.sim.olm;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/** Waits for a condition the simulated controllers bring about, with a generous limit (slow shared machines). */
final class Eventually {

    static final Duration LIMIT = Duration.ofSeconds(90);

    private Eventually() {
    }

    /** The first non-null, non-false value the supplier returns; fails with the description after the limit. */
    static <T> T get(String what, Supplier<T> supplier) {
        Instant deadline = Instant.now().plus(LIMIT);
        RuntimeException last = null;
        while (Instant.now().isBefore(deadline)) {
            try {
                T value = supplier.get();
                if (value != null && !Boolean.FALSE.equals(value)) {
                    return value;
                }
            } catch (RuntimeException e) {
                last = e;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what);
            }
        }
        throw new AssertionError("gave up waiting for " + what + (last == null ? "" : ": " + last), last);
    }
}
