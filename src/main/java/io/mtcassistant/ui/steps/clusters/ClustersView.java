package io.mtcassistant.ui.steps.clusters;

import io.mtcassistant.cluster.ClusterRole;
import io.mtcassistant.cluster.ContextEntry;
import io.mtcassistant.ui.common.Icons;
import io.mtcassistant.ui.common.ScrollIntoView;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.ScrollEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.FlowPane;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;

/** Step 1 on screen; all behaviour is in {@link ClustersViewModel}. */
public final class ClustersView {

    private static final double ROW_HEIGHT = 34;
    private static final double HEADER_HEIGHT = 46;
    private static final double FILE_ROW_HEIGHT = 30;

    private final ClustersViewModel viewModel;

    @FXML private ScrollPane root;
    @FXML private Button addFilesButton;
    @FXML private Button removeFileButton;
    @FXML private ListView<Path> fileList;
    @FXML private Label loadProblemLabel;
    @FXML private Button sourceButton;
    @FXML private Button targetButton;
    @FXML private Button remoteButton;
    @FXML private Button clearRoleButton;
    @FXML private TableView<ContextRow> contextTable;
    @FXML private TableColumn<ContextRow, String> nameColumn;
    @FXML private TableColumn<ContextRow, String> roleColumn;
    @FXML private TableColumn<ContextRow, String> serverColumn;
    @FXML private TableColumn<ContextRow, String> userColumn;
    @FXML private TableColumn<ContextRow, String> stateColumn;
    @FXML private TableColumn<ContextRow, String> fileColumn;
    @FXML private Button connectButton;
    @FXML private ProgressIndicator busyIndicator;
    @FXML private Label statusLabel;
    @FXML private Label noClustersLabel;
    @FXML private FlowPane cardPane;

    private boolean followResults;

    private ClustersView(ClustersViewModel viewModel) {
        this.viewModel = viewModel;
    }

