package io.mtcassistant.ui.task;

import io.mtcassistant.common.ActivityListener;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** Runs each task at once on the calling thread: for view-model tests, which then need no toolkit and no waiting. */
public final class SyncTaskRunner implements TaskRunner {

    private final ActivityListener activity;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(-1);
    private int started;

    public SyncTaskRunner(ActivityListener activity) {
        this.activity = activity;
    }

    public SyncTaskRunner() {
        this(ActivityListener.NONE);
    }

    @Override
    public <T> TaskHandle run(BackgroundTask<T> spec) {
        started++;
        busy.set(true);
        status.set(spec.title() + "…");
        T result;
        try {
            result = spec.work().call(new Progress() {
                @Override
                public void message(String message) {
                    status.set(spec.title() + ": " + message);
                    spec.messaged(message);
                }

                @Override
                public void fraction(double done) {
                }

                @Override
                public boolean isCancelled() {
                    return false;
                }
            });
        } catch (Exception | LinkageError e) {
            finish();
            if (spec.hasFailureHandler()) {
                spec.failed(e);
            } else {
                TaskFailures.report(spec.title(), e, activity);
            }
            spec.finished();
            return done();
        }
        finish();
        spec.succeeded(result);
        spec.finished();
        return done();
    }

    /** How many tasks were run, for tests that check that nothing ran. */
    public int startedCount() {
        return started;
    }

    private void finish() {
        busy.set(false);
        status.set("");
    }

    private static TaskHandle done() {
        return new TaskHandle() {
            @Override
            public void cancel() {
            }

            @Override
            public boolean isDone() {
                return true;
            }
        };
    }

    @Override
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    @Override
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    @Override
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    @Override
    public void cancelAll() {
    }
}
