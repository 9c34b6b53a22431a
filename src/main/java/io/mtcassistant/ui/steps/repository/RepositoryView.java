package io.mtcassistant.ui.steps.repository;

import io.mtcassistant.common.SecretMasker;
import io.mtcassistant.registration.RegistryExposure;
import io.mtcassistant.storage.CheckStep;
import io.mtcassistant.storage.ObjectGateway;
import io.mtcassistant.storage.S3Keys;
import io.mtcassistant.storage.StorageApis;
import io.mtcassistant.ui.steps.operators.ActionRow;
import io.mtcassistant.ui.steps.operators.ClusterCardView;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Step 6 on screen; the behaviour is in {@link RepositoryViewModel}. */
public final class RepositoryView {

    private final RepositoryViewModel viewModel;

    @FXML private ScrollPane root;
    @FXML private Label noticeLabel;
    @FXML private Button discoverButton;
    @FXML private Label discoveryLabel;
    @FXML private VBox gatewayBox;
    @FXML private TextField claimNameField;
    @FXML private TextField claimNamespaceField;
    @FXML private TextField claimStorageClassField;
    @FXML private Button claimPlanButton;
    @FXML private VBox claimPlanSection;
    @FXML private VBox claimPlanBox;
    @FXML private Button claimExportButton;
    @FXML private Button claimApplyButton;
    @FXML private Label claimStatusLabel;
    @FXML private TextField endpointField;
    @FXML private TextField bucketField;
    @FXML private TextField regionField;
    @FXML private PasswordField accessKeyField;
    @FXML private PasswordField secretKeyField;
    @FXML private Label keysShown;
    @FXML private TextField caFileField;
    @FXML private Button caFileButton;
    @FXML private CheckBox insecureBox;
    @FXML private CheckBox createBucketBox;
    @FXML private TextField storageNameField;
    @FXML private Button checkButton;
    @FXML private Label inputProblemLabel;
    @FXML private VBox stepBox;
    @FXML private Label checkSummaryLabel;
    @FXML private VBox planSection;
    @FXML private VBox planBox;
    @FXML private Button exportButton;
    @FXML private CheckBox exportKeysBox;
    @FXML private Button applyButton;
    @FXML private Label planStatusLabel;
    @FXML private Label storageStateLabel;
    @FXML private Button refreshButton;
    @FXML private CheckBox exposeRegistryBox;
    @FXML private Label exposeRegistryWhy;
    @FXML private Label registrationProblemLabel;
    @FXML private VBox registrationBox;

    private RepositoryView(RepositoryViewModel viewModel) {
        this.viewModel = viewModel;
    }

    public static ScrollPane create(RepositoryViewModel viewModel) {
        FXMLLoader loader = new FXMLLoader(RepositoryView.class.getResource("repository.fxml"));
        loader.setController(new RepositoryView(viewModel));
        try {
            ScrollPane page = loader.load();
            // the plan table's state colours
            page.getStylesheets().add(ClusterCardView.class.getResource("operators.css").toExternalForm());
            return page;
        } catch (IOException e) {
            throw new UncheckedIOException("repository.fxml is part of the app and must load", e);
        }
    }

