package io.mtcassistant.ui.steps.clusters;

import io.mtcassistant.cluster.ClusterReport;
import io.mtcassistant.cluster.ClusterFacts;
import io.mtcassistant.cluster.ClusterRole;
import io.mtcassistant.cluster.ConnectionFailure;
import io.mtcassistant.cluster.FailureKind;
import io.mtcassistant.ui.common.Icons;
import javafx.beans.InvalidationListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/** What a connection found for one cluster with a role, or why it failed and what to do about it. */
final class ClusterCard extends VBox {

    private final ContextRow row;
    private final ClustersViewModel viewModel;
    private final VBox body = new VBox(8);
    private final Label stateBadge = new Label();
    private final Label roleBadge = new Label();
    // Kept so the card stops listening when it is dropped (rows outlive cards).
    private final InvalidationListener redraw = obs -> render();

    ClusterCard(ContextRow row, ClustersViewModel viewModel) {
        this.row = row;
        this.viewModel = viewModel;
        getStyleClass().add("cluster-card");
        setId("card-" + row.name());
        setSpacing(10);

        Label name = new Label(row.name(), Icons.icon(MaterialDesignS.SERVER));
        name.getStyleClass().add("card-title");
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox header = new HBox(8, roleBadge, name, grow, stateBadge);
        header.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(header, body);

        row.roleProperty().addListener(redraw);
        row.connectionProperty().addListener(redraw);
        row.factsProperty().addListener(redraw);
        row.failureProperty().addListener(redraw);
        render();
    }

    void detach() {
        row.roleProperty().removeListener(redraw);
        row.connectionProperty().removeListener(redraw);
        row.factsProperty().removeListener(redraw);
        row.failureProperty().removeListener(redraw);
    }

    private void render() {
        ClusterRole role = row.role();
        roleBadge.setText(role == null ? "" : role.label());
        roleBadge.getStyleClass().setAll("label", "role-badge", role == null ? "role-none" : "role-" + role.name().toLowerCase());
        stateBadge.setText(row.connection().label());
        stateBadge.getStyleClass().setAll("label", "state-badge", "state-" + row.connection().name().toLowerCase().replace('_', '-'));
        body.getChildren().setAll(switch (row.connection()) {
            case NOT_CONNECTED -> muted("Not connected yet. Use Connect above.");
            case CONNECTING -> connecting();
            case CONNECTED -> row.facts() == null ? muted("Connected.") : facts(row.facts());
            case FAILED -> row.failure() == null ? muted("Connection failed.") : failure(row.failure());
        });
    }

    private Node connecting() {
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(18, 18);
        Label text = new Label("Connecting to " + (row.entry().server() == null ? row.name() : row.entry().server()) + "…");
        HBox box = new HBox(8, spinner, text);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private Node facts(ClusterFacts facts) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("facts-grid");
        grid.setHgap(16);
        grid.setVgap(2);
        ColumnConstraints keys = new ColumnConstraints();
        keys.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(keys, values);
        int line = 0;
        addFact(grid, line++, "API URL", facts.apiUrl());
        addFact(grid, line++, "Kubernetes", facts.kubernetesVersion());
        // Worded by the cluster package, as the command line's table words it.
        addFact(grid, line++, "OpenShift", ClusterReport.openShiftText(facts));
        addFact(grid, line++, "Platform", facts.platform() == null ? "unknown" : facts.platform().description());
        addFact(grid, line, "User", facts.user());

        Label admin = new Label("cluster-admin: " + ClusterReport.adminText(facts.clusterAdmin()),
                Icons.icon(facts.clusterAdmin() ? MaterialDesignS.SHIELD_CHECK : MaterialDesignS.SHIELD_ALERT_OUTLINE));
        admin.getStyleClass().addAll("admin-verdict", facts.clusterAdmin() ? "admin-yes" : "admin-no");
        admin.setId("admin-" + row.name());
        VBox box = new VBox(8, grid, admin);
        if (!facts.clusterAdmin()) {
            box.getChildren().add(wrapped("MTC needs cluster-admin on every cluster. Use a kubeconfig user that has it.", "hint"));
        }
        if (row.skipTlsVerifyProperty().get()) {
            box.getChildren().add(wrapped("TLS verification is skipped for this cluster, as you chose. "
                    + "The server's identity was not checked.", "warning-text"));
        }
        return box;
    }

    private static void addFact(GridPane grid, int line, String key, String value) {
        Label keyLabel = new Label(key);
        keyLabel.getStyleClass().add("fact-key");
        Label valueLabel = new Label(value == null || value.isBlank() ? "—" : value);
        valueLabel.getStyleClass().add("fact-value");
        valueLabel.setTooltip(new Tooltip(valueLabel.getText()));
        grid.addRow(line, keyLabel, valueLabel);
    }

    private Node failure(ConnectionFailure failure) {
        Label title = new Label(failure.kind().title(), Icons.icon(MaterialDesignA.ALERT_CIRCLE));
        title.getStyleClass().add("failure-title");
        Label summary = wrapped(failure.summary(), "failure-summary");
        Label next = wrapped("Next step: " + failure.nextStep(), "failure-next");
        Hyperlink details = new Hyperlink("Show details");
        details.setOnAction(e -> viewModel.showFailureDetails(row));
        boolean hasDetail = failure.detail() != null && !failure.detail().isBlank();
        details.setVisible(hasDetail);
        details.setManaged(hasDetail);
        VBox box = new VBox(6, title, summary, next);

        FlowPane actions = new FlowPane(8, 6);
        actions.setAlignment(Pos.CENTER_LEFT);
        if (failure.kind() == FailureKind.TLS_UNTRUSTED) {
            Button ca = new Button("Trust a CA file…", Icons.icon(MaterialDesignC.CERTIFICATE));
            ca.setOnAction(e -> viewModel.chooseCaFile(row));
            CheckBox skip = new CheckBox("Skip TLS verification (insecure)");
            skip.setId("skip-tls-" + row.name());
            skip.selectedProperty().bindBidirectional(row.skipTlsVerifyProperty());
            actions.getChildren().addAll(ca, skip);
        }
        Button retry = new Button("Retry", Icons.icon(MaterialDesignR.REFRESH));
        retry.setId("retry-" + row.name());
        retry.setOnAction(e -> viewModel.retry(row));
        actions.getChildren().addAll(retry, details);
        box.getChildren().add(actions);
        box.getStyleClass().add("failure-box");
        return box;
    }

    private static Label muted(String text) {
        return wrapped(text, "muted");
    }

    private static Label wrapped(String text, String styleClass) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.getStyleClass().add(styleClass);
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }
}
