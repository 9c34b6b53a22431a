package io.mtcassistant.common;

/**
 * How engines tell the outside world what they do. Engines never print; the UI shows these
 * events in the activity panel and the command line may log them.
 */
@FunctionalInterface
public interface ActivityListener {

    ActivityListener NONE = event -> { };

    void onEvent(ActivityEvent event);

    default void info(String source, String message) {
        onEvent(ActivityEvent.info(source, message));
    }

    default void success(String source, String message) {
        onEvent(ActivityEvent.success(source, message));
    }

    default void warning(String source, String message) {
        onEvent(ActivityEvent.warning(source, message));
    }

    default void error(String source, String message) {
        onEvent(ActivityEvent.error(source, message));
    }
}
