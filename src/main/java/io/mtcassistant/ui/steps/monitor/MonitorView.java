package io.mtcassistant.ui.steps.monitor;

import io.mtcassistant.common.AtomicFiles;
import io.mtcassistant.monitor.ActionCheck;
import io.mtcassistant.monitor.ActionRequest;
import io.mtcassistant.monitor.Condition;
import io.mtcassistant.monitor.Durations;
import io.mtcassistant.monitor.MigrationState;
import io.mtcassistant.monitor.MigrationView;
import io.mtcassistant.monitor.PlanView;
import io.mtcassistant.monitor.ProgressLine;
import io.mtcassistant.monitor.StepState;
import io.mtcassistant.monitor.StepView;
import io.mtcassistant.monitor.VolumeProgress;
import io.mtcassistant.ui.common.DialogService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Polyline;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;
import javafx.util.StringConverter;

/** Step 7 on screen: plans on the left, the chosen migration on the right; behaviour is in {@link MonitorViewModel}. */
public final class MonitorView {

    private static final double TIMELINE_WIDTH = 560;

    private final MonitorViewModel viewModel;
    private final DialogService dialogs;

    @FXML private BorderPane root;
    @FXML private Label feedLabel;
    @FXML private TextField searchField;
    @FXML private ComboBox<MonitorViewModel.Filter> filterBox;
    @FXML private ListView<PlanView> planList;
    @FXML private VBox details;

    private MonitorView(MonitorViewModel viewModel, DialogService dialogs) {
        this.viewModel = viewModel;
        this.dialogs = dialogs;
    }

