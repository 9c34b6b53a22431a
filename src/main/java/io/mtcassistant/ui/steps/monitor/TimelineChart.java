package io.mtcassistant.ui.steps.monitor;

import io.mtcassistant.monitor.Durations;
import io.mtcassistant.monitor.MigrationView;
import io.mtcassistant.monitor.StepView;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;

/**
 * A migration's timeline: one bar per started step on a shared time axis (Gantt-like), growing while the step runs.
 * Its rows are built once per step list and then moved and stretched in place on every update.
 */
final class TimelineChart {

    static final double WIDTH = 560;
    private static final double LABEL_WIDTH = 120;
    /** Room right of the longest bar for its duration ("1h 02m"). */
    private static final double ELAPSED_WIDTH = 56;
    private static final double ROW_HEIGHT = 20;

    private final Pane pane = new Pane();
    private final List<Row> rows = new ArrayList<>();
    private List<String> stepNames = List.of();
    private MigrationView shown;

    TimelineChart() {
        pane.setId("monitor-timeline");
        // the bars share the width the page gives the chart, so the longest one and its duration always fit
        pane.setMinWidth(0);
        pane.widthProperty().addListener((obs, old, width) -> {
            if (shown != null) {
                show(shown);
            }
        });
    }

    Pane node() {
        return pane;
    }

    void show(MigrationView m) {
        shown = m;
        double axis = Math.max(80, Math.min(WIDTH, (pane.getWidth() > 0 ? pane.getWidth() : WIDTH + LABEL_WIDTH
                + ELAPSED_WIDTH) - LABEL_WIDTH - ELAPSED_WIDTH));
        List<String> names = m.steps().stream().map(StepView::name).toList();
        if (!names.equals(stepNames)) {
            rebuild(names);
        }
        List<StepView> started = m.steps().stream().filter(s -> s.started() != null).toList();
        Instant origin = started.isEmpty() ? null : started.get(0).started();
        Instant end = origin;
        for (StepView step : started) {
            Instant until = step.started().plus(step.elapsed() == null ? Duration.ZERO : step.elapsed());
            if (until.isAfter(end)) {
                end = until;
            }
        }
        double total = origin == null ? 1 : Math.max(1, Duration.between(origin, end).toMillis());
        for (int i = 0; i < rows.size(); i++) {
            rows.get(i).show(m.steps().get(i), origin, total, axis);
        }
    }

    private void rebuild(List<String> names) {
        stepNames = names;
        rows.clear();
        pane.getChildren().clear();
        for (int i = 0; i < names.size(); i++) {
            Row row = new Row(names.get(i), i * ROW_HEIGHT);
            rows.add(row);
            pane.getChildren().addAll(row.name, row.bar, row.elapsed);
        }
        pane.setPrefHeight(names.size() * ROW_HEIGHT + 4);
        pane.setMinHeight(names.size() * ROW_HEIGHT + 4);
    }

    private static final class Row {
        final Text name;
        final Rectangle bar;
        final Text elapsed;

        Row(String step, double y) {
            name = new Text(0, y + 14, step);
            bar = new Rectangle(LABEL_WIDTH, y + 3, 0, ROW_HEIGHT - 6);
            elapsed = new Text(LABEL_WIDTH, y + 14, "");
        }

        void show(StepView step, Instant origin, double total, double axis) {
            boolean started = step.started() != null && origin != null;
            bar.setVisible(started);
            elapsed.setVisible(started);
            if (!started) {
                return;
            }
            double x = LABEL_WIDTH + Duration.between(origin, step.started()).toMillis() / total * axis;
            double width = Math.max(3, (step.elapsed() == null ? 0 : step.elapsed().toMillis()) / total * axis);
            bar.setX(x);
            bar.setWidth(width);
            bar.setStyle("-fx-fill: " + MonitorColors.step(step.state()) + ";");
            elapsed.setX(x + width + 4);
            elapsed.setText(Durations.short_(step.elapsed()));
        }
    }
}
