package io.mtcassistant.ui.steps.plans;

import io.mtcassistant.plans.CopyMethod;
import io.mtcassistant.plans.HookPhase;
import io.mtcassistant.plans.PvAction;
import io.mtcassistant.plans.ReadyChoice;
import io.mtcassistant.ui.common.DialogService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** The New plan flow on screen: one page at a time, Back / Next; behaviour is in {@link NewPlanViewModel}. */
public final class NewPlanView {

    private final NewPlanViewModel viewModel;
    private final DialogService dialogs;

    @FXML private BorderPane root;
    @FXML private Label titleLabel;
    @FXML private HBox pageTitles;
    @FXML private StackPane pages;
    @FXML private TextField nameField;
    @FXML private ComboBox<ReadyChoice> sourceBox;
    @FXML private ComboBox<ReadyChoice> targetBox;
    @FXML private ComboBox<ReadyChoice> storageBox;
    @FXML private Label notReadyLabel;
    @FXML private TextField namespaceFilter;
    @FXML private Label limitsLabel;
    @FXML private ListView<NamespaceRow> namespaceList;
    @FXML private Label volumesHint;
    @FXML private ListView<VolumeRow> volumeList;
    @FXML private Button saveVolumesButton;
    @FXML private CheckBox directImagesBox;
    @FXML private CheckBox directVolumesBox;
    @FXML private Button saveOptionsButton;
    @FXML private Label volumesNeedLabel;
    @FXML private Label optionsHint;
    @FXML private Button saveHooksButton;
    @FXML private Label hooksHint;
    @FXML private CheckBox hookBox;
    @FXML private GridPane hookGrid;
    @FXML private TextField hookName;
    @FXML private ComboBox<HookPhase> hookPhase;
    @FXML private TextField hookNamespace;
    @FXML private TextField hookServiceAccount;
    @FXML private TextField hookImage;
    @FXML private TextArea hookPlaybook;
    @FXML private Label otherHooksLabel;
    @FXML private Button takeHookButton;
    @FXML private ListView<io.mtcassistant.plans.PlanHook> otherHooks;
    @FXML private TextArea yamlArea;
    @FXML private TextArea conditionsArea;
    @FXML private Button exportButton;
    @FXML private Button createButton;
    @FXML private Button stageButton;
    @FXML private Button cutoverButton;
    @FXML private Label problemsLabel;
    @FXML private Label statusLabel;
    @FXML private Button backButton;
    @FXML private Button nextButton;

    private NewPlanView(NewPlanViewModel viewModel, DialogService dialogs) {
        this.viewModel = viewModel;
        this.dialogs = dialogs;
    }

