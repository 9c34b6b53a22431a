package io.mtcassistant.ui.steps.monitor;

import io.mtcassistant.monitor.Condition;
import io.mtcassistant.monitor.Durations;
import io.mtcassistant.monitor.MigrationView;
import io.mtcassistant.monitor.ProgressLine;
import io.mtcassistant.monitor.StepState;
import io.mtcassistant.monitor.StepView;
import io.mtcassistant.monitor.VolumeProgress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Polyline;

/**
 * One migration in the details pane. Its nodes are made once and patched on every update (texts, bars, widths);
 * rows are added or removed only when the step list, the progress lines or the volumes change in number, so
 * nothing under the pointer is replaced while updates stream.
 */
final class MigrationPane {

    private static final double BAR_MIN_WIDTH = 60;
    private static final double TEXT_MIN_WIDTH = 100;

    private final VBox root = new VBox(10);
    private final Label header = new Label();
    private final Label state = new Label();
    private final Label percent = new Label();
    private final ProgressBar overall = new ProgressBar(0);
    private final Label waiting = new Label();
    private final VBox errors = new VBox(2);
    private final FlowPane steps = new FlowPane(6, 6);
    private final TimelineChart timeline = new TimelineChart();
    private final Label notStarted = new Label("Not started yet.");
    private final VBox progress = new VBox(4);
    private final Label volumesTitle = section("Volumes (direct volume migration)");
    private final VBox volumes = new VBox(4);
    private final Label conditionsTitle = section("Conditions");
    private final VBox conditions = new VBox(2);
    private final BiFunction<String, String, List<Double>> rateSamples;
    private List<String> shownErrors = List.of();
    private List<String> stepNames = List.of();
    private Map<String, List<Condition>> shownConditions = Map.of();

    /** @param rateSamples the recent rates of a migration's PVC (migration, pvc) */
    MigrationPane(BiFunction<String, String, List<Double>> rateSamples) {
        this.rateSamples = rateSamples;
        header.setStyle("-fx-font-weight: bold;");
        header.setWrapText(true);
        state.setId("monitor-migration-state");
        state.setWrapText(true);
        percent.setMinWidth(Region.USE_PREF_SIZE);
        overall.setPrefWidth(TimelineChart.WIDTH);
        overall.setId("monitor-overall");
        waiting.setWrapText(true);
        waiting.setId("monitor-waiting");
        errors.setId("monitor-errors");
        steps.setId("monitor-steps");
        root.getChildren().addAll(header, new HBox(10, state, percent), overall, waiting, errors, section("Steps"),
                steps, section("Timeline"), timeline.node(), notStarted, progress, volumesTitle, volumes,
                conditionsTitle, conditions);
    }

    Node node() {
        return root;
    }

    void show(MigrationView m) {
        header.setText(m.name() + "   " + m.action().jsonName() + (m.itinerary() == null ? ""
                : " (itinerary " + m.itinerary() + ")"));
        // The console's summary adds the step ("Error - Backup"); when it only repeats the state it is left out.
        boolean repeats = m.summary() == null || m.summary().equalsIgnoreCase(m.state().label())
                || m.summary().equals("NotStarted");
        state.setText(m.state().label() + (repeats ? "" : " \u2013 " + m.summary()));
        MonitorColors.paint(state, MonitorColors.state(m.state()));
        percent.setText(m.percent() == null ? "" : Math.round(m.percent()) + " %");
        overall.setProgress(m.percent() == null ? 0 : m.percent() / 100.0);
        showWaiting(m);
        showErrors(m.errors());
        showSteps(m.steps());
        boolean anyStarted = m.steps().stream().anyMatch(s -> s.started() != null);
        visible(timeline.node(), anyStarted);
        visible(notStarted, !anyStarted);
        timeline.show(m);
        showProgress(m.steps());
        showVolumes(m);
        showConditions(m.conditionsByCategory());
    }

    private void showWaiting(MigrationView m) {
        visible(waiting, m.waiting() != null);
        if (m.waiting() != null) {
            waiting.setText(m.waiting().text());
            waiting.setStyle(m.waiting().long_() ? "-fx-text-fill: #b35900;" : "");
        }
    }

    private void showErrors(List<String> list) {
        visible(errors, !list.isEmpty());
        if (list.equals(shownErrors)) {
            return;
        }
        shownErrors = list;
        errors.getChildren().clear();
        for (String error : list) {
            Label label = new Label("Error: " + error);
            label.setWrapText(true);
            label.setStyle("-fx-text-fill: #c9190b; -fx-font-weight: bold;");
            errors.getChildren().add(label);
        }
    }

    private void showSteps(List<StepView> list) {
        List<String> names = list.stream().map(StepView::name).toList();
        if (!names.equals(stepNames)) {
            stepNames = names;
            steps.getChildren().clear();
            list.forEach(s -> steps.getChildren().add(new Label()));
        }
        for (int i = 0; i < list.size(); i++) {
            StepView step = list.get(i);
            Label chip = (Label) steps.getChildren().get(i);
            chip.setText(step.name() + (step.elapsed() == null ? "" : " " + Durations.short_(step.elapsed())));
            MonitorColors.paint(chip, MonitorColors.step(step.state()));
        }
    }