    public static Node create(MonitorViewModel viewModel, DialogService dialogs) {
        FXMLLoader loader = new FXMLLoader(MonitorView.class.getResource("monitor.fxml"));
        loader.setController(new MonitorView(viewModel, dialogs));
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("monitor.fxml is part of the app and must load", e);
        }
    }

    /** With a "New plan…" button in the header that opens the plans step's window over this one. */
    public static Node create(MonitorViewModel viewModel, DialogService dialogs,
            java.util.function.Consumer<javafx.stage.Window> newPlan) {
        Node page = create(viewModel, dialogs);
        Button button = new Button("New plan…");
        button.setId("monitor-new-plan");
        button.setOnAction(e -> newPlan.accept(button.getScene().getWindow()));
        ((HBox) page.lookup("#monitor-feed").getParent()).getChildren().add(0, button);
        return page;
    }

    @FXML
    private void initialize() {
        feedLabel.textProperty().bind(viewModel.feedTextProperty());
        viewModel.feedProperty().addListener((obs, old, feed) -> {
            feedLabel.setStyle(feed.stale() ? "-fx-text-fill: #b35900; -fx-font-weight: bold;" : "");
        });
        searchField.textProperty().bindBidirectional(viewModel.searchProperty());
        filterBox.getItems().setAll(MonitorViewModel.Filter.values());
        filterBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(MonitorViewModel.Filter f) {
                return f == null ? "" : switch (f) {
                    case ALL -> "All plans";
                    case RUNNING -> "Running";
                    case FAILED -> "Failed";
                    case SUCCEEDED -> "Succeeded";
                    case NOT_READY -> "Not Ready";
                };
            }

            @Override
            public MonitorViewModel.Filter fromString(String s) {
                return null;
            }
        });
        filterBox.valueProperty().bindBidirectional(viewModel.filterProperty());
        planList.setItems(viewModel.shownPlans());
        planList.setCellFactory(list -> new PlanCell());
        planList.getSelectionModel().selectedItemProperty().addListener((obs, old, plan) -> {
            if (plan != null && !plan.name().equals(viewModel.selectedPlanProperty().get())) {
                viewModel.selectedMigrationProperty().set(null);
                viewModel.selectedPlanProperty().set(plan.name());
            }
        });
        viewModel.snapshotProperty().addListener((obs, old, s) -> {
            reselect();
            render();
        });
        viewModel.selectedPlanProperty().addListener((obs, old, p) -> render());
        viewModel.selectedMigrationProperty().addListener((obs, old, m) -> render());
        viewModel.confirmingProperty().addListener((obs, old, c) -> render());
        viewModel.actionMessageProperty().addListener((obs, old, m) -> render());
        render();
    }

    private void reselect() {
        String name = viewModel.selectedPlanProperty().get();
        for (PlanView plan : planList.getItems()) {
            if (plan.name().equals(name)) {
                planList.getSelectionModel().select(plan);
                return;
            }
        }
    }

    private void render() {
        details.getChildren().clear();
        Optional<PlanView> plan = viewModel.plan();
        if (plan.isEmpty()) {
            details.getChildren().add(new Label(viewModel.snapshotProperty().get().plans().isEmpty()
                    ? "No migration plan on the control cluster yet." : "Choose a plan."));
            return;
        }
        PlanView p = plan.get();
        Label title = new Label(p.name() + "   " + p.sourceCluster() + " \u2192 " + p.targetCluster());
        title.setStyle("-fx-font-size: 16px; -fx-font-weight: bold;");
        Label status = new Label("Plan status: " + p.statusText() + "   Namespaces: " + String.join(", ", p.namespaces()));
        status.setId("monitor-plan-status");
        details.getChildren().addAll(title, status, actions(p));
        if (!p.migrations().isEmpty()) {
            details.getChildren().add(migrationPicker(p));
        }
        viewModel.migration().ifPresent(this::renderMigration);
    }

    private Node actions(PlanView plan) {
        VBox box = new VBox(6);
        HBox buttons = new HBox(8);
        VBox reasons = new VBox(2);
        buttons.getChildren().addAll(actionButton("Start stage", "monitor-stage", ActionRequest.Kind.STAGE, reasons),
                actionButton("Start cutover", "monitor-cutover", ActionRequest.Kind.CUTOVER, reasons),
                actionButton("Roll back", "monitor-rollback", ActionRequest.Kind.ROLLBACK, reasons),
                actionButton("Cancel migration", "monitor-cancel", ActionRequest.Kind.CANCEL, reasons));
        Button export = new Button("Export report...");
        export.setId("monitor-export");
        export.setDisable(viewModel.migration().isEmpty());
        export.setOnAction(e -> exportReport());
        buttons.getChildren().add(export);
        box.getChildren().addAll(buttons, reasons);
        ActionRequest confirming = viewModel.confirmingProperty().get();
        if (confirming != null && confirming.planName().equals(plan.name())) {
            box.getChildren().add(confirmation(confirming));
        }
        String message = viewModel.actionMessageProperty().get();
        if (message != null && !message.isEmpty()) {
            Label result = new Label(message);
            result.setId("monitor-action-message");
            box.getChildren().add(result);
        }
        return box;
    }

    private Button actionButton(String text, String id, ActionRequest.Kind kind, VBox reasons) {
        Button button = new Button(text);
        button.setId(id);
        ActionCheck check = viewModel.check(kind);
        button.setDisable(!check.allowed());
        if (!check.allowed() && kind != ActionRequest.Kind.CANCEL) {
            Label reason = new Label(text + ": " + check.reason());
            reason.setStyle("-fx-text-fill: #666;");
            reason.setWrapText(true);
            reasons.getChildren().add(reason);
        }
        button.setOnAction(e -> viewModel.ask(kind));
        return button;
    }

    private Node confirmation(ActionRequest request) {
        VBox box = new VBox(8);
        box.setId("monitor-confirmation");
        box.setStyle("-fx-border-color: #c77700; -fx-border-width: 1; -fx-padding: 10; -fx-background-color: #fff8ec;");
        Label text = new Label(request.consequence());
        text.setWrapText(true);
        box.getChildren().add(text);
        if (request.kind() == ActionRequest.Kind.CUTOVER) {
            CheckBox quiesce = new CheckBox("Quiesce: scale the source applications down before the copy");
            quiesce.setId("monitor-quiesce");
            quiesce.selectedProperty().bindBidirectional(viewModel.quiesceProperty());
            box.getChildren().add(quiesce);
        }
        Button confirm = new Button("Confirm");
        confirm.setId("monitor-confirm");
        confirm.setDefaultButton(true);
        confirm.setOnAction(e -> viewModel.confirm());
        Button back = new Button("Back");
        back.setOnAction(e -> viewModel.cancelConfirmation());
        box.getChildren().add(new HBox(8, confirm, back));
        return box;
    }

    private Node migrationPicker(PlanView plan) {
        HBox row = new HBox(6);
        ToggleGroup group = new ToggleGroup();
        String shown = viewModel.migration().map(MigrationView::name).orElse(null);
        for (MigrationView m : plan.migrations()) {
            ToggleButton button = new ToggleButton(m.action().jsonName() + " \u00b7 " + m.state().label());
            button.setToggleGroup(group);
            button.setSelected(m.name().equals(shown));
            button.setOnAction(e -> viewModel.selectedMigrationProperty().set(m.name()));
            row.getChildren().add(button);
        }
        return row;
    }

    private void renderMigration(MigrationView m) {
        Label header = new Label(m.name() + "   " + m.action().jsonName() + (m.itinerary() == null ? ""
                : " (itinerary " + m.itinerary() + ")"));
        header.setStyle("-fx-font-weight: bold;");
        Label state = chip(m.state().label() + (m.summary() == null ? "" : " \u2013 " + m.summary()), stateColor(m.state()));
        state.setId("monitor-migration-state");
        ProgressBar overall = new ProgressBar(m.percent() == null ? 0 : m.percent() / 100.0);
        overall.setPrefWidth(TIMELINE_WIDTH);
        overall.setId("monitor-overall");
        details.getChildren().addAll(header, new HBox(10, state, new Label(m.percent() == null ? ""
                : Math.round(m.percent()) + " %")), overall);
        if (m.waiting() != null) {
            Label waiting = new Label("Waiting for " + m.waiting().waitingFor() + " since "
                    + Durations.short_(m.waiting().waited()) + (m.waiting().long_()
                    ? ". That is long: check " + m.waiting().whatToCheck() + "." : "."));
            waiting.setWrapText(true);
            waiting.setId("monitor-waiting");
            waiting.setStyle(m.waiting().long_() ? "-fx-text-fill: #b35900;" : "");
            details.getChildren().add(waiting);
        }
        if (!m.errors().isEmpty()) {
            VBox errors = new VBox(2);
            errors.setId("monitor-errors");
            for (String error : m.errors()) {
                Label label = new Label("Error: " + error);
                label.setWrapText(true);
                label.setStyle("-fx-text-fill: #c9190b; -fx-font-weight: bold;");
                errors.getChildren().add(label);
            }
            details.getChildren().add(errors);
        }
        FlowPane chips = new FlowPane(6, 6);
        chips.setId("monitor-steps");
        for (StepView step : m.steps()) {
            chips.getChildren().add(chip(step.name() + (step.elapsed() == null ? "" : " " + Durations.short_(step.elapsed())),
                    stepColor(step.state())));
        }
        details.getChildren().addAll(section("Steps"), chips, section("Timeline"), timeline(m));
        for (StepView step : m.steps()) {
            if (step.state() == StepState.RUNNING || step.state() == StepState.FAILED) {
                details.getChildren().add(new Label(step.name() + ": " + step.title()));
                for (ProgressLine line : step.progress()) {
                    details.getChildren().add(progressRow(line));
                }
            }
        }
        if (!m.volumes().isEmpty()) {
            details.getChildren().add(section("Volumes (direct volume migration)"));
            for (VolumeProgress v : m.volumes()) {
                details.getChildren().add(volumeRow(m, v));
            }
        }
        if (!m.conditionsByCategory().isEmpty()) {
            details.getChildren().add(section("Conditions"));
            m.conditionsByCategory().forEach((category, list) -> {
                for (Condition c : list) {
                    Label label = new Label(category + "  " + c.type() + (c.message() == null ? "" : ": " + c.message()));
                    label.setWrapText(true);
                    if (category.equals("Critical") || category.equals("Error")) {
                        label.setStyle("-fx-text-fill: #c9190b;");
                    } else if (category.equals("Warn")) {
                        label.setStyle("-fx-text-fill: #b35900;");
                    }
                    details.getChildren().add(label);
                }
            });
        }
    }

    /** One bar per started step on a shared time axis; it keeps growing while the step runs. */
    private Node timeline(MigrationView m) {
        Pane pane = new Pane();
        pane.setId("monitor-timeline");
        List<StepView> started = m.steps().stream().filter(s -> s.started() != null).toList();
        if (started.isEmpty()) {
            return new Label("Not started yet.");
        }
        Instant origin = started.get(0).started();
        Instant end = origin;
        for (StepView step : started) {
            Instant until = step.started().plus(step.elapsed() == null ? Duration.ZERO : step.elapsed());
            if (until.isAfter(end)) {
                end = until;
            }
        }
        double total = Math.max(1, Duration.between(origin, end).toMillis());
        double rowHeight = 20;
        int row = 0;
        for (StepView step : m.steps()) {
            double y = row * rowHeight;
            Text name = new Text(0, y + 14, step.name());
            pane.getChildren().add(name);
            if (step.started() != null) {
                double x = 120 + Duration.between(origin, step.started()).toMillis() / total * TIMELINE_WIDTH;
                double width = Math.max(3, (step.elapsed() == null ? 0 : step.elapsed().toMillis()) / total
                        * TIMELINE_WIDTH);
                Rectangle bar = new Rectangle(x, y + 3, width, rowHeight - 6);
                bar.setStyle("-fx-fill: " + stepColor(step.state()) + ";");
                pane.getChildren().addAll(bar, new Text(x + width + 4, y + 14, Durations.short_(step.elapsed())));
            }
            row++;
        }
        pane.setPrefHeight(row * rowHeight + 4);
        pane.setMinHeight(row * rowHeight + 4);
        return pane;
    }

    private Node progressRow(ProgressLine line) {
        ProgressBar bar = new ProgressBar(line.percent() == null ? ProgressBar.INDETERMINATE_PROGRESS
                : line.percent() / 100.0);
        bar.setPrefWidth(160);
        if (line.failed()) {
            bar.setStyle("-fx-accent: #c9190b;");
        } else if (line.completed()) {
            bar.setStyle("-fx-accent: #3e8635;");
        }
        if (line.percent() == null && (line.completed() || line.failed())) {
            bar.setProgress(1);
        }
        Label text = new Label(line.line());
        text.setWrapText(true);
        return new HBox(8, bar, text);
    }

    private Node volumeRow(MigrationView m, VolumeProgress v) {
        ProgressBar bar = new ProgressBar(v.percent() == null ? 0 : v.percent() / 100.0);
        bar.setPrefWidth(160);
        Label label = new Label(v.pvc() + "  " + (v.phase() == null ? "" : v.phase()) + "  "
                + (v.percent() == null ? "" : Math.round(v.percent()) + " %") + (v.rate() == null ? "" : "  " + v.rate()));
        return new HBox(8, bar, label, rateChart(viewModel.rateSamples(m.name(), v.pvc())));
    }

    /** A small line of the last transfer rates (60 samples). */
    private static Node rateChart(List<Double> samples) {
        Pane pane = new Pane();
        pane.setPrefSize(120, 24);
        pane.setMinSize(120, 24);
        if (samples.size() >= 2) {
            double max = samples.stream().mapToDouble(Double::doubleValue).max().orElse(1);
            Polyline line = new Polyline();
            for (int i = 0; i < samples.size(); i++) {
                line.getPoints().addAll(i * 120.0 / (samples.size() - 1), 22 - samples.get(i) / Math.max(1, max) * 20);
            }
            line.setStyle("-fx-stroke: #0066cc;");
            pane.getChildren().add(line);
        }
        return pane;
    }

    private void exportReport() {
        Optional<String> report = viewModel.report();
        if (report.isEmpty()) {
            return;
        }
        String name = viewModel.migration().map(MigrationView::name).orElse("migration");
        dialogs.chooseSaveFile("Export migration report", Path.of(System.getProperty("user.home")),
                "mtc-migration-" + name + ".md", "Markdown", ".md").ifPresent(file -> {
                    try {
                        AtomicFiles.writeString(file, report.get());
                    } catch (IOException e) {
                        dialogs.showDetails("Export failed", "The report could not be written to " + file, e.getMessage());
                    }
                });
    }

    private static Label section(String text) {
        Label label = new Label(text);
        label.setStyle("-fx-font-weight: bold; -fx-padding: 6 0 0 0;");
        return label;
    }

    private static Label chip(String text, String color) {
        Label label = new Label(text);
        label.setStyle("-fx-background-color: " + color + "; -fx-text-fill: white; -fx-padding: 2 8 2 8; "
                + "-fx-background-radius: 10;");
        return label;
    }

    static String stepColor(StepState state) {
        return switch (state) {
            case COMPLETED -> "#3e8635";
            case RUNNING -> "#5ba352";
            case FAILED -> "#c9190b";
            case SKIPPED -> "#2b9af3";
            case NOT_STARTED -> "#8a8d90";
        };
    }

    static String stateColor(MigrationState state) {
        return switch (state) {
            case SUCCEEDED -> "#3e8635";
            case SUCCEEDED_WITH_WARNINGS, WARNING, PAUSED -> "#c58c00";
            case FAILED -> "#c9190b";
            case RUNNING -> "#0066cc";
            case CANCELING, CANCELED, NOT_STARTED -> "#6a6e73";
        };
    }

    /** A plan in the list: name, clusters, namespaces, status text and its last migration's state chip. */
    private static final class PlanCell extends ListCell<PlanView> {
        @Override
        protected void updateItem(PlanView plan, boolean empty) {
            super.updateItem(plan, empty);
            if (empty || plan == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            Label name = new Label(plan.name());
            name.setStyle("-fx-font-weight: bold;");
            Label clusters = new Label(plan.sourceCluster() + " \u2192 " + plan.targetCluster() + "  \u00b7  "
                    + String.join(", ", plan.namespaces()));
            Label status = new Label(plan.statusText());
            VBox box = new VBox(2, name, clusters, status);
            MigrationView latest = plan.latest();
            if (latest != null) {
                box.getChildren().add(chip(latest.action().jsonName().toLowerCase(Locale.ROOT) + " \u00b7 "
                        + latest.state().label(), stateColor(latest.state())));
            }
            setText(null);
            setGraphic(box);
        }
    }
}
