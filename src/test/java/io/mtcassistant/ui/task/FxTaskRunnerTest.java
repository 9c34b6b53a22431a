package io.mtcassistant.ui.task;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtcassistant.common.ActivityEvent;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class FxTaskRunnerTest {

    private final List<ActivityEvent> activity = new CopyOnWriteArrayList<>();
    private final FxTaskRunner runner = new FxTaskRunner(activity::add);

    @Start
    void start(Stage stage) {
        // The runner needs the toolkit only; no window.
    }

    @AfterEach
    void close() {
        runner.close();
    }

    @Test
    void workRunsOffTheFxThreadAndTheResultComesBackOnIt(FxRobot robot) throws Exception {
        AtomicReference<Boolean> workOnFx = new AtomicReference<>();
        AtomicReference<Boolean> handlerOnFx = new AtomicReference<>();
        AtomicReference<String> result = new AtomicReference<>();
        CountDownLatch release = new CountDownLatch(1);

        robot.interact(() -> runner.run(BackgroundTask.of("Count", progress -> {
            workOnFx.set(Platform.isFxApplicationThread());
            progress.message("halfway");
            progress.fraction(0.5);
            release.await(10, TimeUnit.SECONDS);
            return "42";
        }).onSuccess(value -> {
            handlerOnFx.set(Platform.isFxApplicationThread());
            result.set(value);
        })));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> runner.statusProperty().get().equals("Count: halfway"));
        assertThat(runner.busyProperty().get()).isTrue();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> runner.progressProperty().get() == 0.5);
        release.countDown();

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> result.get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(result.get()).isEqualTo("42");
        assertThat(workOnFx.get()).isFalse();
        assertThat(handlerOnFx.get()).isTrue();
        assertThat(runner.busyProperty().get()).isFalse();
        assertThat(runner.statusProperty().get()).isEmpty();
        assertThat(runner.progressProperty().get()).isNegative();
    }

    @Test
    void anUnhandledFailureBecomesOnePlainActivityLine(FxRobot robot) throws Exception {
        robot.interact(() -> runner.run(BackgroundTask.of("Read file", progress -> {
            throw new IllegalStateException("outer", new java.io.IOException("/tmp/x: permission denied"));
        })));

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !activity.isEmpty());
        ActivityEvent event = activity.get(0);
        assertThat(event.level()).isEqualTo(ActivityEvent.Level.ERROR);
        assertThat(event.source()).isEqualTo("Read file");
        assertThat(event.message()).isEqualTo("/tmp/x: permission denied (details in the log file)");
    }

    @Test
    void workThatRunsTooLongIsStoppedWithATimeout(FxRobot robot) throws Exception {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicReference<Boolean> interrupted = new AtomicReference<>(false);
        robot.interact(() -> runner.run(BackgroundTask.of("Hang", progress -> {
                    try {
                        Thread.sleep(60_000);
                    } catch (InterruptedException e) {
                        interrupted.set(true);
                        throw e;
                    }
                    return null;
                })
                .timeout(Duration.ofMillis(200))
                .onFailure(failure::set)));

        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> failure.get() != null);
        assertThat(failure.get()).isInstanceOf(TimeoutException.class).hasMessageContaining("Hang");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, interrupted::get);
    }

    @Test
    void cancelAllStopsRunningWork(FxRobot robot) throws Exception {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicReference<Boolean> finished = new AtomicReference<>(false);
        CountDownLatch started = new CountDownLatch(1);
        robot.interact(() -> runner.run(BackgroundTask.of("Wait", progress -> {
                    started.countDown();
                    Thread.sleep(60_000);
                    return null;
                })
                .onFailure(failure::set)
                .onFinally(() -> finished.set(true))));
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

        robot.interact(runner::cancelAll);

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, finished::get);
        assertThat(failure.get()).isInstanceOf(CancellationException.class);
        assertThat(runner.busyProperty().get()).isFalse();
    }
}
