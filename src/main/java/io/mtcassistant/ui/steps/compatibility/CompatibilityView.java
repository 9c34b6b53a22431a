package io.mtcassistant.ui.steps.compatibility;

import io.mtcassistant.compat.CheckResult;
import io.mtcassistant.compat.CompatibilityReport;
import io.mtcassistant.compat.MigrationPlan;
import io.mtcassistant.compat.NetworkWorkaround;
import io.mtcassistant.compat.Reachability;
import io.mtcassistant.compat.Severity;
import io.mtcassistant.compat.Verdict;
import io.mtcassistant.ui.common.Icons;
import io.mtcassistant.ui.steps.compatibility.CompatibilityViewModel.MadeDecision;
import io.mtcassistant.ui.steps.compatibility.CompatibilityViewModel.Phase;
import io.mtcassistant.ui.steps.compatibility.CompatibilityViewModel.ReachabilityStatement;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignH;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;

/** Step 2 on screen; all behaviour is in {@link CompatibilityViewModel}. */
public final class CompatibilityView {

    private final CompatibilityViewModel viewModel;
    private final Runnable backToClusters;
    // Which check rows the user opened, by check and cluster; kept across re-evaluations.
    private final DecisionCards decisionCards;
    private final Set<String> expanded = new HashSet<>();
    private final Set<String> collapsed = new HashSet<>();

    @FXML private ScrollPane root;
    @FXML private HBox noticeBox;
    @FXML private Label noticeLabel;
    @FXML private Button backToClustersButton;
    @FXML private Button recheckButton;
    @FXML private ProgressIndicator busyIndicator;
    @FXML private Label statusLabel;
    @FXML private Button copyButton;
    @FXML private Button exportMarkdownButton;
    @FXML private Button exportJsonButton;
    @FXML private Label problemLabel;
    @FXML private HBox verdictBanner;
    @FXML private Label verdictIcon;
    @FXML private Label verdictTitle;
    @FXML private Label verdictText;
    @FXML private VBox blockerList;
    @FXML private Label planLine;
    @FXML private VBox decisionsSection;
    @FXML private VBox decisionPane;
    @FXML private VBox statementsSection;
    @FXML private VBox statementPane;
    @FXML private VBox checksSection;
    @FXML private Label checksHint;
    @FXML private Button expandAllButton;
    @FXML private Button collapseAllButton;
    @FXML private VBox checkPane;

    private CompatibilityView(CompatibilityViewModel viewModel, Runnable backToClusters) {
        this.viewModel = viewModel;
        this.backToClusters = backToClusters;
        this.decisionCards = new DecisionCards(viewModel);
    }

