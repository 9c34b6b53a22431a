package io.mtcassistant.monitor;

import java.time.Duration;
import java.util.concurrent.Callable;

/** Waits for a condition with a generous limit, never asserting on timing. */
final class Eventually {

    private Eventually() {
    }

    static void until(Duration limit, String what, Callable<Boolean> condition) throws Exception {
        until(limit, what, condition, () -> "");
    }

    /** @param state what to report when the limit passes */
    static void until(Duration limit, String what, Callable<Boolean> condition,
            java.util.function.Supplier<Object> state) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            if (Boolean.TRUE.equals(condition.call())) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached within " + limit.toSeconds() + " s: " + what + " " + state.get());
            }
            synchronized (Eventually.class) {
                Eventually.class.wait(20); // a poll, not a timing assumption
            }
        }
    }
}
