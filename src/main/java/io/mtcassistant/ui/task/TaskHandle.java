package io.mtcassistant.ui.task;

/** A submitted background task. */
public interface TaskHandle {

    void cancel();

    boolean isDone();
}