    @FXML
    private void initialize() {
        bindText(noticeLabel, viewModel.noticeProperty());
        discoveryLabel.textProperty().bind(viewModel.discoveryProperty());
        discoverButton.setOnAction(e -> viewModel.discover());
        viewModel.gateways().addListener((ListChangeListener<ObjectGateway>) c -> showGateways());
        showGateways();

        claimNameField.textProperty().bindBidirectional(viewModel.claim().nameProperty());
        claimNamespaceField.textProperty().bindBidirectional(viewModel.claim().namespaceProperty());
        claimStorageClassField.textProperty().bindBidirectional(viewModel.claim().storageClassProperty());
        claimPlanButton.setOnAction(e -> viewModel.claim().plan());
        claimPlanBox.getChildren().setAll(ClusterCardView.planView(viewModel.claim().actions(), "repository-claim-actions",
                "repository-claim-yaml"));
        claimPlanSection.visibleProperty().bind(Bindings.isNotEmpty(viewModel.claim().actions()));
        claimPlanSection.managedProperty().bind(claimPlanSection.visibleProperty());
        claimExportButton.setOnAction(e -> viewModel.claim().export());
        claimApplyButton.setOnAction(e -> viewModel.claim().apply());
        for (Button button : List.of(claimPlanButton, claimExportButton, claimApplyButton)) {
            button.disableProperty().bind(viewModel.busyProperty());
        }
        bindText(claimStatusLabel, viewModel.claim().statusProperty());

        endpointField.textProperty().bindBidirectional(viewModel.endpointProperty());
        bucketField.textProperty().bindBidirectional(viewModel.bucketProperty());
        regionField.textProperty().bindBidirectional(viewModel.regionProperty());
        accessKeyField.textProperty().bindBidirectional(viewModel.accessKeyProperty());
        secretKeyField.textProperty().bindBidirectional(viewModel.secretKeyProperty());
        keysShown.textProperty().bind(Bindings.createStringBinding(this::maskedKeys, viewModel.accessKeyProperty(),
                viewModel.secretKeyProperty()));
        caFileField.textProperty().bindBidirectional(viewModel.caFileProperty());
        caFileButton.setOnAction(e -> viewModel.chooseCaFile());
        insecureBox.selectedProperty().bindBidirectional(viewModel.insecureProperty());
        createBucketBox.selectedProperty().bindBidirectional(viewModel.createBucketProperty());
        storageNameField.textProperty().bindBidirectional(viewModel.storageNameProperty());
        checkButton.setOnAction(e -> viewModel.check());
        checkButton.disableProperty().bind(viewModel.busyProperty());
        bindText(inputProblemLabel, viewModel.inputProblemProperty());
        viewModel.checkSteps().addListener((ListChangeListener<CheckStep>) c -> showSteps());
        bindText(checkSummaryLabel, viewModel.checkSummaryProperty());
        checkSummaryLabel.styleProperty().bind(Bindings.createStringBinding(() ->
                viewModel.checkSummaryProperty().get().startsWith("FAILED") ? "-fx-font-weight: bold;" : "",
                viewModel.checkSummaryProperty()));

        planBox.getChildren().setAll(ClusterCardView.planView(viewModel.actions(), "repository-actions",
                "repository-yaml"));
        planSection.visibleProperty().bind(Bindings.isNotEmpty(viewModel.actions()));
        planSection.managedProperty().bind(planSection.visibleProperty());
        exportButton.setOnAction(e -> viewModel.export());
        exportKeysBox.selectedProperty().bindBidirectional(viewModel.exportKeysProperty());
        applyButton.setOnAction(e -> viewModel.apply());
        applyButton.disableProperty().bind(viewModel.busyProperty());
        exportButton.disableProperty().bind(viewModel.busyProperty());
        bindText(planStatusLabel, viewModel.planStatusProperty());
        bindText(storageStateLabel, viewModel.storageStateProperty());
        storageStateLabel.getStyleClass().add("section-title");

        refreshButton.setOnAction(e -> viewModel.refreshRegistrations());
        exposeRegistryBox.setText(RepositoryViewModel.EXPOSE_REGISTRY);
        exposeRegistryBox.selectedProperty().bindBidirectional(viewModel.exposeRegistryProperty());
        exposeRegistryWhy.setText("Why: " + RegistryExposure.WHY + ". Register then sets spec.defaultRoute=true on "
                + "the remote's configs.imageregistry.operator.openshift.io/cluster and waits for the route.");
        bindText(registrationProblemLabel, viewModel.registrationProblemProperty());
        viewModel.registrations().addListener((ListChangeListener<RegistrationRow>) c -> showRegistrations());
        showRegistrations();
    }

    private String maskedKeys() {
        String id = viewModel.accessKeyProperty().get();
        String secret = viewModel.secretKeyProperty().get();
        if (id == null || id.isBlank()) {
            return "Keys are never shown; the change plan and exports hold placeholders unless you ask for the keys.";
        }
        String shown = secret == null || secret.isBlank() ? "no secret access key yet" : "secret " + SecretMasker.MASK;
        // only the id is masked here; the pair is validated when the check runs
        return "access key " + new S3Keys(id, "-").maskedAccessKeyId() + ", " + shown;
    }

