package io.mtcassistant.monitor;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A pipeline step as the admin reads it.
 *
 * @param title the console's step title (running: message or phase; "Complete", "Failed", "Skipped", "Not Started")
 * @param elapsed started to completed, or to now while running; null when not started
 * @param percent real progress from the progress lines (Backup/Restore: the first line; per-PVC lines: their mean),
 *                null when the lines give none
 */
public record StepView(String name, StepState state, String title, String phase, Instant started,
        Instant completed, Duration elapsed, List<ProgressLine> progress, Double percent) {
}
