package io.mtcassistant.ui.task;

import io.mtcassistant.common.ActivityListener;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.concurrent.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs background tasks as {@link javafx.concurrent.Task}s on a worker pool; handlers run on the FX thread. */
public final class FxTaskRunner implements TaskRunner, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FxTaskRunner.class);
    private static final TaskHandle DONE = new TaskHandle() {
        @Override
        public void cancel() {
        }

        @Override
        public boolean isDone() {
            return true;
        }
    };

    private final ExecutorService workers = Executors.newCachedThreadPool(daemonThreads("mtc-task"));
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(daemonThreads("mtc-timeout"));
    private final ActivityListener activity;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(-1);
    // Touched only on the FX thread.
    private final List<Task<?>> running = new ArrayList<>();
    private volatile boolean closed;

    public FxTaskRunner(ActivityListener activity) {
        this.activity = activity;
    }

    @Override
    public <T> TaskHandle run(BackgroundTask<T> spec) {
        if (!Platform.isFxApplicationThread()) {
            throw new IllegalStateException("start background tasks from the FX thread");
        }
        if (closed) {
            // The app is shutting down (a late result handler asked for more work): nothing more starts.
            LOG.debug("Not starting '{}': the task runner is closed", spec.title());
            return DONE;
        }
        TimedTask<T> task = new TimedTask<>(spec);
        running.add(task);
        updateStatus();
        task.messageProperty().addListener((obs, old, message) -> {
            updateStatus();
            if (message != null && !message.isEmpty()) {
                spec.messaged(message);
            }
        });
        task.progressProperty().addListener((obs, old, value) -> updateStatus());
        task.setOnSucceeded(e -> finish(task, () -> spec.succeeded(task.getValue())));
        task.setOnFailed(e -> finish(task, () -> fail(spec, task.getException())));
        task.setOnCancelled(e -> finish(task, () -> fail(spec, task.timedOut
                ? new TimeoutException(spec.title() + " did not finish within " + spec.timeout().toSeconds() + " s")
                : new CancellationException(spec.title() + " was cancelled"))));
        if (spec.timeout() != null) {
            ScheduledFuture<?> guard = timer.schedule(() -> Platform.runLater(() -> {
                if (!task.isDone()) {
                    task.timedOut = true;
                    task.cancel(true);
                }
            }), spec.timeout().toMillis(), TimeUnit.MILLISECONDS);
            task.stateProperty().addListener((obs, old, state) -> {
                if (task.isDone()) {
                    guard.cancel(false);
                }
            });
        }
        workers.execute(task);
        return new TaskHandle() {
            @Override
            public void cancel() {
                Platform.runLater(() -> task.cancel(true));
            }

            @Override
            public boolean isDone() {
                return task.isDone();
            }
        };
    }

    private <T> void fail(BackgroundTask<T> spec, Throwable error) {
        if (spec.hasFailureHandler()) {
            spec.failed(error);
        } else {
            TaskFailures.report(spec.title(), error, activity);
        }
    }

    private void finish(TimedTask<?> task, Runnable handler) {
        running.remove(task);
        updateStatus();
        try {
            handler.run();
        } finally {
            task.spec.finished();
        }
    }

    private void updateStatus() {
        busy.set(!running.isEmpty());
        if (running.isEmpty()) {
            status.set("");
            progress.set(-1);
            return;
        }
        Task<?> newest = running.get(running.size() - 1);
        progress.set(newest.getProgress());
        String message = newest.getMessage();
        String text = message == null || message.isBlank() ? newest.getTitle() + "…" : newest.getTitle() + ": " + message;
        status.set(running.size() > 1 ? text + "  (+" + (running.size() - 1) + " more)" : text);
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
        Runnable cancel = () -> List.copyOf(running).forEach(task -> task.cancel(true));
        if (Platform.isFxApplicationThread()) {
            cancel.run();
        } else {
            Platform.runLater(cancel);
        }
    }

    @Override
    public void close() {
        closed = true;
        workers.shutdownNow();
        timer.shutdownNow();
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    private static final class TimedTask<T> extends Task<T> {
        private final BackgroundTask<T> spec;
        private volatile boolean timedOut;

        TimedTask(BackgroundTask<T> spec) {
            this.spec = spec;
            updateTitle(spec.title());
        }

        @Override
        protected T call() throws Exception {
            return spec.work().call(new Progress() {
                @Override
                public void message(String message) {
                    updateMessage(message);
                }

                @Override
                public void fraction(double done) {
                    updateProgress(done < 0 ? -1 : done, 1);
                }

                @Override
                public boolean isCancelled() {
                    return TimedTask.this.isCancelled();
                }
            });
        }
    }
}