    /** The running or failed steps' titles and their progress lines as bars. */
    private void showProgress(List<StepView> list) {
        int index = 0;
        for (StepView step : list) {
            if (step.state() == StepState.RUNNING || step.state() == StepState.FAILED) {
                reuse(progress, index++, ProgressRow::new).title(step.name() + ": " + step.title());
                for (ProgressLine line : step.progress()) {
                    reuse(progress, index++, ProgressRow::new).line(line);
                }
            }
        }
        trim(progress, index);
    }

    private void showVolumes(MigrationView m) {
        List<VolumeProgress> list = m.volumes();
        visible(volumesTitle, !list.isEmpty());
        visible(volumes, !list.isEmpty());
        for (int i = 0; i < list.size(); i++) {
            VolumeProgress v = list.get(i);
            reuse(volumes, i, VolumeRow::new).show(v, rateSamples.apply(m.name(), v.pvc()));
        }
        trim(volumes, list.size());
    }

    private void showConditions(Map<String, List<Condition>> byCategory) {
        visible(conditionsTitle, !byCategory.isEmpty());
        visible(conditions, !byCategory.isEmpty());
        if (byCategory.equals(shownConditions)) {
            return;
        }
        shownConditions = byCategory;
        conditions.getChildren().clear();
        byCategory.forEach((category, list) -> {
            for (Condition c : list) {
                Label label = new Label(category + "  " + c.type() + (c.message() == null ? "" : ": " + c.message()));
                label.setWrapText(true);
                if (category.equals("Critical") || category.equals("Error")) {
                    label.setStyle("-fx-text-fill: #c9190b;");
                } else if (category.equals("Warn")) {
                    label.setStyle("-fx-text-fill: #b35900;");
                }
                conditions.getChildren().add(label);
            }
        });
    }

    /** The row at index in the box, made when missing (rows are HBoxes of one kind per box). */
    @SuppressWarnings("unchecked")
    private static <R extends HBox> R reuse(VBox box, int index, Supplier<R> make) {
        if (index < box.getChildren().size()) {
            return (R) box.getChildren().get(index);
        }
        R row = make.get();
        box.getChildren().add(row);
        return row;
    }

    private static void trim(VBox box, int size) {
        if (box.getChildren().size() > size) {
            box.getChildren().remove(size, box.getChildren().size());
        }
    }

    static void visible(Node node, boolean shown) {
        node.setVisible(shown);
        node.setManaged(shown);
    }

    /** For a label that may be cut on purpose: its tooltip always carries the whole text. */
    static void tooltipWithFullText(Label label) {
        Tooltip tooltip = new Tooltip();
        tooltip.textProperty().bind(label.textProperty());
        label.setTooltip(tooltip);
    }

    static Label section(String text) {
        Label label = new Label(text);
        label.setStyle("-fx-font-weight: bold; -fx-padding: 6 0 0 0;");
        return label;
    }

    /** A step title (no bar) or one progress line with its bar. */
    private static final class ProgressRow extends HBox {
        private final ProgressBar bar = new ProgressBar(0);
        private final Label text = new Label();

        ProgressRow() {
            super(8);
            bar.setPrefWidth(160);
            bar.setMinWidth(BAR_MIN_WIDTH);
            text.setWrapText(true);
            HBox.setHgrow(text, Priority.ALWAYS);
            getChildren().addAll(bar, text);
        }

        void title(String title) {
            visible(bar, false);
            text.setText(title);
        }

        void line(ProgressLine line) {
            visible(bar, true);
            text.setText(line.line());
            boolean ended = line.completed() || line.failed();
            bar.setProgress(line.percent() != null ? line.percent() / 100.0
                    : ended ? 1 : ProgressBar.INDETERMINATE_PROGRESS);
            bar.setStyle(line.failed() ? "-fx-accent: #c9190b;" : line.completed() ? "-fx-accent: #3e8635;" : "");
        }
    }

    /** One PVC: bar, phase, percent and rate once copying, and a small chart of the last rates. */
    private static final class VolumeRow extends HBox {
        private final ProgressBar bar = new ProgressBar(0);
        private final Label text = new Label();
        private final Pane chart = new Pane();
        private final Polyline line = new Polyline();

        VolumeRow() {
            super(8);
            bar.setPrefWidth(160);
            bar.setMinWidth(BAR_MIN_WIDTH);
            // on a narrow page the bar gives way first, and the PVC's name and phase wrap rather than cut
            text.setWrapText(true);
            text.setMinWidth(TEXT_MIN_WIDTH);
            HBox.setHgrow(text, Priority.ALWAYS);
            text.setMaxWidth(Double.MAX_VALUE);
            chart.setPrefSize(120, 24);
            chart.setMinSize(120, 24);
            line.setStyle("-fx-stroke: #0066cc;");
            chart.getChildren().add(line);
            getChildren().addAll(bar, text, chart);
        }

        void show(VolumeProgress v, List<Double> samples) {
            bar.setProgress(v.percent() == null || !v.started() ? 0 : v.percent() / 100.0);
            text.setText(v.pvc() + "  " + v.text());
            List<Double> points = new ArrayList<>();
            if (samples.size() >= 2) {
                double max = Math.max(1, samples.stream().mapToDouble(Double::doubleValue).max().orElse(1));
                for (int i = 0; i < samples.size(); i++) {
                    points.add(i * 120.0 / (samples.size() - 1));
                    points.add(22 - samples.get(i) / max * 20);
                }
            }
            line.getPoints().setAll(points);
        }
    }
}
