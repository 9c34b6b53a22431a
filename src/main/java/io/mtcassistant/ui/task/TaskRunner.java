package io.mtcassistant.ui.task;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;

/** Runs work off the FX thread and brings results back to it; the shell shows what is running. */
public interface TaskRunner {

    <T> TaskHandle run(BackgroundTask<T> task);

    /** True while any task runs. */
    ReadOnlyBooleanProperty busyProperty();

    /** Title (and latest message) of the most recently started running task; empty when idle. */
    ReadOnlyStringProperty statusProperty();

    /** Progress (0..1) of the most recently started running task; negative when unknown or idle. */
    ReadOnlyDoubleProperty progressProperty();

    /** Cancels every running task. */
    void cancelAll();
}
