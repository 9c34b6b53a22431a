package io.mtcassistant.mirror.engine;

import io.mtcassistant.mirror.MirrorException;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * At most N concurrent blob transfers per registry. Permits for a transfer's two ends are taken in
 * name order, so two transfers in opposite directions cannot deadlock.
 */
final class ConnectionLimiter {

    private final int perRegistry;
    private final Map<String, Semaphore> semaphores = new ConcurrentHashMap<>();

    ConnectionLimiter(int perRegistry) {
        this.perRegistry = perRegistry;
    }

    AutoCloseable acquire(String... keys) {
        List<String> ordered = List.copyOf(new TreeSet<>(List.of(keys)));
        int taken = 0;
        try {
            for (String key : ordered) {
                semaphores.computeIfAbsent(key, k -> new Semaphore(perRegistry, true)).acquire();
                taken++;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            for (int i = 0; i < taken; i++) {
                semaphores.get(ordered.get(i)).release();
            }
            throw new MirrorException(MirrorException.Kind.INTERRUPTED, "interrupted while waiting for a connection slot");
        }
        return () -> ordered.forEach(k -> semaphores.get(k).release());
    }
}
