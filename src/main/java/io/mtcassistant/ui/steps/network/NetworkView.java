package io.mtcassistant.ui.steps.network;

import io.mtcassistant.network.ControllerSettings;
import io.mtcassistant.network.ProxyUrl;
import io.mtcassistant.ui.steps.operators.ActionRow;
import java.io.IOException;
import java.io.UncheckedIOException;
import javafx.beans.binding.Bindings;
import javafx.beans.property.StringProperty;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Step 5 on screen; the behaviour is in {@link NetworkViewModel}, one card per connected cluster. */
public final class NetworkView {

    private final NetworkViewModel viewModel;

    @FXML private ScrollPane root;
    @FXML private Label noticeLabel;
    @FXML private ListView<String> namespaceList;
    @FXML private TextField cidrField;
    @FXML private Button checkButton;
    @FXML private Label problemLabel;
    @FXML private VBox cardBox;

    private NetworkView(NetworkViewModel viewModel) {
        this.viewModel = viewModel;
    }

    public static ScrollPane create(NetworkViewModel viewModel) {
        FXMLLoader loader = new FXMLLoader(NetworkView.class.getResource("network.fxml"));
        loader.setController(new NetworkView(viewModel));
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("network.fxml is part of the app and must load", e);
        }
    }

    @FXML
    private void initialize() {
        noticeLabel.textProperty().bind(viewModel.noticeProperty());
        showWhenText(noticeLabel);
        problemLabel.textProperty().bind(viewModel.problemProperty());
        showWhenText(problemLabel);
        namespaceList.setItems(viewModel.namespaces());
        namespaceList.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        namespaceList.getSelectionModel().getSelectedItems().addListener((ListChangeListener<String>) change ->
                viewModel.selectedNamespaces().setAll(namespaceList.getSelectionModel().getSelectedItems()));
        cidrField.textProperty().bindBidirectional(viewModel.otherCidrProperty());
        checkButton.setOnAction(e -> viewModel.checkAll());
        checkButton.disableProperty().bind(Bindings.isEmpty(viewModel.cards()));
        viewModel.cards().addListener((ListChangeListener<NetworkCard>) change -> showCards());
        showCards();
    }

    private void showCards() {
        cardBox.getChildren().setAll(viewModel.cards().stream().map(this::card).toList());
    }

    private Node card(NetworkCard card) {
        String id = card.context().replaceAll("[^A-Za-z0-9-]", "-");
        Label proxy = wrapped(card.proxyInEffectProperty());
        GridPane fields = new GridPane();
        fields.setHgap(8);
        fields.setVgap(6);
        int row = 0;
        row = field(fields, row, "http_proxy", new TextField(), card.httpProxy, "http://proxy.corp:3128", id);
        row = field(fields, row, "https_proxy", new TextField(), card.httpsProxy, "http://proxy.corp:3128", id);
        row = field(fields, row, "no_proxy", new TextField(), card.noProxy, ".corp,10.0.0.0/16,registry.corp", id);
        row = field(fields, row, "stunnel_tcp_proxy", new PasswordField(), card.stunnelTcpProxy,
                "http://user:password@ip:port (a transparent TCP proxy)", id);
        Label stunnelShown = new Label();
        stunnelShown.textProperty().bind(Bindings.createStringBinding(() -> masked(card.stunnelTcpProxy.get()),
                card.stunnelTcpProxy));
        stunnelShown.getStyleClass().add("field-hint");
        stunnelShown.setWrapText(true);
        fields.add(stunnelShown, 1, row++);
        fields.add(fieldName("rsync_endpoint_type"), 0, row);
        if (card.setsRsyncEndpointType()) {
            ComboBox<String> endpoint = new ComboBox<>();
            endpoint.getItems().addAll("", "Route", "ClusterIP", "NodePort");
            endpoint.valueProperty().bindBidirectional(card.rsyncEndpointType);
            endpoint.setId(id + "-rsync_endpoint_type");
            fields.add(endpoint, 1, row++);
        } else {
            Label onTarget = new Label("set on the target cluster: the controller reads it from the destination");
            onTarget.getStyleClass().add("field-hint");
            onTarget.setWrapText(true);
            onTarget.setId(id + "-rsync_endpoint_type-hint");
            fields.add(onTarget, 1, row++);
        }
        row = field(fields, row, "src_supplemental_groups", new TextField(), card.srcGroups, "1000,2000", id);
        field(fields, row, "target_supplemental_groups", new TextField(), card.targetGroups, "1000,2000", id);
        Label problems = wrapped(card.fieldProblemsProperty());
        problems.getStyleClass().add("field-error");
        problems.setId(id + "-field-problems");

        TextField tester = new TextField();
        tester.setPromptText("is this proxied? host, host:port or URL");
        tester.textProperty().bindBidirectional(card.testAddress);
        tester.setId(id + "-no-proxy-test");
        HBox.setHgrow(tester, Priority.ALWAYS);
        Label answer = wrapped(card.testAnswerProperty());
        answer.setId(id + "-no-proxy-answer");

        VBox findings = new VBox(4);
        findings.setId(id + "-findings");
        Runnable showFindings = () -> findings.getChildren().setAll(card.findings().stream().map(f -> {
            Label l = new Label(f);
            l.setWrapText(true);
            l.getStyleClass().add(f.startsWith("BLOCKED") || f.startsWith("CHECK") ? "field-error" : "field-hint");
            return (Node) l;
        }).toList());
        card.findings().addListener((ListChangeListener<String>) c -> showFindings.run());
        VBox actions = new VBox(4);
        actions.setId(id + "-actions");
        Runnable showActions = () -> actions.getChildren().setAll(card.actions().stream().map(NetworkView::actionRow).toList());
        card.actions().addListener((ListChangeListener<ActionRow>) c -> showActions.run());

        Button export = new Button("Export…");
        export.setId(id + "-export");
        export.setOnAction(e -> viewModel.export(card));
        export.disableProperty().bind(Bindings.isEmpty(card.actions()));
        Button apply = new Button("Apply");
        apply.setId(id + "-apply");
        apply.setOnAction(e -> viewModel.apply(card));
        apply.disableProperty().bind(Bindings.isEmpty(card.actions()));
        Button upgrade = new Button("Check exec upgrade");
        upgrade.setId(id + "-check-upgrade");
        upgrade.setOnAction(e -> viewModel.checkUpgrade(card));
        Label status = wrapped(card.statusProperty());
        status.setId(id + "-status");
        Label upgradeResult = wrapped(card.upgradeProperty());
        upgradeResult.setId(id + "-upgrade-result");
        Label reconciled = wrapped(card.reconciledProperty());
        reconciled.setId(id + "-reconciled");
        reconciled.visibleProperty().bind(card.reconciledProperty().isNotEmpty());
        reconciled.managedProperty().bind(reconciled.visibleProperty());

        Label findingsTitle = heading("Findings", Bindings.isNotEmpty(card.findings()));
        Label planTitle = heading("Change plan (click an action for its YAML or diff)", Bindings.isNotEmpty(card.actions()));
        VBox content = new VBox(8, proxy, fields, problems, new HBox(8, new Label("no_proxy tester"), tester), answer,
                findingsTitle, findings, planTitle, actions, new HBox(8, export, apply, upgrade),
                status, reconciled, upgradeResult);
        TitledPane pane = new TitledPane(card.context() + " (" + card.role().name().toLowerCase() + ")", content);
        pane.setId(id + "-network-card");
        pane.setCollapsible(false);
        return pane;
    }

    private static Node actionRow(ActionRow row) {
        Label state = new Label();
        state.textProperty().bind(Bindings.createStringBinding(() -> row.state().label(), row.stateProperty()));
        state.setMinWidth(110);
        Label message = new Label();
        message.textProperty().bind(row.messageProperty());
        TextArea detail = new TextArea(row.reason() + "\n\n" + row.detail());
        detail.setEditable(false);
        detail.setPrefRowCount(8);
        TitledPane pane = new TitledPane(String.format("%02d  %s", row.number(), row.title()), detail);
        pane.setExpanded(false);
        HBox.setHgrow(pane, Priority.ALWAYS);
        return new HBox(8, state, pane, message);
    }

    private static int field(GridPane grid, int row, String name, TextField input, StringProperty value,
            String prompt, String id) {
        input.setPromptText(prompt);
        input.textProperty().bindBidirectional(value);
        input.setId(id + "-" + name);
        input.setPrefColumnCount(24);
        grid.add(fieldName(name), 0, row);
        grid.add(input, 1, row);
        return row + 1;
    }

    /** A field's key, never shortened: the admin types these names into the MigrationController. */
    private static Label fieldName(String name) {
        Label label = new Label(name);
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    private static String masked(String url) {
        if (url == null || url.isBlank()) {
            return "basic authentication only; must not intercept TLS (stunnel's session passes through untouched)";
        }
        try {
            return "will be set as " + ProxyUrl.parse(ControllerSettings.STUNNEL_FIELD, url, false);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private static Label heading(String text, javafx.beans.binding.BooleanBinding shown) {
        Label label = new Label(text);
        label.getStyleClass().add("section-title");
        label.visibleProperty().bind(shown);
        label.managedProperty().bind(label.visibleProperty());
        return label;
    }

    private static Label wrapped(javafx.beans.value.ObservableValue<String> text) {
        Label label = new Label();
        label.textProperty().bind(text);
        label.setWrapText(true);
        label.setMaxWidth(Double.MAX_VALUE);
        showWhenText(label);
        return label;
    }

    static void showWhenText(Label label) {
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
    }
}
