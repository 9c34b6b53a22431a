package io.mtcassistant.ui.task;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Work that must not run on the FX thread, plus what to do with its result. The handlers run on the FX thread
 * (or the calling thread with {@link SyncTaskRunner}).
 */
public final class BackgroundTask<T> {

    /** The work itself; runs on a worker thread. */
    @FunctionalInterface
    public interface Work<T> {
        T call(Progress progress) throws Exception;
    }

    private final String title;
    private final Work<T> work;
    private Consumer<? super T> onSuccess = result -> { };
    private Consumer<Throwable> onFailure;
    private Runnable onFinally = () -> { };
    private Consumer<String> onMessage = message -> { };
    private Duration timeout;

    private BackgroundTask(String title, Work<T> work) {
        this.title = Objects.requireNonNull(title);
        this.work = Objects.requireNonNull(work);
    }

    public static <T> BackgroundTask<T> of(String title, Work<T> work) {
        return new BackgroundTask<>(title, work);
    }

    public BackgroundTask<T> onSuccess(Consumer<? super T> handler) {
        this.onSuccess = Objects.requireNonNull(handler);
        return this;
    }

    /**
     * Receives the failure: the work's exception, a {@link java.util.concurrent.TimeoutException} when the timeout
     * ran out, or a {@link java.util.concurrent.CancellationException} when the user cancelled. Without a handler,
     * the runner reports the failure to the user itself.
     */
    public BackgroundTask<T> onFailure(Consumer<Throwable> handler) {
        this.onFailure = Objects.requireNonNull(handler);
        return this;
    }

    /** Receives each message the work gives its {@link Progress}, on the FX thread (the calling thread with SyncTaskRunner). */
    public BackgroundTask<T> onMessage(Consumer<String> handler) {
        this.onMessage = Objects.requireNonNull(handler);
        return this;
    }

    /** Runs after success or failure. */
    public BackgroundTask<T> onFinally(Runnable handler) {
        this.onFinally = Objects.requireNonNull(handler);
        return this;
    }

    /** Gives up (and interrupts the work) when it runs longer than this. */
    public BackgroundTask<T> timeout(Duration limit) {
        this.timeout = limit;
        return this;
    }

    public String title() {
        return title;
    }

    public Work<T> work() {
        return work;
    }

    public Duration timeout() {
        return timeout;
    }

    public boolean hasFailureHandler() {
        return onFailure != null;
    }

    void succeeded(T result) {
        onSuccess.accept(result);
    }

    void failed(Throwable error) {
        onFailure.accept(error);
    }

    void messaged(String message) {
        onMessage.accept(message);
    }

    void finished() {
        onFinally.run();
    }
}
