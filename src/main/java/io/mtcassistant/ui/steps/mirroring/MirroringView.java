package io.mtcassistant.ui.steps.mirroring;

import io.mtcassistant.mirror.session.ImageRow;
import io.mtcassistant.mirror.session.MirrorMode;
import io.mtcassistant.ui.common.Icons;
import io.mtcassistant.ui.common.WrappingTableCell;
import io.mtcassistant.ui.common.ScrollIntoView;
import io.mtcassistant.ui.steps.mirroring.MirroringViewModel.Phase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/** Step 3 on screen: the layout is in {@code mirroring.fxml}; all behaviour is in {@link MirroringViewModel}. */
public final class MirroringView {

    private static final Set<Phase> BUSY = EnumSet.of(Phase.PLANNING, Phase.RUNNING, Phase.STOPPING);

    private final MirroringViewModel vm;

    @FXML private ScrollPane root;
    @FXML private VBox page;
    @FXML private HBox demoBox;
    @FXML private Label demoNotice;
    @FXML private HBox interruptedBox;
    @FXML private Label interruptedLabel;
    @FXML private Button resumeInterruptedButton;
    @FXML private Label fromCompatLabel;
    @FXML private VBox modeBox;
    @FXML private TextField indexField;
    @FXML private TextField channelField;
    @FXML private CheckBox legacyCheck;
    @FXML private VBox registrySection;
    @FXML private Label registryHint;
    @FXML private TextField registryField;
    @FXML private Label registryProblemLabel;
    @FXML private TextField userField;
    @FXML private PasswordField passwordField;
    @FXML private TextField caField;
    @FXML private Button chooseCaButton;
    @FXML private CheckBox insecureCheck;
    @FXML private Label archiveKey;
    @FXML private HBox archiveRow;
    @FXML private TextField archiveField;
    @FXML private Button chooseArchiveButton;
    @FXML private TextField resultsField;
    @FXML private Button chooseResultsButton;
    @FXML private Button planButton;
    @FXML private Button startButton;
    @FXML private Button pauseButton;
    @FXML private Button cancelButton;
    @FXML private Button resumeButton;
    @FXML private ProgressIndicator busyIndicator;
    @FXML private Label messageLabel;
    @FXML private Label problemLabel;
    @FXML private VBox imagesSection;
    @FXML private Label planSummaryLabel;
    @FXML private Label diskLabel;
    @FXML private VBox progressBox;
    @FXML private ProgressBar progressBar;
    @FXML private Label progressLabel;
    @FXML private Label commonCauseLabel;
    @FXML private TableView<ImageRow> imageTable;
    @FXML private TableColumn<ImageRow, String> imageColumn;
    @FXML private TableColumn<ImageRow, String> whyColumn;
    @FXML private TableColumn<ImageRow, String> sizeColumn;
    @FXML private TableColumn<ImageRow, String> stateColumn;
    @FXML private VBox resultsSection;
    @FXML private Label factsLabel;
    @FXML private ListView<ResultFile> resultFiles;
    @FXML private TextArea resultText;
    @FXML private Button copyButton;
    @FXML private Button openFolderButton;

    private MirroringView(MirroringViewModel vm) {
        this.vm = vm;
    }