    /** Loads the FXML and binds it to the view model; returns the page's root node. */
    public static ScrollPane create(ClustersViewModel viewModel) {
        FXMLLoader loader = new FXMLLoader(ClustersView.class.getResource("clusters.fxml"));
        ClustersView view = new ClustersView(viewModel);
        loader.setController(view);
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("clusters.fxml is part of the app and must load", e);
        }
    }

    /** An empty list's text; while contexts are on their way (the demo's simulation starts), it does not ask for a file. */
    private Label placeholder(String empty, String whileLoading) {
        Label label = new Label();
        label.textProperty().bind(Bindings.when(viewModel.loadingProperty()).then(whileLoading).otherwise(empty));
        return label;
    }

    @FXML
    private void initialize() {
        addFilesButton.setGraphic(Icons.icon(MaterialDesignF.FILE_PLUS));
        addFilesButton.setOnAction(e -> viewModel.addFiles());
        removeFileButton.setGraphic(Icons.icon(MaterialDesignT.TRASH_CAN_OUTLINE));
        removeFileButton.disableProperty().bind(fileList.getSelectionModel().selectedItemProperty().isNull());
        removeFileButton.setOnAction(e -> viewModel.removeFile(fileList.getSelectionModel().getSelectedItem()));
        fileList.setItems(viewModel.files());
        fileList.setFixedCellSize(FILE_ROW_HEIGHT);
        fileList.prefHeightProperty().bind(Bindings.createDoubleBinding(
                () -> 4 + Math.max(1, Math.min(4, viewModel.files().size())) * FILE_ROW_HEIGHT, viewModel.files()));
        fileList.setPlaceholder(placeholder("No kubeconfig file yet. Add one with \"Add kubeconfig…\" or drop it here.",
                "The kubeconfig is on its way…"));
        fileList.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(Path item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.toString());
                setGraphic(empty || item == null ? null : Icons.icon(MaterialDesignF.FILE_DOCUMENT_OUTLINE));
            }
        });
        fileList.setOnDragOver(event -> {
            if (event.getDragboard().hasFiles()) {
                event.acceptTransferModes(TransferMode.COPY);
            }
            event.consume();
        });
        fileList.setOnDragDropped(event -> {
            boolean files = event.getDragboard().hasFiles();
            if (files) {
                viewModel.addFiles(event.getDragboard().getFiles().stream().map(File::toPath).toList());
            }
            event.setDropCompleted(files);
            event.consume();
        });
        loadProblemLabel.textProperty().bind(viewModel.loadProblemProperty());
        loadProblemLabel.visibleProperty().bind(viewModel.loadProblemProperty().isNotEmpty());
        loadProblemLabel.managedProperty().bind(loadProblemLabel.visibleProperty());

        contextTable.setItems(viewModel.contexts());
        // As tall as its rows (2 to 6), so the page does not waste space or scroll twice.
        contextTable.setFixedCellSize(ROW_HEIGHT);
        contextTable.prefHeightProperty().bind(Bindings.createDoubleBinding(
                () -> HEADER_HEIGHT + Math.max(2, Math.min(6, viewModel.contexts().size())) * ROW_HEIGHT,
                viewModel.contexts()));
        contextTable.setPlaceholder(placeholder("No contexts. Add a kubeconfig file.",
                "The contexts appear here once the kubeconfig is read."));
        column(nameColumn, row -> new ReadOnlyStringWrapper(row.name()));
        column(roleColumn, row -> Bindings.createStringBinding(
                () -> row.role() == null ? "" : row.role().label(), row.roleProperty()));
        column(serverColumn, row -> new ReadOnlyStringWrapper(orDash(row.entry().server())));
        column(userColumn, row -> new ReadOnlyStringWrapper(orDash(row.entry().user())));
        column(stateColumn, row -> Bindings.createStringBinding(() -> row.connection().label(), row.connectionProperty()));
        column(fileColumn, row -> new ReadOnlyStringWrapper(fileName(row.entry())));
        roleColumn.setCellFactory(col -> new RoleCell());
        // At 960 px the long ones give way; the full text is one hover away.
        nameColumn.setCellFactory(col -> new TextWithTooltipCell());
        serverColumn.setCellFactory(col -> new TextWithTooltipCell());
        userColumn.setCellFactory(col -> new TextWithTooltipCell());
        fileColumn.setCellFactory(col -> {
            TextWithTooltipCell cell = new TextWithTooltipCell();
            // Paths differ at their end (".../prod/config" vs ".../dr/config"): cut the front, not the end.
            cell.setTextOverrun(OverrunStyle.LEADING_ELLIPSIS);
            return cell;
        });

        var selected = contextTable.getSelectionModel().selectedItemProperty();
        roleButton(sourceButton, ClusterRole.SOURCE, selected.isNull());
        roleButton(targetButton, ClusterRole.TARGET, selected.isNull());
        roleButton(remoteButton, ClusterRole.REMOTE, selected.isNull());
        roleButton(clearRoleButton, null, selected.isNull());

        connectButton.setGraphic(Icons.icon(MaterialDesignL.LAN_CONNECT));
        connectButton.disableProperty().bind(viewModel.canConnectProperty().not());
        connectButton.setOnAction(e -> {
            followResults = true;
            viewModel.connect();
        });
        // The results appear below the table and grow while connections finish: scroll only as far as needed to show
        // a new failure (or else the results), so the user keeps their place (issue 16, point 12); stop once they scroll.
        cardPane.heightProperty().addListener((obs, old, height) -> {
            if (followResults) {
                // After this layout pass: measuring inside it would lay the page out again from a listener.
                Platform.runLater(() -> {
                    Node failure = cardPane.lookup(".failure-box");
                    ScrollIntoView.bringIntoView(root, failure != null ? failure : cardPane);
                });
            }
        });
        root.addEventFilter(ScrollEvent.SCROLL, e -> followResults = false);
        connectButton.setTooltip(new Tooltip("Connect to every context that has a role (times out after a while; nothing is changed on the clusters)."));
        busyIndicator.visibleProperty().bind(viewModel.connectingProperty().or(viewModel.loadingProperty()));
        busyIndicator.managedProperty().bind(busyIndicator.visibleProperty());
        statusLabel.textProperty().bind(viewModel.statusProperty());

        String chooseRoles = noClustersLabel.getText();
        noClustersLabel.textProperty().bind(Bindings.when(viewModel.loadingProperty())
                .then("The clusters with a role appear here once the contexts are read.").otherwise(chooseRoles));
        noClustersLabel.visibleProperty().bind(Bindings.isEmpty(viewModel.assigned()));
        noClustersLabel.managedProperty().bind(noClustersLabel.visibleProperty());
        viewModel.assigned().addListener((ListChangeListener<ContextRow>) change -> renderCards());
        renderCards();
    }

    private void roleButton(Button button, ClusterRole role, ObservableValue<Boolean> noSelection) {
        button.disableProperty().bind(Bindings.createBooleanBinding(noSelection::getValue, noSelection));
        button.setOnAction(e -> {
            ContextRow row = contextTable.getSelectionModel().getSelectedItem();
            if (row != null) {
                viewModel.assignRole(row, role);
            }
        });
    }

    private void renderCards() {
        List<ClusterCard> old = new ArrayList<>();
        cardPane.getChildren().forEach(node -> old.add((ClusterCard) node));
        old.forEach(ClusterCard::detach);
        cardPane.getChildren().setAll(viewModel.assigned().stream().map(row -> new ClusterCard(row, viewModel)).toList());
    }

    private static void column(TableColumn<ContextRow, String> column, Function<ContextRow, ObservableValue<String>> value) {
        column.setCellValueFactory(features -> value.apply(features.getValue()));
    }

    private static String orDash(String value) {
        return value == null || value.isBlank() ? "—" : value;
    }

    private static String fileName(ContextEntry entry) {
        return entry.file() == null ? "—" : entry.file().toString();
    }

    /** Long values (URLs, paths) are cut to the column; the tooltip shows them whole. */
    private static final class TextWithTooltipCell extends TableCell<ContextRow, String> {
        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty ? null : item);
            setTooltip(empty || item == null ? null : new Tooltip(item));
        }
    }

    /** Shows the role as a coloured pill. */
    private static final class RoleCell extends TableCell<ContextRow, String> {
        private final Label pill = new Label();

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null || item.isEmpty()) {
                setGraphic(null);
                return;
            }
            ContextRow row = getTableRow() == null ? null : getTableRow().getItem();
            pill.setText(item);
            pill.getStyleClass().setAll("label", "role-badge",
                    row == null || row.role() == null ? "role-none" : "role-" + row.role().name().toLowerCase());
            setGraphic(pill);
        }
    }
}