    /**
     * Loads the FXML and binds it to the view model; returns the page's root node.
     *
     * @param backToClusters shows step 1 (the notice's button when the clusters are not connected yet)
     */
    public static ScrollPane create(CompatibilityViewModel viewModel, Runnable backToClusters) {
        FXMLLoader loader = new FXMLLoader(CompatibilityView.class.getResource("compatibility.fxml"));
        CompatibilityView view = new CompatibilityView(viewModel, backToClusters);
        loader.setController(view);
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("compatibility.fxml is part of the app and must load", e);
        }
    }

    @FXML
    private void initialize() {
        noticeLabel.setGraphic(Icons.icon(MaterialDesignI.INFORMATION_OUTLINE));
        noticeLabel.textProperty().bind(viewModel.noticeProperty());
        showWhen(noticeBox, viewModel.noticeProperty().isNotEmpty());
        backToClustersButton.setGraphic(Icons.icon(MaterialDesignA.ARROW_LEFT));
        backToClustersButton.setOnAction(e -> backToClusters.run());

        recheckButton.setGraphic(Icons.icon(MaterialDesignR.REFRESH));
        recheckButton.setId("recheck-button");
        recheckButton.setOnAction(e -> viewModel.recheck());
        recheckButton.disableProperty().bind(viewModel.checkingProperty());
        busyIndicator.visibleProperty().bind(viewModel.checkingProperty());
        busyIndicator.managedProperty().bind(busyIndicator.visibleProperty());
        statusLabel.setId("compat-status");
        statusLabel.textProperty().bind(Bindings.createStringBinding(this::statusText,
                viewModel.phaseProperty(), viewModel.messageProperty(), viewModel.reportProperty()));

        var noReport = viewModel.reportProperty().isNull();
        copyButton.setGraphic(Icons.icon(MaterialDesignC.CONTENT_COPY));
        copyButton.setId("copy-markdown");
        copyButton.setOnAction(e -> viewModel.copyMarkdown());
        copyButton.disableProperty().bind(noReport);
        exportMarkdownButton.setGraphic(Icons.icon(MaterialDesignL.LANGUAGE_MARKDOWN_OUTLINE));
        exportMarkdownButton.setId("export-markdown");
        exportMarkdownButton.setOnAction(e -> viewModel.exportMarkdown());
        exportMarkdownButton.disableProperty().bind(noReport);
        exportJsonButton.setGraphic(Icons.icon(MaterialDesignC.CODE_JSON));
        exportJsonButton.setId("export-json");
        exportJsonButton.setOnAction(e -> viewModel.exportJson());
        exportJsonButton.disableProperty().bind(noReport);

        problemLabel.setId("compat-problem");
        problemLabel.textProperty().bind(viewModel.problemProperty());
        showWhen(problemLabel, viewModel.problemProperty().isNotEmpty());

        for (Node node : List.of(verdictBanner, decisionsSection, statementsSection, checksSection)) {
            showWhen(node, viewModel.reportProperty().isNotNull());
        }
        expandAllButton.setOnAction(e -> setAllExpanded(true));
        collapseAllButton.setOnAction(e -> setAllExpanded(false));

        viewModel.reportProperty().addListener((obs, old, report) -> render(report));
        render(viewModel.report());
    }

    private String statusText() {
        Phase phase = viewModel.phase();
        if (phase == Phase.CHECKING) {
            return "Reading the clusters (MTC installs, OperatorHub, proxy, mirror policies)…";
        }
        if (!viewModel.messageProperty().get().isEmpty()) {
            return viewModel.messageProperty().get();
        }
        CompatibilityReport report = viewModel.report();
        if (report != null) {
            return "Checked at " + report.generatedAt().replace('T', ' ').replaceAll("\\.\\d+Z$", " UTC")
                    + " against " + report.dataSource() + ". Nothing was changed on the clusters.";
        }
        return phase == Phase.FAILED ? "The check did not finish; see above, then Re-check." : "";
    }

    private static void showWhen(Node node, javafx.beans.value.ObservableBooleanValue condition) {
        node.visibleProperty().bind(condition);
        node.managedProperty().bind(node.visibleProperty());
    }

    // ---- rendering ------------------------------------------------------------------------------------------

    private void render(CompatibilityReport report) {
        if (report == null) {
            decisionPane.getChildren().clear();
            statementPane.getChildren().clear();
            checkPane.getChildren().clear();
            return;
        }
        renderVerdict(report);
        renderDecisions();
        renderStatements();
        renderChecks(report);
    }

    private void renderVerdict(CompatibilityReport report) {
        Verdict verdict = report.verdict();
        verdictBanner.getStyleClass().setAll("verdict-banner", "verdict-" + verdict.name().toLowerCase().replace('_', '-'));
        verdictIcon.setGraphic(Icons.icon(switch (verdict) {
            case READY -> MaterialDesignC.CHECK_CIRCLE;
            case READY_WITH_WARNINGS -> MaterialDesignC.CHECK_CIRCLE_OUTLINE;
            case NEEDS_DECISION -> MaterialDesignH.HELP_CIRCLE;
            case BLOCKED -> MaterialDesignC.CLOSE_OCTAGON;
        }, "verdict-glyph"));
        verdictTitle.setText(verdict.label());
        verdictText.setText(report.verdictText());
        planLine.setText(planText(report.plan()));
        // What blocks, right under the verdict: the rows themselves may be far down the page.
        blockerList.getChildren().setAll(report.checks(Severity.BLOCKING).stream()
                .map(row -> (Node) wrapped("•  " + row.title() + (row.cluster() == null ? "" : " (" + row.cluster() + ")")
                        + ": " + row.summary(), "blocker-line"))
                .toList());
    }

    private static String planText(MigrationPlan plan) {
        List<String> parts = new ArrayList<>();
        parts.add(plan.mtcVersion() == null ? "MTC version: not decided" : "MTC " + plan.mtcVersion() + " on every cluster");
        parts.add(plan.controlCluster() == null ? "control cluster: not settled" : "control cluster: " + plan.controlCluster());
        if (plan.networkWorkaround() == NetworkWorkaround.TUNNEL_API) {
            parts.add("network: crane tunnel-api");
        } else if (plan.networkWorkaround() == NetworkWorkaround.LEGACY_CONTROL_CLUSTER) {
            parts.add("network: legacy cluster as control cluster");
        }
        return "Plan: " + String.join("  ·  ", parts);
    }

    private void renderDecisions() {
        List<Node> cards = new ArrayList<>();
        for (CheckResult row : viewModel.openDecisions()) {
            cards.add(decisionCards.card(row));
        }
        for (MadeDecision made : viewModel.madeDecisions()) {
            Label text = new Label("Your decision: " + made.text(), Icons.icon(MaterialDesignC.CHECK_CIRCLE, "severity-ok"));
            text.getStyleClass().add("made-decision-text");
            text.setWrapText(true);
            Hyperlink change = new Hyperlink("Change");
            change.setId(cssId("reopen-" + made.topic().name().toLowerCase().replace('_', '-')));
            change.setOnAction(e -> viewModel.reopen(made.topic()));
            HBox line = new HBox(8, text, change);
            line.setAlignment(Pos.CENTER_LEFT);
            line.getStyleClass().add("made-decision");
            cards.add(line);
        }
        if (cards.isEmpty()) {
            cards.add(wrapped("Nothing to decide: Table 7.1 settles every question for these clusters.", "muted"));
        }
        decisionPane.getChildren().setAll(cards);
    }

    private void renderStatements() {
        List<ReachabilityStatement> statements = viewModel.reachabilityStatements();
        List<Node> lines = new ArrayList<>();
        for (ReachabilityStatement statement : statements) {
            lines.add(statementLine(statement));
        }
        if (lines.isEmpty()) {
            lines.add(wrapped("No control cluster yet: solve the blocking rows first.", "muted"));
        }
        statementPane.getChildren().setAll(lines);
    }

    private Node statementLine(ReachabilityStatement statement) {
        Label roleBadge = new Label(statement.role());
        roleBadge.getStyleClass().addAll("role-badge", "role-" + roleClass(statement.role()));
        Label text = new Label(statement.context() + "  ↔  control cluster " + statement.controlCluster());
        text.getStyleClass().add("statement-text");
        text.setMinWidth(Region.USE_PREF_SIZE);
        ToggleGroup group = new ToggleGroup();
        HBox toggles = new HBox(0);
        toggles.getStyleClass().add("statement-toggles");
        Reachability[] values = {Reachability.YES, Reachability.NO, Reachability.UNKNOWN};
        String[] labels = {"They connect", "Cannot connect (network restriction)", "Not verified"};
        String[] pills = {"left-pill", "center-pill", "right-pill"};
        for (int i = 0; i < values.length; i++) {
            Reachability value = values[i];
            ToggleButton button = new ToggleButton(labels[i]);
            button.setToggleGroup(group);
            button.getStyleClass().add(pills[i]);
            button.setId(cssId("reach-" + value.name().toLowerCase() + "-" + statement.context()));
            button.setSelected(statement.value() == value);
            button.setOnAction(e -> {
                viewModel.stateReachability(statement.context(), value);
                // Clicking the selected button would clear the group; the statement stays what the model says.
                renderStatements();
            });
            toggles.getChildren().add(button);
        }
        HBox pair = new HBox(10, roleBadge, text);
        pair.setAlignment(Pos.CENTER_LEFT);
        // The toggles move under the pair when the window is narrow, instead of being cut off.
        BorderPane line = new BorderPane();
        line.setLeft(pair);
        line.setRight(toggles);
        BorderPane.setAlignment(pair, Pos.CENTER_LEFT);
        line.widthProperty().addListener((obs, old, width) -> {
            boolean narrow = width.doubleValue() < pair.prefWidth(-1) + toggles.prefWidth(-1) + 40;
            if (narrow && line.getRight() != null) {
                line.setRight(null);
                line.setBottom(toggles);
                BorderPane.setMargin(toggles, new javafx.geometry.Insets(6, 0, 0, 0));
            } else if (!narrow && line.getBottom() != null) {
                line.setBottom(null);
                line.setRight(toggles);
            }
        });
        line.getStyleClass().add("statement-line");
        line.setId(cssId("statement-" + statement.context()));
        return line;
    }

    private static String roleClass(String roleLabel) {
        return switch (roleLabel) {
            case "source" -> "source";
            case "target" -> "target";
            default -> "remote";
        };
    }

    private void renderChecks(CompatibilityReport report) {
        List<Node> rows = new ArrayList<>();
        for (CheckResult check : report.checks()) {
            rows.add(checkRow(check));
        }
        checkPane.getChildren().setAll(rows);
        List<String> counts = new ArrayList<>();
        for (Severity severity : Severity.values()) {
            int count = report.checks(severity).size();
            if (count > 0) {
                counts.add(count + " " + severity.label());
            }
        }
        checksHint.setText(report.checks().size() + " checks: " + String.join(", ", counts) + "; click a row for details");
        checksHint.setTooltip(new javafx.scene.control.Tooltip(
                "Each row opens to show the facts it used (with their origin), why the result is what it is, and what to do."));
    }

    private Node checkRow(CheckResult check) {
        String key = check.check().name() + "/" + (check.cluster() == null ? "" : check.cluster());
        String severityClass = "severity-" + check.severity().name().toLowerCase().replace('_', '-');

        Label chevron = new Label();
        Label icon = new Label(null, Icons.icon(severityIcon(check.severity()), severityClass));
        Label title = new Label(check.title());
        title.getStyleClass().add("check-title");
        title.setMinWidth(Region.USE_PREF_SIZE);
        HBox header = new HBox(8, chevron, icon, title);
        if (check.cluster() != null) {
            Label cluster = new Label(check.cluster());
            cluster.getStyleClass().addAll("role-badge", "role-" + roleClass(check.role() == null ? "" : check.role()));
            cluster.setMinWidth(Region.USE_PREF_SIZE);
            header.getChildren().add(cluster);
        } else {
            Label all = new Label("whole migration");
            all.getStyleClass().addAll("role-badge", "role-none", "scope-all");
            all.setMinWidth(Region.USE_PREF_SIZE);
            header.getChildren().add(all);
        }
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        Label severity = new Label(check.severity().label());
        severity.getStyleClass().addAll("severity-badge", severityClass);
        severity.setMinWidth(Region.USE_PREF_SIZE);
        header.getChildren().addAll(grow, severity);
        header.setAlignment(Pos.CENTER_LEFT);

        Label summary = wrapped(check.summary(), "check-summary");
        VBox.setMargin(summary, new javafx.geometry.Insets(0, 0, 0, 44));

        VBox body = new VBox(8);
        body.getStyleClass().add("check-body");
        body.getChildren().add(wrapped(ScreenWording.of(check.explanation()), "check-explanation"));
        Label action = wrapped("What to do: " + ScreenWording.of(check.action()), "check-action");
        body.getChildren().add(action);
        if (!check.facts().isEmpty()) {
            body.getChildren().add(factsGrid(check));
        }
        VBox.setMargin(body, new javafx.geometry.Insets(0, 0, 0, 44));

        VBox row = new VBox(4, header, summary, body);
        row.getStyleClass().addAll("check-row", severityClass + "-row");
        row.setId(cssId("check-" + check.check().name().toLowerCase() + (check.cluster() == null ? "" : "-" + check.cluster())));
        boolean open = expanded.contains(key)
                || !collapsed.contains(key) && check.severity() == Severity.BLOCKING;
        setOpen(row, chevron, body, open);
        Runnable toggle = () -> {
            boolean now = !body.isVisible();
            setOpen(row, chevron, body, now);
            (now ? expanded : collapsed).add(key);
            (now ? collapsed : expanded).remove(key);
        };
        header.setOnMouseClicked(e -> toggle.run());
        // Keyboard users open a row with Enter or Space, like a button.
        header.setFocusTraversable(true);
        header.getStyleClass().add("check-header");
        header.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.SPACE) {
                toggle.run();
                e.consume();
            }
        });
        row.getProperties().put("key", key);
        return row;
    }

    private static void setOpen(VBox row, Label chevron, VBox body, boolean open) {
        body.setVisible(open);
        body.setManaged(open);
        chevron.setGraphic(Icons.icon(open ? MaterialDesignC.CHEVRON_DOWN : MaterialDesignC.CHEVRON_RIGHT));
        row.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("open"), open);
    }

    private void setAllExpanded(boolean open) {
        for (Node node : checkPane.getChildren()) {
            String key = (String) node.getProperties().get("key");
            (open ? expanded : collapsed).add(key);
            (open ? collapsed : expanded).remove(key);
        }
        render(viewModel.report());
    }

    private static GridPane factsGrid(CheckResult check) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("facts-grid");
        grid.setHgap(16);
        grid.setVgap(3);
        ColumnConstraints names = new ColumnConstraints();
        names.setMinWidth(Region.USE_PREF_SIZE);
        names.setMaxWidth(340);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        values.setMinWidth(160);
        ColumnConstraints sources = new ColumnConstraints();
        sources.setMaxWidth(260);
        grid.getColumnConstraints().addAll(names, values, sources);
        Label heading = new Label("Facts used");
        heading.getStyleClass().add("facts-heading");
        grid.add(heading, 0, 0, 3, 1);
        int line = 1;
        for (var fact : check.facts()) {
            Label name = wrapped(fact.name(), "fact-key");
            Label value = wrapped(fact.value(), "fact-value");
            Label source = wrapped(fact.source(), "fact-source");
            grid.addRow(line++, name, value, source);
        }
        return grid;
    }

    private static Ikon severityIcon(Severity severity) {
        return switch (severity) {
            case OK -> MaterialDesignC.CHECK_CIRCLE;
            case WARNING -> MaterialDesignA.ALERT;
            case NEEDS_DECISION -> MaterialDesignH.HELP_CIRCLE;
            case BLOCKING -> MaterialDesignC.CLOSE_OCTAGON;
        };
    }

    /** Node ids usable in CSS selectors and lookups: context names and versions carry dots, slashes and colons. */
    static String cssId(String text) {
        return text.replaceAll("[^A-Za-z0-9_-]", "-");
    }

    static Label wrapped(String text, String styleClass) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.getStyleClass().add(styleClass);
        label.setMinHeight(Region.USE_PREF_SIZE);
        label.setMaxWidth(Double.MAX_VALUE);
        return label;
    }
}