    public static ScrollPane create(MirroringViewModel viewModel) {
        FXMLLoader loader = new FXMLLoader(MirroringView.class.getResource("mirroring.fxml"));
        loader.setController(new MirroringView(viewModel));
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("mirroring.fxml is part of the app and must load", e);
        }
    }

    @FXML
    private void initialize() {
        if (vm.demo()) {
            demoNotice.setGraphic(Icons.icon(MaterialDesignF.FLASK_OUTLINE));
        } else {
            page.getChildren().remove(demoBox);
        }
        bindInterrupted();
        bindSetup();
        bindRegistry();
        bindFolders();
        bindActions();
        bindImages();
        bindResults();
        // A new problem is brought into view where it is, and the page does not jump otherwise (issue 16, point 12).
        vm.problemProperty().addListener((obs, old, now) -> {
            if (!now.isEmpty()) {
                Platform.runLater(() -> ScrollIntoView.bringIntoView(root, problemLabel));
            }
        });
    }

    private void bindInterrupted() {
        interruptedLabel.setGraphic(Icons.icon(MaterialDesignI.INFORMATION_OUTLINE));
        interruptedLabel.textProperty().bind(vm.interruptedProperty());
        resumeInterruptedButton.setOnAction(e -> vm.resume());
        showWhen(interruptedBox, vm.interruptedProperty().isNotEmpty());
    }

    private void bindSetup() {
        ToggleGroup modes = new ToggleGroup();
        for (MirrorMode mode : MirrorMode.values()) {
            RadioButton button = new RadioButton(mode.label() + " — " + mode.explanation());
            button.setId("mode-" + mode.name().toLowerCase().replace('_', '-'));
            button.setToggleGroup(modes);
            button.setUserData(mode);
            button.setWrapText(true);
            button.setSelected(vm.modeProperty().get() == mode);
            modeBox.getChildren().add(button);
        }
        modes.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now != null) {
                vm.modeProperty().set((MirrorMode) now.getUserData());
            }
        });
        vm.modeProperty().addListener((obs, old, now) -> modes.getToggles().stream().filter(t -> t.getUserData() == now)
                .findFirst().ifPresent(t -> t.setSelected(true)));

        indexField.textProperty().bindBidirectional(vm.indexImageProperty());
        channelField.textProperty().bindBidirectional(vm.channelProperty());
        legacyCheck.selectedProperty().bindBidirectional(vm.legacyOperatorProperty());
        fromCompatLabel.textProperty().bind(vm.fromCompatibilityProperty());
        showWhen(fromCompatLabel, vm.fromCompatibilityProperty().isNotEmpty());
        BooleanBinding archiveSource = Bindings.createBooleanBinding(() -> vm.modeProperty().get().readsArchive(), vm.modeProperty());
        indexField.disableProperty().bind(archiveSource);
        channelField.disableProperty().bind(archiveSource);
        legacyCheck.disableProperty().bind(archiveSource);
    }

    private void bindRegistry() {
        registryField.textProperty().bindBidirectional(vm.registryProperty());
        userField.textProperty().bindBidirectional(vm.usernameProperty());
        passwordField.textProperty().bindBidirectional(vm.passwordProperty());
        caField.textProperty().bindBidirectional(vm.caFileProperty());
        chooseCaButton.setOnAction(e -> vm.chooseCaFile());
        insecureCheck.selectedProperty().bindBidirectional(vm.insecureProperty());
        registryProblemLabel.textProperty().bind(vm.registryProblemProperty());
        showWhen(registryProblemLabel, vm.registryProblemProperty().isNotEmpty());
        vm.registryProblemProperty().addListener((obs, old, now) -> {
            registryField.getStyleClass().remove("field-invalid");
            if (!now.isEmpty()) {
                registryField.getStyleClass().add("field-invalid");
            }
        });
        registryHint.setText(vm.demo() ? "in the demo: the simulated mirror registry both demo clusters pull from (or a registry of yours)"
                : "host[:port] and an optional path prefix");
        showWhen(registrySection, Bindings.createBooleanBinding(() -> vm.modeProperty().get().needsRegistry(), vm.modeProperty()));
    }

    private void bindFolders() {
        archiveField.textProperty().bindBidirectional(vm.archiveDirProperty());
        chooseArchiveButton.setOnAction(e -> vm.chooseArchiveFolder());
        BooleanBinding usesArchive = Bindings.createBooleanBinding(() -> vm.modeProperty().get() != MirrorMode.MIRROR_TO_MIRROR,
                vm.modeProperty());
        showWhen(archiveRow, usesArchive);
        showWhen(archiveKey, usesArchive);
        resultsField.textProperty().bindBidirectional(vm.resultsDirProperty());
        chooseResultsButton.setOnAction(e -> vm.chooseResultsFolder());
    }

    private void bindActions() {
        var phase = vm.phaseProperty();
        BooleanBinding busy = Bindings.createBooleanBinding(() -> BUSY.contains(phase.get()), phase);
        planButton.setGraphic(Icons.icon(MaterialDesignF.FORMAT_LIST_CHECKS));
        planButton.setOnAction(e -> vm.plan());
        planButton.disableProperty().bind(busy.or(vm.registryProblemProperty().isNotEmpty()));
        startButton.setGraphic(Icons.icon(MaterialDesignP.PLAY));
        startButton.setOnAction(e -> vm.start());
        startButton.disableProperty().bind(phase.isNotEqualTo(Phase.PLANNED));
        pauseButton.setGraphic(Icons.icon(MaterialDesignP.PAUSE));
        pauseButton.setOnAction(e -> vm.pause());
        pauseButton.disableProperty().bind(phase.isNotEqualTo(Phase.RUNNING));
        cancelButton.setGraphic(Icons.icon(MaterialDesignS.STOP));
        cancelButton.setOnAction(e -> vm.cancel());
        cancelButton.disableProperty().bind(phase.isNotEqualTo(Phase.RUNNING));
        resumeButton.setGraphic(Icons.icon(MaterialDesignP.PLAY_PAUSE));
        resumeButton.setOnAction(e -> vm.resume());
        resumeButton.disableProperty().bind(Bindings.createBooleanBinding(
                () -> !EnumSet.of(Phase.PAUSED, Phase.CANCELLED, Phase.FAILED).contains(phase.get()), phase));
        showWhen(busyIndicator, busy);
        messageLabel.textProperty().bind(vm.messageProperty());
        showWhen(messageLabel, vm.messageProperty().isNotEmpty());
        problemLabel.textProperty().bind(vm.problemProperty());
        showWhen(problemLabel, vm.problemProperty().isNotEmpty());
    }

    private void bindImages() {
        planSummaryLabel.textProperty().bind(vm.planSummaryProperty());
        diskLabel.textProperty().bind(vm.diskTextProperty());
        showWhen(diskLabel, vm.diskTextProperty().isNotEmpty());
        progressBar.progressProperty().bind(vm.fractionProperty());
        vm.phaseProperty().addListener((obs, old, now) -> {
            progressBar.getStyleClass().remove("mirror-progress-failed");
            if (now == Phase.FAILED) {
                progressBar.getStyleClass().add("mirror-progress-failed");
            }
        });
        progressLabel.textProperty().bind(vm.progressTextProperty());
        showWhen(progressBox, vm.progressTextProperty().isNotEmpty());
        commonCauseLabel.textProperty().bind(Bindings.createStringBinding(() -> vm.commonCauseProperty().get().isEmpty() ? ""
                : "All failed images: " + vm.commonCauseProperty().get(), vm.commonCauseProperty()));
        showWhen(commonCauseLabel, vm.commonCauseProperty().isNotEmpty());

        imageTable.setItems(vm.rows());
        imageTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        value(imageColumn, r -> shortName(r.source()));
        // Narrow windows wrap image names, reasons and states instead of cutting them (issue 16, point 13).
        imageColumn.setCellFactory(c -> new WrappingTableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                ImageRow row = empty || getTableRow() == null ? null : getTableRow().getItem();
                setTooltip(row == null ? null : new Tooltip(row.source()));
            }
        });
        value(whyColumn, ImageRow::purpose);
        whyColumn.setCellFactory(c -> new WrappingTableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                ImageRow row = empty || getTableRow() == null ? null : getTableRow().getItem();
                setTooltip(row == null || row.detail().isEmpty() ? null : new Tooltip(row.detail()));
            }
        });
        value(sizeColumn, r -> Sizes.bytes(r.sizeBytes()));
        // One cause is said once above the table; the rows then only say that they failed.
        value(stateColumn, r -> r.stateText()
                + (r.reason().isEmpty() || r.state() != ImageRow.State.FAILED ? ""
                : r.reason().equals(vm.commonCauseProperty().get()) ? " (see above)" : ": " + r.reason()));
        stateColumn.setCellFactory(c -> new WrappingTableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                ImageRow row = empty || getTableRow() == null ? null : getTableRow().getItem();
                getStyleClass().removeAll("mirror-state-done", "mirror-state-failed", "mirror-state-waiting", "mirror-state-copying");
                if (row != null) {
                    getStyleClass().add(switch (row.state()) {
                        case DONE, ALREADY_PRESENT -> "mirror-state-done";
                        case FAILED -> "mirror-state-failed";
                        case COPYING -> "mirror-state-copying";
                        case WAITING -> "mirror-state-waiting";
                    });
                    Tooltip tip = null;
                    if (!row.reason().isEmpty()) {
                        tip = new Tooltip(row.reason());
                        // A long reason wraps inside the window instead of running off it.
                        tip.setWrapText(true);
                        tip.setMaxWidth(480);
                    }
                    setTooltip(tip);
                }
            }
        });
        // The rows' text depends on the one cause, which is known only once the run has ended.
        vm.commonCauseProperty().addListener(o -> imageTable.refresh());
        showWhen(imagesSection, Bindings.isNotEmpty(vm.rows()).or(vm.phaseProperty().isEqualTo(Phase.PLANNING)));
    }

    /** The repository with its tag or a short digest; the full reference (with the registry) is in the tooltip. */
    static String shortName(String source) {
        String text = source;
        int slash = text.indexOf('/');
        if (slash > 0 && (text.substring(0, slash).contains(".") || text.substring(0, slash).contains(":"))) {
            text = text.substring(slash + 1);
        }
        int at = text.indexOf("@sha256:");
        if (at > 0 && text.length() > at + 8 + 12) {
            text = text.substring(0, at) + " @" + text.substring(at + 8, at + 8 + 12);
        }
        return text;
    }

    private void bindResults() {
        resultFiles.setItems(vm.results());
        resultFiles.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(ResultFile item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.name());
            }
        });
        resultFiles.getSelectionModel().selectedItemProperty()
                .addListener((obs, old, now) -> resultText.setText(now == null ? "" : now.text()));
        vm.results().addListener((ListChangeListener<ResultFile>) c -> {
            if (!vm.results().isEmpty()) {
                ResultFile preferred = vm.results().stream().filter(f -> f.name().equals("mapping.txt")).findFirst()
                        .orElse(vm.results().get(0));
                resultFiles.getSelectionModel().select(preferred);
            }
        });
        copyButton.setGraphic(Icons.icon(MaterialDesignC.CONTENT_COPY));
        copyButton.disableProperty().bind(resultFiles.getSelectionModel().selectedItemProperty().isNull());
        copyButton.setOnAction(e -> vm.copy(resultFiles.getSelectionModel().getSelectedItem()));
        openFolderButton.setGraphic(Icons.icon(MaterialDesignF.FOLDER_OPEN_OUTLINE));
        openFolderButton.setOnAction(e -> vm.openResultsFolder());
        factsLabel.textProperty().bind(Bindings.createStringBinding(() -> factsText(vm.facts()), vm.factsProperty()));
        // A failed run has result files but no facts: no empty line above them.
        showWhen(factsLabel, factsLabel.textProperty().isNotEmpty());
        showWhen(resultsSection, Bindings.isNotEmpty(vm.results()));
    }

    private static void value(TableColumn<ImageRow, String> column, Function<ImageRow, String> value) {
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
    }

    private static String factsText(MirrorFacts facts) {
        if (facts == null) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        if (facts.catalogImage() != null) {
            text.append("Mirrored catalog: ").append(facts.catalogImage()).append('\n');
        }
        if (facts.legacyOperatorImage() != null) {
            text.append("Legacy operator in the mirror: ").append(facts.legacyOperatorImage()).append('\n');
        }
        if (facts.archiveDir() != null) {
            text.append("Archive written to ").append(facts.archiveDir())
                    .append(": the catalog and its CatalogSource come from the Archive → mirror registry run.\n");
        }
        text.append("Results folder: ").append(facts.resultsDir());
        return text.toString();
    }

    private static void showWhen(Node node, ObservableBooleanValue condition) {
        node.visibleProperty().bind(condition);
        node.managedProperty().bind(node.visibleProperty());
    }
}
