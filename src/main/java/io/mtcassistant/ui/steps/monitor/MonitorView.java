package io.mtcassistant.ui.steps.monitor;

import io.mtcassistant.common.AtomicFiles;
import io.mtcassistant.monitor.ActionCheck;
import io.mtcassistant.monitor.ActionRequest;
import io.mtcassistant.monitor.MigrationView;
import io.mtcassistant.monitor.PlanView;
import io.mtcassistant.plans.PlanChangeRules;
import io.mtcassistant.ui.common.DialogService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** Step 7 on screen: plans on the left, the chosen migration on the right; behaviour is in {@link MonitorViewModel}. */
public final class MonitorView {

    private static final double PLANS_WIDTH = 330;
    private static final double PLANS_MIN_WIDTH = 220;
    private static final double PLANS_SHARE = 0.36;
    /**
     * A plan's row: four lines (the chip's kept when a plan has no migration yet). Fixed, so the list never measures
     * rows to estimate its height: with hundreds of plans changing every update that was most of the FX thread's work.
     */
    private static final double PLAN_ROW_HEIGHT = 83;

    private final MonitorViewModel viewModel;
    private final DialogService dialogs;
    /** Opens the plan window on an existing plan (owner window, plan name); null: no Edit… button. */
    private final java.util.function.BiConsumer<javafx.stage.Window, String> editPlan;

    @FXML private BorderPane root;
    @FXML private VBox plansPane;
    @FXML private Label feedLabel;
    @FXML private TextField searchField;
    @FXML private ComboBox<MonitorViewModel.Filter> filterBox;
    @FXML private ListView<PlanView> planList;
    @FXML private VBox details;
    @FXML private HBox toolbar;
    @FXML private Label sourceLabel;
    @FXML private Button openFileButton;
    @FXML private Button closeFileButton;

    // The details pane is made once; updates patch it (see MigrationPane), so clicks never land on a replaced node.
    private final Label emptyLabel = new Label();
    private final VBox planBox = new VBox(10);
    private final Label planTitle = new Label();
    private final Label planStatus = new Label();
    private final List<ActionButton> actions = new ArrayList<>();
    private final Button export = new Button("Export report...");
    private final VBox confirmationHolder = new VBox();
    private final VBox reasons = new VBox(2);
    private List<String> shownReasons = List.of();
    private final Label actionMessage = new Label();
    private final FlowPane picker = new FlowPane(6, 6);
    private String pickerKey = "";
    private MigrationPane migrationPane;

    private MonitorView(MonitorViewModel viewModel, DialogService dialogs,
            java.util.function.BiConsumer<javafx.stage.Window, String> editPlan) {
        this.viewModel = viewModel;
        this.dialogs = dialogs;
        this.editPlan = editPlan;
    }

    public static Node create(MonitorViewModel viewModel, DialogService dialogs) {
        return create(viewModel, dialogs, (java.util.function.BiConsumer<javafx.stage.Window, String>) null);
    }

