package io.mtcassistant.monitor;

/** Receives coalesced monitor updates on the watcher's thread (never more often than the coalescing interval). */
@FunctionalInterface
public interface MonitorListener {
    void updated(MonitorUpdate update);
}
