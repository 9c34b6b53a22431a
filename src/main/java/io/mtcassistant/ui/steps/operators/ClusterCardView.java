package io.mtcassistant.ui.steps.operators;

import io.mtcassistant.install.InstallVerification;
import io.mtcassistant.install.UninstallPlanner;
import io.mtcassistant.install.plan.ActionState;
import io.mtcassistant.ui.steps.operators.ClusterCard.Stage;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.controlsfx.control.StatusBar;

/** One cluster's card: decision, plan table with the selected action's YAML, install, verification, uninstall. */
public final class ClusterCardView {

    private ClusterCardView() {
    }

    static Node create(ClusterCard card, OperatorsViewModel viewModel) {
        String id = card.context().replaceAll("[^A-Za-z0-9_-]", "-");
        Label title = new Label(card.context());
        title.getStyleClass().add("card-title");
        Label summary = new Label(card.summary());
        summary.setId("operators-summary-" + id);
        summary.setWrapText(true);

        Label problem = new Label();
        problem.setId("operators-card-problem-" + id);
        problem.getStyleClass().add("problem-text");
        problem.setWrapText(true);
        problem.textProperty().bind(card.problemProperty());
        OperatorsView.showWhenText(problem);

        Button export = new Button("Export…");
        export.setId("operators-export-" + id);
        export.setOnAction(e -> viewModel.export(card));
        Button install = new Button("Install");
        install.setId("operators-install-" + id);
        install.setDefaultButton(false);
        install.setOnAction(e -> viewModel.install(card));
        var busy = card.stageProperty().isEqualTo(Stage.INSTALLING).or(card.stageProperty().isEqualTo(Stage.VERIFYING))
                .or(card.stageProperty().isEqualTo(Stage.PLANNING));
        var noPlan = Bindings.isEmpty(card.actions());
        export.disableProperty().bind(noPlan.or(busy));
        // a reused install has no actions, yet Install still verifies it
        install.disableProperty().bind(card.stageProperty().isEqualTo(Stage.NO_PLAN).or(busy));
        // offered only when the plan was refused for an older MTC that OLM can upgrade
        Button upgrade = new Button();
        upgrade.setId("operators-upgrade-" + id);
        upgrade.getStyleClass().add("accent");
        upgrade.textProperty().bind(card.upgradeOfferProperty());
        upgrade.visibleProperty().bind(card.upgradeOfferProperty().isNotEmpty());
        upgrade.managedProperty().bind(upgrade.visibleProperty());
        upgrade.disableProperty().bind(busy);
        upgrade.setOnAction(e -> viewModel.upgrade(card));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(8, export, install, upgrade, spacer);

        StatusBar status = new StatusBar();
        status.setId("operators-status-" + id);
        status.textProperty().bind(Bindings.createStringBinding(() -> card.statusProperty().get()
                + (card.elapsedProperty().get().isEmpty() ? "" : "   elapsed " + card.elapsedProperty().get()),
                card.statusProperty(), card.elapsedProperty()));
        status.progressProperty().bind(Bindings.createDoubleBinding(() -> progress(card), card.stageProperty(),
                card.elapsedProperty()));

        VBox planBox = planView(card.actions(), "operators-actions-" + id, "operators-yaml-" + id);
        planBox.visibleProperty().bind(noPlan.not());
        planBox.managedProperty().bind(planBox.visibleProperty());

        VBox checks = new VBox(3);
        checks.setId("operators-checks-" + id);
        card.checks().addListener((ListChangeListener<InstallVerification.Check>) c -> checks.getChildren().setAll(
                card.checks().stream().map(ClusterCardView::checkLine).toList()));
        Label console = new Label();
        console.setId("operators-console-" + id);
        console.textProperty().bind(Bindings.createStringBinding(() -> card.consoleUrlProperty().get().isEmpty() ? ""
                : "MTC web console: " + card.consoleUrlProperty().get(), card.consoleUrlProperty()));
        OperatorsView.showWhenText(console);

        // what the admin must do or know that no action does (legacy nodes' mirror credentials, a reused install)
        Label notes = new Label();
        notes.setId("operators-notes-" + id);
        notes.getStyleClass().add("operators-notes");
        notes.setWrapText(true);
        notes.textProperty().bind(Bindings.createStringBinding(() -> card.stage() == Stage.NO_PLAN ? ""
                : String.join("\n", card.planNotes()), card.stageProperty()));
        OperatorsView.showWhenText(notes);

        VBox content = new VBox(10, title, summary, buttons, status, problem, notes, checks, console, planBox,
                uninstallSection(card, viewModel, id));
        content.getStyleClass().add("operators-card");
        content.setId("operators-card-" + id);
        return content;
    }

    private static double progress(ClusterCard card) {
        return switch (card.stage()) {
            case INSTALLING -> card.actions().isEmpty() ? -1
                    : card.actions().stream().filter(r -> r.state().succeeded()).count() / (double) card.actions().size();
            case VERIFYING, PLANNING -> -1;
            case VERIFIED -> 1;
            default -> 0;
        };
    }

    private static Node checkLine(InstallVerification.Check check) {
        Label line = new Label((check.passed() ? "✔ " : "✘ ") + check.name() + ": " + check.detail());
        line.setWrapText(true);
        line.getStyleClass().add(check.passed() ? "operators-check-passed" : "operators-check-failed");
        return line;
    }

