package io.mtcassistant.ui.steps.mirroring;

/**
 * Calls the view model back at a steady, low rate while a run goes on, so the engine's many events reach the screen
 * as at most a few updates per second. The app uses {@link FxProgressTicker}; tests tick by hand.
 */
public interface ProgressTicker {

    void start(Runnable tick);

    void stop();
}