    public static Parent create(NewPlanViewModel viewModel, DialogService dialogs) {
        FXMLLoader loader = new FXMLLoader(NewPlanView.class.getResource("new-plan.fxml"));
        loader.setController(new NewPlanView(viewModel, dialogs));
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("new-plan.fxml is part of the app and must load", e);
        }
    }

    @FXML
    private void initialize() {
        for (int i = 0; i < NewPlanViewModel.PAGES.size(); i++) {
            Label title = new Label((i + 1) + " " + NewPlanViewModel.PAGES.get(i));
            int index = i;
            title.styleProperty().bind(Bindings.when(viewModel.pageProperty().isEqualTo(index))
                    .then("-fx-font-weight: bold; -fx-underline: true;").otherwise("-fx-opacity: 0.7;"));
            pageTitles.getChildren().add(title);
        }
        viewModel.pageProperty().addListener((obs, old, page) -> showPage(page.intValue()));
        showPage(viewModel.pageProperty().get());
        titleLabel.textProperty().bind(viewModel.titleProperty());
        general();
        namespaceList.setItems(viewModel.namespaces().shownNamespaces());
        namespaceList.setCellFactory(list -> new NamespaceCell());
        namespaceFilter.textProperty().bindBidirectional(viewModel.namespaces().filterProperty());
        limitsLabel.textProperty().bind(viewModel.namespaces().limitsTextProperty());
        volumeList.setItems(viewModel.volumes().volumes());
        volumeList.setCellFactory(list -> new VolumeCell());
        volumesHint.textProperty().bind(Bindings.when(viewModel.createdProperty())
                .then("The controller discovered these volumes: choose copy, move or skip, the copy method, the "
                        + "target storage class and access mode (the defaults are the web console's), confirm a "
                        + "proposed capacity where one is shown, then save.")
                .otherwise("The controller discovers the volumes once the plan is created (on Review). Go on; "
                        + "come back here after creating it."));
        saveVolumesButton.disableProperty().bind(viewModel.createdProperty().not().or(viewModel.busyProperty()));
        directImagesBox.selectedProperty().bindBidirectional(viewModel.options().directImagesProperty());
        directVolumesBox.selectedProperty().bindBidirectional(viewModel.options().directVolumesProperty());
        volumesNeedLabel.textProperty().bind(viewModel.options().volumesNeedProperty());
        volumesNeedLabel.managedProperty().bind(viewModel.options().volumesNeedProperty().isNotEmpty());
        hooks();
        for (Button save : List.of(saveOptionsButton, saveHooksButton)) {
            // editing: the changes go with the others on Review, not one page at a time
            save.disableProperty().bind(viewModel.createdProperty().not().or(viewModel.busyProperty())
                    .or(viewModel.editingProperty()));
            save.visibleProperty().bind(viewModel.editingProperty().not());
            save.managedProperty().bind(save.visibleProperty());
        }
        for (Label hint : List.of(optionsHint, hooksHint)) {
            hint.textProperty().bind(Bindings.when(viewModel.editingProperty())
                    .then("Review shows this page's changes with the others, as one diff to apply.")
                    .otherwise(Bindings.when(viewModel.createdProperty())
                            .then("The plan exists: save to change it (a merge patch through the change plan).")
                            .otherwise("Used when the plan is created on Review.")));
        }
        yamlArea.textProperty().bind(viewModel.yamlProperty());
        conditionsArea.textProperty().bind(viewModel.conditionsProperty());
        // editing: Review's main button applies the changes (the plan exists from the start)
        createButton.textProperty().bind(Bindings.when(viewModel.editingProperty()).then("Apply changes")
                .otherwise("Create plan"));
        createButton.disableProperty().bind(viewModel.createdProperty().and(viewModel.editingProperty().not())
                .or(viewModel.busyProperty()));
        exportButton.disableProperty().bind(viewModel.busyProperty());
        stageButton.disableProperty().bind(viewModel.readyProperty().not().or(viewModel.busyProperty()));
        cutoverButton.disableProperty().bind(viewModel.readyProperty().not().or(viewModel.busyProperty()));
        problemsLabel.textProperty().bind(viewModel.problemsProperty());
        problemsLabel.managedProperty().bind(viewModel.problemsProperty().isNotEmpty());
        statusLabel.textProperty().bind(viewModel.statusProperty());
        backButton.disableProperty().bind(viewModel.pageProperty().isEqualTo(0));
        nextButton.disableProperty().bind(viewModel.pageProperty().isEqualTo(NewPlanViewModel.PAGES.size() - 1)
                .or(viewModel.busyProperty()));
    }

    private void general() {
        GeneralPage general = viewModel.general();
        nameField.textProperty().bindBidirectional(general.nameProperty());
        StringConverter<ReadyChoice> names = new StringConverter<>() {
            @Override
            public String toString(ReadyChoice choice) {
                return choice == null ? "" : choice.name();
            }

            @Override
            public ReadyChoice fromString(String text) {
                return null;
            }
        };
        for (ComboBox<ReadyChoice> box : List.of(sourceBox, targetBox)) {
            box.setItems(general.clusters().filtered(ReadyChoice::ready));
            box.setConverter(names);
        }
        storageBox.setItems(general.storages().filtered(ReadyChoice::ready));
        storageBox.setConverter(names);
        sourceBox.valueProperty().bindBidirectional(general.sourceProperty());
        targetBox.valueProperty().bindBidirectional(general.targetProperty());
        storageBox.valueProperty().bindBidirectional(general.storageProperty());
        notReadyLabel.textProperty().bind(general.notReadyProperty());
        for (javafx.scene.Node field : List.of(nameField, sourceBox, targetBox, storageBox)) {
            field.disableProperty().bind(general.lockedProperty());
        }
    }

    private void hooks() {
        HooksPage page = viewModel.hooks();
        hookBox.selectedProperty().bindBidirectional(page.enabledProperty());
        hookGrid.disableProperty().bind(page.enabledProperty().not());
        hookPlaybook.disableProperty().bind(page.enabledProperty().not());
        hookName.textProperty().bindBidirectional(page.nameProperty());
        hookPhase.getItems().setAll(HookPhase.values());
        hookPhase.valueProperty().bindBidirectional(page.phaseProperty());
        hookNamespace.textProperty().bindBidirectional(page.namespaceProperty());
        hookServiceAccount.textProperty().bindBidirectional(page.serviceAccountProperty());
        hookImage.textProperty().bindBidirectional(page.imageProperty());
        hookPlaybook.textProperty().bindBidirectional(page.playbookProperty());
        otherHooks.setItems(page.others());
        otherHooks.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(io.mtcassistant.plans.PlanHook hook, boolean empty) {
                super.updateItem(hook, empty);
                setText(empty || hook == null ? null : hook.name() + " at " + hook.phase() + " on the "
                        + hook.targetCluster() + " (" + (hook.custom() ? "image " + hook.image() : "playbook")
                        + ", " + hook.executionNamespace() + "/" + hook.serviceAccount() + ")");
            }
        });
        for (javafx.scene.Node node : List.of(otherHooksLabel, otherHooks, takeHookButton)) {
            node.visibleProperty().bind(Bindings.isNotEmpty(page.others()));
            node.managedProperty().bind(node.visibleProperty());
        }
        takeHookButton.disableProperty().bind(otherHooks.getSelectionModel().selectedItemProperty().isNull());
    }

    private void showPage(int page) {
        for (int i = 0; i < pages.getChildren().size(); i++) {
            pages.getChildren().get(i).setVisible(i == page);
        }
    }

    @FXML
    private void next() {
        viewModel.next();
    }

    @FXML
    private void back() {
        viewModel.back();
    }

    @FXML
    private void saveVolumes() {
        viewModel.applyVolumes();
    }

    @FXML
    private void saveOptions() {
        viewModel.applyOptions();
    }

    @FXML
    private void saveHooks() {
        viewModel.applyHooks();
    }

    @FXML
    private void takeHook() {
        var chosen = otherHooks.getSelectionModel().getSelectedItem();
        if (chosen != null) {
            viewModel.hooks().take(chosen);
        }
    }

    @FXML
    private void addHook() {
        viewModel.hooks().addAnother();
    }

    @FXML
    private void create() {
        viewModel.create();
    }

    @FXML
    private void startStage() {
        viewModel.startStage();
    }

    @FXML
    private void startCutover() {
        viewModel.startCutover();
    }

    @FXML
    private void export() {
        dialogs.chooseFolder("Export the plan (manifests and apply.sh)", Path.of(System.getProperty("user.home")))
                .ifPresent(dir -> {
                    try {
                        Path target = dir.resolve("migplan-" + viewModel.general().nameProperty().get().trim());
                        viewModel.statusProperty().set("Wrote " + viewModel.export(target).size() + " files to " + target);
                    } catch (RuntimeException e) {
                        viewModel.statusProperty().set("Export failed: " + e.getMessage());
                    }
                });
    }

    /** Shows an enum by the id MTC uses for it ("copy", "filesystem"). */
    private static <T> StringConverter<T> ids(java.util.function.Function<T, String> id) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : id.apply(value);
            }

            @Override
            public T fromString(String text) {
                return null;
            }
        };
    }

    /** A namespace with its tick box and target name. */
    private static final class NamespaceCell extends ListCell<NamespaceRow> {
        private final CheckBox box = new CheckBox();
        private final TextField target = new TextField();
        private final HBox line = new HBox(10, box, target);
        private NamespaceRow bound;

        NamespaceCell() {
            target.setPromptText("target name (same when empty)");
            target.setPrefWidth(240);
            HBox.setHgrow(box, Priority.ALWAYS);
            box.setMaxWidth(Double.MAX_VALUE);
        }

        @Override
        protected void updateItem(NamespaceRow row, boolean empty) {
            super.updateItem(row, empty);
            if (bound != null) {
                box.selectedProperty().unbindBidirectional(bound.selectedProperty());
                target.textProperty().unbindBidirectional(bound.targetNameProperty());
            }
            bound = empty ? null : row;
            if (row == null || empty) {
                setGraphic(null);
                return;
            }
            box.setText(row.label());
            box.setId("plan-ns-" + row.namespace().name());
            box.setStyle(row.namespace().isSystem() ? "-fx-text-fill: #b35900;" : "");
            box.selectedProperty().bindBidirectional(row.selectedProperty());
            target.textProperty().bindBidirectional(row.targetNameProperty());
            setGraphic(line);
        }
    }

    /** A volume with its action, copy method, target storage class and verify choice. */
    private final class VolumeCell extends ListCell<VolumeRow> {
        private final Label label = new Label();
        private final ComboBox<PvAction> action = new ComboBox<>();
        private final ComboBox<CopyMethod> method = new ComboBox<>();
        private final ComboBox<String> storageClass = new ComboBox<>();
        private final CheckBox verify = new CheckBox("verify");
        private final ComboBox<String> accessMode = new ComboBox<>();
        private final CheckBox capacity = new CheckBox();
        private final VBox box = new VBox(4, label, new HBox(8, action, method, storageClass, accessMode, verify),
                capacity);
        // the access modes follow the chosen target class
        private final javafx.beans.value.ChangeListener<String> classChanged = (obs, old, chosen) ->
                accessMode.getItems().setAll(viewModel.volumes().accessModesOf(chosen));
        private VolumeRow bound;

        VolumeCell() {
            storageClass.setItems(viewModel.volumes().targetStorageClasses());
            storageClass.setPrefWidth(260);
            storageClass.setPromptText("target storage class");
            accessMode.setPromptText("access mode");
            accessMode.setPrefWidth(150);
            action.setConverter(ids(PvAction::id));
            method.setConverter(ids(CopyMethod::id));
            action.setPrefWidth(100);
            method.setPrefWidth(120);
            label.setStyle("-fx-font-weight: bold;");
        }

        @Override
        protected void updateItem(VolumeRow row, boolean empty) {
            super.updateItem(row, empty);
            if (bound != null) {
                action.valueProperty().unbindBidirectional(bound.actionProperty());
                method.valueProperty().unbindBidirectional(bound.copyMethodProperty());
                storageClass.valueProperty().unbindBidirectional(bound.storageClassProperty());
                verify.selectedProperty().unbindBidirectional(bound.verifyProperty());
                capacity.selectedProperty().unbindBidirectional(bound.capacityConfirmedProperty());
                accessMode.valueProperty().unbindBidirectional(bound.accessModeProperty());
                bound.storageClassProperty().removeListener(classChanged);
            }
            bound = empty ? null : row;
            if (row == null || empty) {
                setGraphic(null);
                return;
            }
            label.setText(row.label());
            action.getItems().setAll(row.volume().supportedActions().stream().map(PvAction::parse).toList());
            method.getItems().setAll(row.volume().supportedCopyMethods().stream().map(CopyMethod::parse).toList());
            action.setId("plan-pv-action-" + row.volume().claim());
            action.valueProperty().bindBidirectional(row.actionProperty());
            method.valueProperty().bindBidirectional(row.copyMethodProperty());
            storageClass.valueProperty().bindBidirectional(row.storageClassProperty());
            verify.selectedProperty().bindBidirectional(row.verifyProperty());
            accessMode.getItems().setAll(viewModel.volumes().accessModesOf(row.storageClassProperty().get()));
            row.storageClassProperty().addListener(classChanged);
            accessMode.setId("plan-pv-access-" + row.volume().claim());
            accessMode.valueProperty().bindBidirectional(row.accessModeProperty());
            // only a volume the controller proposes another capacity for (PvCapacityAdjustmentRequired)
            String capacityText = row.capacityText();
            capacity.setText(capacityText == null ? "" : capacityText);
            capacity.setId("plan-pv-capacity-" + row.volume().claim());
            capacity.setVisible(capacityText != null);
            capacity.setManaged(capacityText != null);
            capacity.setDisable(row.volume().capacityConfirmed());
            capacity.selectedProperty().bindBidirectional(row.capacityConfirmedProperty());
            setGraphic(box);
        }
    }
}
