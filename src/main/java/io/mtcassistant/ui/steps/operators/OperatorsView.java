package io.mtcassistant.ui.steps.operators;

import java.io.IOException;
import java.io.UncheckedIOException;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/** Step 4 on screen; all behaviour is in {@link OperatorsViewModel}, one {@link ClusterCardView} per cluster. */
public final class OperatorsView {

    private final OperatorsViewModel viewModel;

    @FXML private ScrollPane root;
    @FXML private Label noticeLabel;
    @FXML private TextField resultsField;
    @FXML private Button chooseResultsButton;
    @FXML private HBox legacyArchiveBar;
    @FXML private TextField legacyArchiveField;
    @FXML private Button chooseLegacyArchiveButton;
    @FXML private TextField versionField;
    @FXML private CheckBox disableSourcesBox;
    @FXML private Button planButton;
    @FXML private Label problemLabel;
    @FXML private VBox cardBox;

    private OperatorsView(OperatorsViewModel viewModel) {
        this.viewModel = viewModel;
    }

    public static ScrollPane create(OperatorsViewModel viewModel) {
        FXMLLoader loader = new FXMLLoader(OperatorsView.class.getResource("operators.fxml"));
        loader.setController(new OperatorsView(viewModel));
        try {
            ScrollPane page = loader.load();
            page.getStylesheets().add(OperatorsView.class.getResource("operators.css").toExternalForm());
            return page;
        } catch (IOException e) {
            throw new UncheckedIOException("operators.fxml is part of the app and must load", e);
        }
    }

    @FXML
    private void initialize() {
        noticeLabel.textProperty().bind(viewModel.noticeProperty());
        showWhenText(noticeLabel);
        problemLabel.textProperty().bind(viewModel.problemProperty());
        showWhenText(problemLabel);
        resultsField.textProperty().bindBidirectional(viewModel.resultsDirProperty());
        resultsField.setOnAction(e -> viewModel.readResults());
        chooseResultsButton.setOnAction(e -> viewModel.chooseResultsFolder());
        legacyArchiveField.textProperty().bindBidirectional(viewModel.legacyArchiveProperty());
        chooseLegacyArchiveButton.setOnAction(e -> viewModel.chooseLegacyArchive());
        legacyArchiveBar.visibleProperty().bind(viewModel.legacyClustersProperty());
        legacyArchiveBar.managedProperty().bind(legacyArchiveBar.visibleProperty());
        versionField.textProperty().bindBidirectional(viewModel.mtcVersionProperty());
        disableSourcesBox.selectedProperty().bindBidirectional(viewModel.disableDefaultSourcesProperty());
        planButton.setOnAction(e -> viewModel.planAll());
        planButton.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(viewModel.cards()));
        viewModel.cards().addListener((ListChangeListener<ClusterCard>) change -> showCards());
        showCards();
        Timeline ticker = new Timeline(new KeyFrame(Duration.seconds(1), e -> viewModel.tick()));
        ticker.setCycleCount(Animation.INDEFINITE);
        ticker.play();
    }

    private void showCards() {
        cardBox.getChildren().setAll(viewModel.cards().stream().map(card -> ClusterCardView.create(card, viewModel)).toList());
    }

    static void showWhenText(Label label) {
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
    }
}
