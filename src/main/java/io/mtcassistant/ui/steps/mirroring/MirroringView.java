package io.mtcassistant.ui.steps.mirroring;

import io.mtcassistant.mirror.session.ImageRow;
import io.mtcassistant.mirror.session.MirrorMode;
import io.mtcassistant.ui.common.Icons;
import io.mtcassistant.ui.steps.mirroring.MirroringViewModel.Phase;
import java.util.EnumSet;
import java.util.Set;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/** Step 3 on screen; all behaviour is in {@link MirroringViewModel}. */
public final class MirroringView {

    private static final Set<Phase> BUSY = EnumSet.of(Phase.PLANNING, Phase.RUNNING, Phase.STOPPING);

    private final MirroringViewModel vm;

    private MirroringView(MirroringViewModel vm) {
        this.vm = vm;
    }

    public static ScrollPane create(MirroringViewModel viewModel) {
        return new MirroringView(viewModel).build();
    }

    private ScrollPane build() {
        Label title = new Label("Mirroring");
        title.getStyleClass().add("page-title");
        Label lead = new Label("Copy the MTC catalog, the MTC and OADP images and (for OpenShift 3) the legacy operator into your "
                + "mirror registry, or into an archive folder to carry across the air gap. You see every image and why it is "
                + "needed before anything moves.");
        lead.getStyleClass().add("page-lead");
        lead.setWrapText(true);
        VBox header = new VBox(4, title, lead);
        header.getStyleClass().add("page-header");

        VBox page = new VBox(14, header);
        page.getStyleClass().add("page");
        if (vm.demo()) {
            Label demo = new Label("Demo content: the source is a small synthetic, Red Hat-like operator catalog generated on this "
                    + "computer and served from 127.0.0.1. Its images only carry a text file; none of it is Red Hat software.",
                    Icons.icon(MaterialDesignF.FLASK_OUTLINE));
            demo.setWrapText(true);
            demo.setId("mirror-demo-notice");
            HBox box = new HBox(demo);
            box.getStyleClass().add("compat-notice");
            page.getChildren().add(box);
        }
        page.getChildren().addAll(interruptedBox(), setupSection(), registrySection(), foldersSection(), actionBar(),
                planSection(), resultsSection());

        ScrollPane scroll = new ScrollPane(page);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("page-scroll");
        scroll.setId("mirroring-page");
        // A new problem is brought into view where it is, and the page does not jump otherwise (issue 16, point 12).
        vm.problemProperty().addListener((obs, old, now) -> {
            if (!now.isEmpty()) {
                javafx.application.Platform.runLater(() -> page.lookupAll("#mirror-problem").forEach(n -> bringIntoView(scroll, n)));
            }
        });
        return scroll;
    }

    /** Scrolls just enough that the node is visible; leaves the page where it is when it already is. */
    static void bringIntoView(ScrollPane scroll, Node node) {
        Node content = scroll.getContent();
        scroll.layout();
        double contentHeight = content.getBoundsInLocal().getHeight();
        double viewport = scroll.getViewportBounds().getHeight();
        if (contentHeight <= viewport) {
            return;
        }
        javafx.geometry.Bounds bounds = content.sceneToLocal(node.localToScene(node.getBoundsInLocal()));
        double top = scroll.getVvalue() * (contentHeight - viewport);
        double newTop = top;
        if (bounds.getMinY() < top) {
            newTop = bounds.getMinY() - 20;
        } else if (bounds.getMaxY() > top + viewport) {
            newTop = Math.min(bounds.getMinY() - 20, bounds.getMaxY() - viewport + 20);
        }
        scroll.setVvalue(Math.max(0, Math.min(1, newTop / (contentHeight - viewport))));
    }

