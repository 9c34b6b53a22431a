package io.mtcassistant.monitor;

/** What a watcher delivers: the model of the current data and whether it is live. */
public record MonitorUpdate(MonitorSnapshot snapshot, FeedStatus status, long serial) {
}
