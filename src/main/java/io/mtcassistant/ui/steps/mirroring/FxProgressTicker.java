package io.mtcassistant.ui.steps.mirroring;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.util.Duration;

/** Ticks on the FX thread every 100 ms: at most ten screen updates a second, whatever the engine sends. */
public final class FxProgressTicker implements ProgressTicker {

    static final Duration PERIOD = Duration.millis(100);

    private Timeline timeline;

    @Override
    public void start(Runnable tick) {
        stop();
        timeline = new Timeline(new KeyFrame(PERIOD, e -> tick.run()));
        timeline.setCycleCount(Timeline.INDEFINITE);
        timeline.play();
    }

    @Override
    public void stop() {
        if (timeline != null) {
            timeline.stop();
            timeline = null;
        }
    }
}