    private Node interruptedBox() {
        Label text = new Label();
        text.setId("mirror-interrupted");
        text.setWrapText(true);
        text.setMaxWidth(Double.MAX_VALUE);
        text.setGraphic(Icons.icon(MaterialDesignI.INFORMATION_OUTLINE));
        text.textProperty().bind(vm.interruptedProperty());
        HBox.setHgrow(text, Priority.ALWAYS);
        Button resume = new Button("Resume");
        resume.setId("resume-interrupted");
        resume.setMinWidth(Region.USE_PREF_SIZE);
        resume.setOnAction(e -> vm.resume());
        HBox box = new HBox(12, text, resume);
        box.getStyleClass().add("compat-notice");
        showWhen(box, vm.interruptedProperty().isNotEmpty());
        return box;
    }

    private Node setupSection() {
        ToggleGroup modes = new ToggleGroup();
        VBox modeBox = new VBox(4);
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

        TextField index = field("mirror-index", vm.indexImageProperty(), "registry.redhat.io/redhat/redhat-operator-index:v4.14");
        TextField channel = field("mirror-channel", vm.channelProperty(), "release-v1.8");
        CheckBox legacy = new CheckBox("Also the legacy operator image (clusters on OpenShift 3 or 4.2-4.5)");
        legacy.setId("mirror-legacy");
        legacy.selectedProperty().bindBidirectional(vm.legacyOperatorProperty());
        Label from = new Label();
        from.setId("mirror-from-compat");
        from.getStyleClass().add("hint");
        from.setWrapText(true);
        from.textProperty().bind(vm.fromCompatibilityProperty());
        showWhen(from, vm.fromCompatibilityProperty().isNotEmpty());

        GridPane grid = grid();
        grid.addRow(0, key("Mode"), modeBox);
        grid.addRow(1, key("Operator index"), index);
        grid.addRow(2, key("MTC channel"), channel);
        grid.addRow(3, new Label(), legacy);
        BooleanBinding archiveSource = Bindings.createBooleanBinding(() -> vm.modeProperty().get().readsArchive(), vm.modeProperty());
        index.disableProperty().bind(archiveSource);
        channel.disableProperty().bind(archiveSource);
        legacy.disableProperty().bind(archiveSource);
        return section("What to mirror", "pre-filled from step 2; the index is the Red Hat operator index of your OpenShift "
                + "version", from, grid);
    }

    private Node registrySection() {
        TextField registry = field("mirror-registry", vm.registryProperty(), "mirror.example.com:8443/mtc");
        TextField user = field("mirror-user", vm.usernameProperty(), "optional; or your auth.json is used");
        PasswordField password = new PasswordField();
        password.setId("mirror-password");
        password.textProperty().bindBidirectional(vm.passwordProperty());
        TextField ca = field("mirror-ca", vm.caFileProperty(), "optional PEM file; the system trust store otherwise");
        Button chooseCa = new Button("Choose…");
        chooseCa.setMinWidth(Region.USE_PREF_SIZE);
        chooseCa.setOnAction(e -> vm.chooseCaFile());
        HBox.setHgrow(ca, Priority.ALWAYS);
        CheckBox insecure = new CheckBox("Do not verify TLS for the mirror registry (insecure)");
        insecure.setId("mirror-insecure");
        insecure.selectedProperty().bindBidirectional(vm.insecureProperty());
        Label registryProblem = new Label();
        registryProblem.setId("mirror-registry-problem");
        registryProblem.getStyleClass().add("problem-text");
        registryProblem.setWrapText(true);
        registryProblem.textProperty().bind(vm.registryProblemProperty());
        showWhen(registryProblem, vm.registryProblemProperty().isNotEmpty());
        vm.registryProblemProperty().addListener((obs, old, now) -> {
            registry.getStyleClass().remove("field-invalid");
            if (!now.isEmpty()) {
                registry.getStyleClass().add("field-invalid");
            }
        });
        GridPane grid = grid();
        grid.addRow(0, key("Registry"), new VBox(4, registry, registryProblem));
        grid.addRow(1, key("User"), user);
        grid.addRow(2, key("Password"), password);
        grid.addRow(3, key("CA file"), new HBox(8, ca, chooseCa));
        grid.addRow(4, new Label(), insecure);
        Node section = section("Mirror registry", vm.demo() ? "in the demo, only to push the demo content into a registry of yours"
                : "host[:port] and an optional path prefix", grid);
        showWhen(section, Bindings.createBooleanBinding(() -> vm.modeProperty().get().needsRegistry(), vm.modeProperty()));
        return section;
    }