    private static Node create(MonitorViewModel viewModel, DialogService dialogs,
            java.util.function.BiConsumer<javafx.stage.Window, String> editPlan) {
        FXMLLoader loader = new FXMLLoader(MonitorView.class.getResource("monitor.fxml"));
        loader.setController(new MonitorView(viewModel, dialogs, editPlan));
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("monitor.fxml is part of the app and must load", e);
        }
    }

    /**
     * With a "New plan…" button in the header that opens the plans step's window over this one, and an "Edit…" for
     * the chosen plan that opens it on that plan.
     */
    public static Node create(MonitorViewModel viewModel, DialogService dialogs,
            java.util.function.Consumer<javafx.stage.Window> newPlan,
            java.util.function.BiConsumer<javafx.stage.Window, String> editPlan) {
        Node page = create(viewModel, dialogs, editPlan);
        Button button = new Button("New plan…");
        button.setId("monitor-new-plan");
        button.setOnAction(e -> newPlan.accept(button.getScene().getWindow()));
        HBox toolbar = (HBox) page.lookup("#monitor-toolbar");
        toolbar.getChildren().add(toolbar.getChildren().indexOf(page.lookup("#monitor-open-file")), button);
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
        sourceLabel.textProperty().bind(viewModel.sourceNoteProperty());
        openFileButton.setOnAction(e -> openFile());
        closeFileButton.setOnAction(e -> viewModel.closeFile());
        closeFileButton.visibleProperty().bind(viewModel.openedFileProperty().isNotNull());
        closeFileButton.managedProperty().bind(closeFileButton.visibleProperty());
        // The plans list gives way on a narrow window, so the details keep room for their buttons and bars.
        plansPane.prefWidthProperty().bind(Bindings.createDoubleBinding(() -> Math.max(PLANS_MIN_WIDTH,
                Math.min(PLANS_WIDTH, root.getWidth() * PLANS_SHARE)), root.widthProperty()));
        buildDetails();
        planList.setItems(viewModel.shownPlans());
        planList.setCellFactory(list -> new PlanCell());
        planList.setFixedCellSize(PLAN_ROW_HEIGHT);
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
        viewModel.confirmingProperty().addListener((obs, old, c) -> showConfirmation(c));
        viewModel.confirmingChangeProperty().addListener((obs, old, c) -> showPlanChangeConfirmation(c));
        viewModel.actionMessageProperty().addListener((obs, old, m) -> render());
        render();
    }

    private void buildDetails() {
        migrationPane = new MigrationPane(viewModel::rateSamples);
        planTitle.setStyle("-fx-font-size: 16px; -fx-font-weight: bold;");
        planTitle.setWrapText(true);
        planStatus.setId("monitor-plan-status");
        planStatus.setWrapText(true);
        emptyLabel.setWrapText(true);
        // the buttons go onto a second line rather than shrink to "St..."
        FlowPane buttons = new FlowPane(8, 6);
        actions.add(new ActionButton("Start stage", "monitor-stage", ActionRequest.Kind.STAGE));
        actions.add(new ActionButton("Start cutover", "monitor-cutover", ActionRequest.Kind.CUTOVER));
        actions.add(new ActionButton("Roll back", "monitor-rollback", ActionRequest.Kind.ROLLBACK));
        actions.add(new ActionButton("Cancel migration", "monitor-cancel", ActionRequest.Kind.CANCEL));
        if (editPlan != null) {
            actions.add(new ActionButton("Edit…", "monitor-edit-plan", PlanChangeRules.Change.EDIT,
                    () -> viewModel.plan().ifPresent(p -> editPlan.accept(root.getScene().getWindow(), p.name()))));
        }
        actions.add(new ActionButton("Close plan", "monitor-close-plan", PlanChangeRules.Change.CLOSE,
                () -> viewModel.askPlanChange(PlanChangeRules.Change.CLOSE)));
        actions.add(new ActionButton("Delete plan", "monitor-delete-plan", PlanChangeRules.Change.DELETE,
                () -> viewModel.askPlanChange(PlanChangeRules.Change.DELETE)));
        actions.forEach(action -> buttons.getChildren().add(action.button));
        reasons.setId("monitor-action-reasons");
        export.setId("monitor-export");
        export.setOnAction(e -> exportReport());
        buttons.getChildren().add(export);
        actionMessage.setId("monitor-action-message");
        actionMessage.setWrapText(true);
        planBox.getChildren().addAll(planTitle, planStatus, new VBox(6, buttons, reasons, confirmationHolder,
                actionMessage), picker, migrationPane.node());
        details.getChildren().addAll(emptyLabel, planBox);
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
        Optional<PlanView> plan = viewModel.plan();
        MigrationPane.visible(emptyLabel, plan.isEmpty());
        MigrationPane.visible(planBox, plan.isPresent());
        if (plan.isEmpty()) {
            String message = viewModel.actionMessageProperty().get();
            emptyLabel.setText(message != null && !message.isEmpty() ? message
                    : viewModel.snapshotProperty().get().plans().isEmpty()
                    ? "No migration plan on the control cluster yet." : "Choose a plan.");
            return;
        }
        PlanView p = plan.get();
        planTitle.setText(p.name() + "   " + p.sourceCluster() + " \u2192 " + p.targetCluster());
        planStatus.setText("Plan status: " + p.statusText() + "   Namespaces: " + String.join(", ", p.namespaces()));
        actions.forEach(ActionButton::refresh);
        showReasons();
        export.setDisable(viewModel.migration().isEmpty());
        String message = viewModel.actionMessageProperty().get();
        actionMessage.setText(message == null ? "" : message);
        MigrationPane.visible(actionMessage, message != null && !message.isEmpty());
        showPicker(p);
        Optional<MigrationView> migration = viewModel.migration();
        MigrationPane.visible(migrationPane.node(), migration.isPresent());
        migration.ifPresent(migrationPane::show);
    }

    /** Why actions are disabled, one line per reason ("Start stage, Start cutover: a migration is running"). */
    private void showReasons() {
        Map<String, List<String>> byReason = new LinkedHashMap<>();
        for (ActionButton action : actions) {
            if (action.explained()) {
                byReason.computeIfAbsent(action.reason, r -> new ArrayList<>()).add(action.button.getText());
            }
        }
        List<String> lines = byReason.entrySet().stream()
                .map(e -> String.join(", ", e.getValue()) + ": " + e.getKey()).toList();
        if (!lines.equals(shownReasons)) {
            shownReasons = lines;
            reasons.getChildren().clear();
            for (String line : lines) {
                Label label = new Label(line);
                label.setStyle("-fx-text-fill: #666;");
                label.setWrapText(true);
                reasons.getChildren().add(label);
            }
        }
        MigrationPane.visible(reasons, !lines.isEmpty());
    }

    /** The confirmation box changes only when the question does, never on a data update. */
    private void showConfirmation(ActionRequest request) {
        if (request != null) {
            confirmationHolder.getChildren().setAll(confirmation(request));
        } else if (viewModel.confirmingChangeProperty().get() == null) {
            confirmationHolder.getChildren().clear();
        }
    }

    /** Close plan / Delete plan: the same box, naming the plan. */
    private void showPlanChangeConfirmation(MonitorViewModel.PlanChangeQuestion question) {
        if (question != null) {
            confirmationHolder.getChildren().setAll(confirmation(question.consequence(), null, viewModel::confirmPlanChange));
        } else if (viewModel.confirmingProperty().get() == null) {
            confirmationHolder.getChildren().clear();
        }
    }

    private Node confirmation(ActionRequest request) {
        CheckBox quiesce = null;
        if (request.kind() == ActionRequest.Kind.CUTOVER) {
            quiesce = new CheckBox("Quiesce: scale the source applications down before the copy");
            quiesce.setId("monitor-quiesce");
            quiesce.selectedProperty().bindBidirectional(viewModel.quiesceProperty());
        }
        return confirmation(request.consequence(), quiesce, viewModel::confirm);
    }

    private Node confirmation(String consequence, Node option, Runnable onConfirm) {
        VBox box = new VBox(8);
        box.setId("monitor-confirmation");
        box.setStyle("-fx-border-color: #c77700; -fx-border-width: 1; -fx-padding: 10; -fx-background-color: #fff8ec;");
        Label text = new Label(consequence);
        text.setId("monitor-confirmation-text");
        text.setWrapText(true);
        box.getChildren().add(text);
        if (option != null) {
            box.getChildren().add(option);
        }
        Button confirm = new Button("Confirm");
        confirm.setId("monitor-confirm");
        confirm.setDefaultButton(true);
        confirm.setOnAction(e -> onConfirm.run());
        Button back = new Button("Back");
        back.setId("monitor-confirm-back");
        back.setOnAction(e -> viewModel.cancelConfirmation());
        box.getChildren().add(new HBox(8, confirm, back));
        return box;
    }

    /** One toggle per migration of the plan; rebuilt only when the plan or its list of migrations changes. */
    private void showPicker(PlanView plan) {
        List<String> names = plan.migrations().stream().map(MigrationView::name).toList();
        String key = plan.name() + "\u0000" + String.join("\u0000", names);
        if (!key.equals(pickerKey)) {
            pickerKey = key;
            picker.getChildren().clear();
            ToggleGroup group = new ToggleGroup();
            for (String name : names) {
                ToggleButton button = new ToggleButton();
                button.setToggleGroup(group);
                button.setOnAction(e -> viewModel.selectedMigrationProperty().set(name));
                picker.getChildren().add(button);
            }
        }
        MigrationPane.visible(picker, !names.isEmpty());
        String shown = viewModel.migration().map(MigrationView::name).orElse(null);
        for (int i = 0; i < names.size(); i++) {
            MigrationView m = plan.migrations().get(i);
            ToggleButton button = (ToggleButton) picker.getChildren().get(i);
            button.setText(m.action().jsonName() + " \u00b7 " + m.state().label());
            button.setSelected(m.name().equals(shown));
        }
    }

    private void openFile() {
        dialogs.chooseOpenFile("Open MTC objects (oc get migplan,migmigration -o json|yaml)",
                        Path.of(System.getProperty("user.home")), "Kubernetes objects (JSON or YAML)",
                        List.of("*.json", "*.yaml", "*.yml"))
                .ifPresent(viewModel::openFile);
    }

    /** An action button, made once; each update enables or disables it and keeps why. */
    private final class ActionButton {
        final Button button;
        final ActionRequest.Kind kind;
        private final java.util.function.Supplier<ActionCheck> check;
        String reason;

        ActionButton(String text, String id, ActionRequest.Kind kind) {
            this(text, id, kind, () -> viewModel.check(kind), () -> viewModel.ask(kind));
        }

        /** Edit…, Close plan, Delete plan: checked by the plan-change rules. */
        ActionButton(String text, String id, PlanChangeRules.Change change, Runnable action) {
            this(text, id, null, () -> viewModel.checkPlanChange(change), action);
        }

        private ActionButton(String text, String id, ActionRequest.Kind kind,
                java.util.function.Supplier<ActionCheck> check, Runnable action) {
            this.kind = kind;
            this.check = check;
            button = new Button(text);
            button.setId(id);
            button.setOnAction(e -> action.run());
        }

        void refresh() {
            ActionCheck checked = check.get();
            button.setDisable(!checked.allowed());
            reason = checked.allowed() ? null : checked.reason();
        }

        /** Cancel is disabled whenever nothing runs, which needs no explanation. */
        boolean explained() {
            return reason != null && (kind != ActionRequest.Kind.CANCEL || viewModel.openedFileProperty().get() != null);
        }
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

    /**
     * A plan in the list: name, clusters, namespaces, status text and its last migration's state chip. The nodes are
     * made once per cell and refilled, since every update hands the list new PlanView objects.
     */
    private static final class PlanCell extends ListCell<PlanView> {
        private final Label name = new Label();
        private final Label clusters = new Label();
        private final Label status = new Label();
        private final Label chip = new Label();
        private final VBox box = new VBox(2, name, clusters, status, chip);

        PlanCell() {
            name.setStyle("-fx-font-weight: bold;");
            // As wide as the list, never wider: long namespace lists are cut, not scrolled sideways; tooltips have them.
            setPrefWidth(0);
            List.of(name, clusters, status, chip).forEach(MigrationPane::tooltipWithFullText);
        }

        @Override
        protected void updateItem(PlanView plan, boolean empty) {
            super.updateItem(plan, empty);
            setText(null);
            if (empty || plan == null) {
                setGraphic(null);
                return;
            }
            name.setText(plan.name());
            clusters.setText(plan.sourceCluster() + " \u2192 " + plan.targetCluster() + "  \u00b7  "
                    + String.join(", ", plan.namespaces()));
            status.setText(plan.statusText());
            MigrationView latest = plan.latest();
            chip.setVisible(latest != null);
            if (latest != null) {
                chip.setText(latest.action().jsonName().toLowerCase(Locale.ROOT) + " \u00b7 " + latest.state().label());
                MonitorColors.paint(chip, MonitorColors.state(latest.state()));
            }
            setGraphic(box);
        }
    }
}