    /**
     * A change plan on screen, shared by the steps that apply one: the actions with their live states, and the selected
     * action's reason and YAML (a patch: the diff against the cluster).
     */
    public static VBox planView(javafx.collections.ObservableList<ActionRow> rows, String tableId, String detailId) {
        TableView<ActionRow> table = actionsTable(rows, tableId);
        TextArea detail = new TextArea();
        detail.setId(detailId);
        detail.setEditable(false);
        detail.getStyleClass().add("operators-yaml");
        detail.setPrefRowCount(12);
        detail.setPromptText("Select an action to see its reason and the YAML it applies (a patch: the diff against the cluster).");
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> detail.setText(row == null ? ""
                : "# " + row.title() + "\n# why: " + row.reason() + "\n" + row.detail()));
        return new VBox(6, table, detail);
    }

    private static TableView<ActionRow> actionsTable(javafx.collections.ObservableList<ActionRow> rows, String id) {
        TableView<ActionRow> table = new TableView<>(rows);
        table.setId(id);
        table.getStyleClass().add("operators-actions");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPrefHeight(260);
        TableColumn<ActionRow, Number> number = new TableColumn<>("#");
        number.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().number()));
        number.setPrefWidth(36);
        number.setMaxWidth(44);
        TableColumn<ActionRow, String> action = new TableColumn<>("Action");
        action.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().title()));
        action.setPrefWidth(380);
        TableColumn<ActionRow, ActionState> state = new TableColumn<>("State");
        state.setCellValueFactory(c -> c.getValue().stateProperty());
        state.setPrefWidth(110);
        state.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(ActionState item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeIf(s -> s.startsWith("action-state-"));
                setText(empty || item == null ? null : item.label());
                if (!empty && item != null) {
                    getStyleClass().add("action-state-" + item.label().replace(' ', '-'));
                }
            }
        });
        TableColumn<ActionRow, String> time = new TableColumn<>("Time");
        time.setCellValueFactory(c -> c.getValue().elapsedProperty());
        time.setPrefWidth(70);
        TableColumn<ActionRow, String> message = new TableColumn<>("Message / reason");
        message.setCellValueFactory(c -> messageOrReason(c.getValue()));
        message.setPrefWidth(380);
        table.getColumns().setAll(java.util.List.of(number, action, state, time, message));
        return table;
    }

    private static ObservableValue<String> messageOrReason(ActionRow row) {
        return Bindings.createStringBinding(() -> row.messageProperty().get().isEmpty() ? row.reason() : row.messageProperty().get(),
                row.messageProperty());
    }

    private static Node uninstallSection(ClusterCard card, OperatorsViewModel viewModel, String id) {
        Label heading = new Label("Danger zone: this deletes MTC from " + card.context() + " (procedure 7.6)");
        heading.getStyleClass().add("operators-danger-title");
        heading.setWrapText(true);
        Button list = new Button("List what uninstall deletes");
        list.setId("operators-uninstall-list-" + id);
        list.setOnAction(e -> viewModel.planUninstall(card));
        Label status = new Label();
        status.setId("operators-uninstall-status-" + id);
        status.setWrapText(true);
        status.textProperty().bind(card.uninstallStatusProperty());
        OperatorsView.showWhenText(status);

        ListView<String> deletions = new ListView<>(card.deletions());
        deletions.setId("operators-uninstall-deletions-" + id);
        deletions.setPrefHeight(200);
        Label warning = new Label("⚠ " + UninstallPlanner.VELERO_WARNING);
        warning.getStyleClass().add("operators-danger-title");
        warning.setWrapText(true);
        TextField confirm = new TextField();
        confirm.setId("operators-uninstall-confirm-" + id);
        confirm.setPromptText("type " + card.context() + " to confirm");
        confirm.textProperty().bindBidirectional(card.confirmationProperty());
        Button uninstall = new Button("Uninstall from " + card.context());
        uninstall.setId("operators-uninstall-" + id);
        uninstall.getStyleClass().add("danger");
        uninstall.disableProperty().bind(card.confirmationProperty().isNotEqualTo(card.context())
                .or(card.uninstallingProperty()).or(Bindings.isEmpty(card.deletions())));
        uninstall.setOnAction(e -> viewModel.uninstall(card));
        Button export = new Button("Export uninstall script…");
        export.setId("operators-uninstall-export-" + id);
        export.disableProperty().bind(Bindings.isEmpty(card.deletions()));
        export.setOnAction(e -> viewModel.exportUninstall(card));
        TableView<ActionRow> progress = actionsTable(card.uninstallActions(), "operators-uninstall-actions-" + id);
        progress.setPrefHeight(180);
        progress.visibleProperty().bind(card.uninstallingProperty().or(Bindings.createBooleanBinding(() ->
                card.uninstallActions().stream().anyMatch(r -> r.state() != ActionState.WAITING), card.uninstallStatusProperty())));
        progress.managedProperty().bind(progress.visibleProperty());
        VBox found = new VBox(8, deletions, warning, new HBox(8, confirm, uninstall, export), progress);
        found.visibleProperty().bind(Bindings.isNotEmpty(card.deletions()));
        found.managedProperty().bind(found.visibleProperty());
        VBox body = new VBox(8, heading, list, status, found);
        body.getStyleClass().add("operators-danger");
        TitledPane pane = new TitledPane("Uninstall", body);
        pane.setId("operators-uninstall-pane-" + id);
        pane.setExpanded(false);
        // No slide: the danger zone appears at once where the admin looks, and tests click where it is.
        pane.setAnimated(false);
        return pane;
    }
}