    private Node foldersSection() {
        TextField archive = field("mirror-archive", vm.archiveDirProperty(), "");
        Button chooseArchive = new Button("Choose…");
        chooseArchive.setMinWidth(Region.USE_PREF_SIZE);
        chooseArchive.setOnAction(e -> vm.chooseArchiveFolder());
        HBox.setHgrow(archive, Priority.ALWAYS);
        HBox archiveRow = new HBox(8, archive, chooseArchive);
        Label archiveKey = key("Archive folder");
        BooleanBinding usesArchive = Bindings.createBooleanBinding(() -> vm.modeProperty().get() != MirrorMode.MIRROR_TO_MIRROR,
                vm.modeProperty());
        showWhen(archiveRow, usesArchive);
        showWhen(archiveKey, usesArchive);
        TextField results = field("mirror-results", vm.resultsDirProperty(), "");
        Button chooseResults = new Button("Choose…");
        chooseResults.setMinWidth(Region.USE_PREF_SIZE);
        chooseResults.setOnAction(e -> vm.chooseResultsFolder());
        HBox.setHgrow(results, Priority.ALWAYS);
        GridPane grid = grid();
        grid.addRow(0, archiveKey, archiveRow);
        grid.addRow(1, key("Results folder"), new HBox(8, results, chooseResults));
        return section("Folders", "mapping.txt, ImageContentSourcePolicy / ImageDigestMirrorSet and the CatalogSource go to the "
                + "results folder", grid);
    }

    private Node actionBar() {
        var phase = vm.phaseProperty();
        BooleanBinding busy = Bindings.createBooleanBinding(() -> BUSY.contains(phase.get()), phase);
        Button plan = new Button("Plan", Icons.icon(MaterialDesignF.FORMAT_LIST_CHECKS));
        plan.setId("mirror-plan");
        plan.setOnAction(e -> vm.plan());
        plan.disableProperty().bind(busy.or(vm.registryProblemProperty().isNotEmpty()));
        Button start = new Button("Start mirroring", Icons.icon(MaterialDesignP.PLAY));
        start.setId("mirror-start");
        start.getStyleClass().add("accent");
        start.setOnAction(e -> vm.start());
        start.disableProperty().bind(phase.isNotEqualTo(Phase.PLANNED));
        Button pause = new Button("Pause", Icons.icon(MaterialDesignP.PAUSE));
        pause.setId("mirror-pause");
        pause.setTooltip(new Tooltip("The blobs being copied finish, then the run stops; Resume continues."));
        pause.setOnAction(e -> vm.pause());
        pause.disableProperty().bind(phase.isNotEqualTo(Phase.RUNNING));
        Button cancel = new Button("Cancel", Icons.icon(MaterialDesignS.STOP));
        cancel.setId("mirror-cancel");
        cancel.setOnAction(e -> vm.cancel());
        cancel.disableProperty().bind(phase.isNotEqualTo(Phase.RUNNING));
        Button resume = new Button("Resume", Icons.icon(MaterialDesignP.PLAY_PAUSE));
        resume.setId("mirror-resume");
        resume.setOnAction(e -> vm.resume());
        resume.disableProperty().bind(Bindings.createBooleanBinding(
                () -> !EnumSet.of(Phase.PAUSED, Phase.CANCELLED, Phase.FAILED).contains(phase.get()), phase));
        for (Button b : new Button[] {plan, start, pause, cancel, resume}) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.getStyleClass().add("small-spinner");
        showWhen(spinner, busy);
        HBox bar = new HBox(8, plan, start, pause, cancel, resume, spinner);
        bar.getStyleClass().add("connect-bar");

        Label message = new Label();
        message.setId("mirror-message");
        message.getStyleClass().add("status-text");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        showWhen(message, vm.messageProperty().isNotEmpty());
        Label problem = new Label();
        problem.setId("mirror-problem");
        problem.getStyleClass().add("problem-text");
        problem.setWrapText(true);
        problem.textProperty().bind(vm.problemProperty());
        showWhen(problem, vm.problemProperty().isNotEmpty());
        return new VBox(6, bar, message, problem);
    }