    private void showGateways() {
        gatewayBox.getChildren().setAll(viewModel.gateways().stream().map(this::gateway).toList());
    }

    private Node gateway(ObjectGateway gateway) {
        String id = "repository-gateway-" + (gateway.cluster() + "-" + gateway.name()).replaceAll("[^A-Za-z0-9-]", "-");
        List<String> lines = new ArrayList<>();
        lines.add("NooBaa " + gateway.namespace() + "/" + gateway.name() + " on " + gateway.cluster() + ": "
                + gateway.phase());
        lines.add("S3 endpoint: " + gateway.recommendedEndpoint().orElse("(none)") + " — " + gateway.whyEndpoint());
        if (!gateway.internalEndpoints().isEmpty()) {
            lines.add("internal: " + String.join(", ", gateway.internalEndpoints()));
        }
        lines.add("admin keys: " + gateway.adminKeys().map(k -> k.maskedAccessKeyId() + " from "
                + gateway.adminSecret().orElse("?")).orElse("not available"));
        lines.add("Least privilege instead: claim a bucket below (an ObjectBucketClaim of storage class "
                + StorageApis.NOOBAA_STORAGE_CLASS + " gets a bucket with keys that may use only it).");
        Label text = new Label(String.join("\n", lines));
        text.setWrapText(true);
        text.setId(id + "-text");
        VBox box = new VBox(4, text);
        for (String problem : gateway.problems()) {
            Label line = new Label("⚠ " + problem);
            line.setWrapText(true);
            line.getStyleClass().add("problem-text");
            box.getChildren().add(line);
        }
        Button use = new Button("Use this gateway");
        use.setId(id + "-use");
        use.setOnAction(e -> viewModel.use(gateway));
        box.getChildren().add(use);
        box.setId(id);
        box.getStyleClass().add("operators-card");
        return box;
    }

    private void showSteps() {
        stepBox.getChildren().setAll(viewModel.checkSteps().stream().map(RepositoryView::stepLine).toList());
    }

    private static Node stepLine(CheckStep step) {
        String mark = switch (step.status()) {
            case PASSED -> "✔ ";
            case FAILED -> "✘ ";
            case SKIPPED -> "– ";
        };
        StringBuilder text = new StringBuilder(mark + step.name() + ": " + step.detail());
        step.problem().ifPresent(p -> text.append("\n    ").append(p.meaning()).append("\n    Next: ")
                .append(p.nextStep()));
        Label line = new Label(text.toString());
        line.setWrapText(true);
        line.setId("repository-step-" + step.name().replace(' ', '-'));
        line.getStyleClass().add(switch (step.status()) {
            case PASSED -> "operators-check-passed";
            case FAILED -> "operators-check-failed";
            case SKIPPED -> "field-hint";
        });
        return line;
    }

    private void showRegistrations() {
        registrationBox.getChildren().setAll(viewModel.registrations().stream().map(this::registration).toList());
    }

    private Node registration(RegistrationRow row) {
        String id = "repository-cluster-" + row.name().replaceAll("[^A-Za-z0-9-]", "-");
        Label name = new Label(row.name() + " (" + row.kind() + ")");
        name.setMinWidth(300);
        name.setPrefWidth(300);
        name.setWrapText(true);
        Label state = new Label();
        state.setId(id + "-state");
        state.setWrapText(true);
        state.textProperty().bind(row.stateProperty());
        state.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(state, Priority.ALWAYS);
        HBox line = new HBox(8, name, state);
        line.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        if (row.registrable()) {
            Button register = new Button("Register");
            register.setId(id + "-register");
            register.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            register.disableProperty().bind(row.busyProperty());
            register.setOnAction(e -> viewModel.register(row));
            line.getChildren().add(register);
        }
        line.setId(id);
        return line;
    }

    private static void bindText(Label label, javafx.beans.value.ObservableStringValue text) {
        label.textProperty().bind(text);
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
    }
}