    private Node planSection() {
        Label summary = new Label();
        summary.setId("mirror-plan-summary");
        summary.setWrapText(true);
        summary.textProperty().bind(vm.planSummaryProperty());
        Label disk = new Label();
        disk.setId("mirror-disk");
        disk.setWrapText(true);
        disk.textProperty().bind(vm.diskTextProperty());
        disk.getStyleClass().add("status-text");
        showWhen(disk, vm.diskTextProperty().isNotEmpty());

        ProgressBar bar = new ProgressBar();
        bar.setId("mirror-progress");
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(vm.fractionProperty());
        vm.phaseProperty().addListener((obs, old, now) -> {
            bar.getStyleClass().remove("mirror-progress-failed");
            if (now == Phase.FAILED) {
                bar.getStyleClass().add("mirror-progress-failed");
            }
        });
        Label progress = new Label();
        progress.setId("mirror-progress-text");
        progress.textProperty().bind(vm.progressTextProperty());
        Label commonCause = new Label();
        commonCause.setId("mirror-common-cause");
        commonCause.getStyleClass().add("mirror-common-cause");
        commonCause.setWrapText(true);
        commonCause.textProperty().bind(Bindings.createStringBinding(() -> vm.commonCauseProperty().get().isEmpty() ? ""
                : "All failed images: " + vm.commonCauseProperty().get(), vm.commonCauseProperty()));
        showWhen(commonCause, vm.commonCauseProperty().isNotEmpty());
        VBox progressBox = new VBox(4, bar, progress);
        showWhen(progressBox, vm.progressTextProperty().isNotEmpty());

        TableView<ImageRow> table = new TableView<>(vm.rows());
        table.setId("mirror-images");
        table.getStyleClass().add("mirror-images");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.setPrefHeight(300);
        table.setMinHeight(160);
        table.setPlaceholder(new Label("Plan to see the images."));
        TableColumn<ImageRow, String> image = column("Image", r -> shortName(r.source()), 470);
        image.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                ImageRow row = empty || getTableRow() == null ? null : getTableRow().getItem();
                setTooltip(row == null ? null : new Tooltip(row.source()));
            }
        });
        TableColumn<ImageRow, String> why = column("Why", r -> r.purpose(), 230);
        why.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                ImageRow row = empty || getTableRow() == null ? null : getTableRow().getItem();
                setText(empty ? null : item);
                setTooltip(row == null || row.detail().isEmpty() ? null : new Tooltip(row.detail()));
            }
        });
        TableColumn<ImageRow, String> size = column("Size", r -> Sizes.bytes(r.sizeBytes()), 70);
        size.setStyle("-fx-alignment: center-right;");
        // One cause is said once above the table; the rows then only say that they failed.
        TableColumn<ImageRow, String> state = column("State", r -> r.stateText()
                + (r.reason().isEmpty() || r.state() != ImageRow.State.FAILED ? ""
                : r.reason().equals(vm.commonCauseProperty().get()) ? " (see above)" : ": " + r.reason()), 150);
        state.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                ImageRow row = empty || getTableRow() == null ? null : getTableRow().getItem();
                setText(empty ? null : item);
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
        size.setMinWidth(70);
        state.setMinWidth(130);
        table.getColumns().setAll(java.util.List.of(image, why, size, state));
        // The rows' text depends on the one cause, which is known only once the run has ended.
        vm.commonCauseProperty().addListener(o -> table.refresh());
        VBox section = (VBox) section("Images", "every image, why it is needed and its size; hover a reason for the bundle "
                + "or relatedImage it comes from", summary, disk, progressBox, commonCause, table);
        showWhen(section, Bindings.isNotEmpty(vm.rows()).or(vm.phaseProperty().isEqualTo(Phase.PLANNING)));
        return section;
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

    private static TableColumn<ImageRow, String> column(String title, java.util.function.Function<ImageRow, String> value,
                                                        double width) {
        TableColumn<ImageRow, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
        column.setPrefWidth(width);
        column.setSortable(false);
        return column;
    }

    private Node resultsSection() {
        ListView<ResultFile> files = new ListView<>(vm.results());
        files.setId("mirror-result-files");
        files.setPrefWidth(280);
        files.setMinWidth(200);
        files.setPrefHeight(170);
        files.setCellFactory(l -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(ResultFile item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.name());
            }
        });
        TextArea text = new TextArea();
        text.setId("mirror-result-text");
        text.setEditable(false);
        text.getStyleClass().add("command-text");
        text.setPrefHeight(170);
        HBox.setHgrow(text, Priority.ALWAYS);
        files.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> text.setText(now == null ? "" : now.text()));
        vm.results().addListener((javafx.collections.ListChangeListener<ResultFile>) c -> {
            if (!vm.results().isEmpty()) {
                ResultFile preferred = vm.results().stream().filter(f -> f.name().equals("mapping.txt")).findFirst()
                        .orElse(vm.results().get(0));
                files.getSelectionModel().select(preferred);
            }
        });
        Button copy = new Button("Copy", Icons.icon(MaterialDesignC.CONTENT_COPY));
        copy.setId("mirror-copy");
        copy.setMinWidth(Region.USE_PREF_SIZE);
        copy.disableProperty().bind(files.getSelectionModel().selectedItemProperty().isNull());
        copy.setOnAction(e -> vm.copy(files.getSelectionModel().getSelectedItem()));
        Button open = new Button("Open folder", Icons.icon(MaterialDesignF.FOLDER_OPEN_OUTLINE));
        open.setId("mirror-open-folder");
        open.setMinWidth(Region.USE_PREF_SIZE);
        open.setOnAction(e -> vm.openResultsFolder());
        Label factsLabel = new Label();
        factsLabel.setId("mirror-facts");
        factsLabel.setWrapText(true);
        factsLabel.textProperty().bind(Bindings.createStringBinding(() -> factsText(vm.facts()), vm.factsProperty()));
        HBox buttons = new HBox(8, copy, open);
        buttons.setAlignment(Pos.CENTER_LEFT);
        HBox content = new HBox(10, files, text);
        Node section = section("Results", "the files the clusters need; the next steps use the facts below", factsLabel, content,
                buttons);
        showWhen(section, Bindings.isNotEmpty(vm.results()));
        return section;
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

    // ---- small builders --------------------------------------------------------------------------------------------

    private static TextField field(String id, javafx.beans.property.StringProperty property, String prompt) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        field.textProperty().bindBidirectional(property);
        field.setMaxWidth(Double.MAX_VALUE);
        return field;
    }

    private static Label key(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("fact-key");
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    private static GridPane grid() {
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(8);
        ColumnConstraints keys = new ColumnConstraints();
        keys.setMinWidth(110);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        values.setFillWidth(true);
        grid.getColumnConstraints().setAll(keys, values);
        return grid;
    }

    private static Node section(String title, String hint, Node... content) {
        Label titleLabel = new Label(title);
        titleLabel.getStyleClass().add("section-title");
        titleLabel.setMinWidth(Region.USE_PREF_SIZE);
        Label hintLabel = new Label(hint);
        hintLabel.getStyleClass().add("section-hint");
        // A narrow window wraps the hint instead of cutting it.
        hintLabel.setWrapText(true);
        hintLabel.setMinWidth(0);
        HBox head = new HBox(8, titleLabel, hintLabel);
        head.getStyleClass().add("section-header");
        VBox box = new VBox(8, head);
        box.getChildren().addAll(content);
        box.getStyleClass().add("section");
        box.setPadding(new Insets(0));
        return box;
    }

    private static void showWhen(Node node, ObservableBooleanValue condition) {
        node.visibleProperty().bind(condition);
        node.managedProperty().bind(node.visibleProperty());
    }
}
