package io.mtcassistant.ui.steps.operators;

import io.mtcassistant.cluster.ClusterSession;
import io.mtcassistant.compat.ClusterPlan;
import io.mtcassistant.install.InstallVerification;
import io.mtcassistant.install.plan.ChangePlan;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** One connected cluster on the Operators page: its install decision, plan, apply, verification and uninstall. */
public final class ClusterCard {

    /** Where the cluster's install stands. */
    public enum Stage { NO_PLAN, PLANNING, PLANNED, INSTALLING, VERIFYING, VERIFIED, FAILED }

    private final ClusterPlan decision;
    private final ClusterSession session;
    private final ObservableList<ActionRow> actions = FXCollections.observableArrayList();
    private final ObservableList<InstallVerification.Check> checks = FXCollections.observableArrayList();
    private final ObservableList<String> deletions = FXCollections.observableArrayList();
    private final ObservableList<ActionRow> uninstallActions = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Stage> stage = new ReadOnlyObjectWrapper<>(Stage.NO_PLAN);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper elapsed = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper consoleUrl = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper uninstallStatus = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper uninstalling = new ReadOnlyBooleanWrapper();
    private final StringProperty confirmation = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper upgradeOffer = new ReadOnlyStringWrapper("");
    ChangePlan plan;
    /** The admin chose the card's Upgrade: plans upgrade an older MTC on the cluster instead of refusing it. */
    boolean upgrade;
    ChangePlan uninstallPlan;
    long startedNanos;

    ClusterCard(ClusterPlan decision, ClusterSession session) {
        this.decision = decision;
        this.session = session;
    }

    public String context() {
        return decision.context();
    }

    ClusterSession session() {
        return session;
    }

    ClusterPlan decision() {
        return decision;
    }

    /** "OpenShift 4.12 · OLM, channel release-v1.7 · control cluster (source)" */
    public String summary() {
        String platform = decision.openshiftVersion() == null ? "OpenShift ?" : "OpenShift " + decision.openshiftVersion();
        String method = decision.install() == null ? "no install method decided" : decision.install().summary();
        String role = (decision.controlCluster() ? "control cluster: controller, web console and Velero"
                : "remote cluster: Velero only") + " (" + decision.role().label() + ")";
        return platform + " · " + method + " · " + role;
    }

    public String planTitle() {
        return plan == null ? "" : plan.title();
    }

    public java.util.List<String> planNotes() {
        return plan == null ? java.util.List.of() : plan.notes();
    }

    public ObservableList<ActionRow> actions() {
        return actions;
    }

    public ObservableList<InstallVerification.Check> checks() {
        return checks;
    }

    /** Exactly what Uninstall deletes, as "Kind name" lines found on the cluster. */
    public ObservableList<String> deletions() {
        return deletions;
    }

    public ObservableList<ActionRow> uninstallActions() {
        return uninstallActions;
    }

    public ReadOnlyObjectProperty<Stage> stageProperty() {
        return stage.getReadOnlyProperty();
    }

    public Stage stage() {
        return stage.get();
    }

    void stage(Stage value) {
        stage.set(value);
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    void status(String value) {
        status.set(value);
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    void problem(String value) {
        problem.set(value);
    }

    public ReadOnlyStringProperty elapsedProperty() {
        return elapsed.getReadOnlyProperty();
    }

    void elapsed(String value) {
        elapsed.set(value);
    }

    public ReadOnlyStringProperty consoleUrlProperty() {
        return consoleUrl.getReadOnlyProperty();
    }

    void consoleUrl(String value) {
        consoleUrl.set(value == null ? "" : value);
    }

    public ReadOnlyStringProperty uninstallStatusProperty() {
        return uninstallStatus.getReadOnlyProperty();
    }

    void uninstallStatus(String value) {
        uninstallStatus.set(value);
    }

    public ReadOnlyBooleanProperty uninstallingProperty() {
        return uninstalling.getReadOnlyProperty();
    }

    void uninstalling(boolean value) {
        uninstalling.set(value);
    }

    /** "Upgrade to 1.8.8" when the cluster runs an older MTC that OLM can upgrade; empty otherwise. */
    public ReadOnlyStringProperty upgradeOfferProperty() {
        return upgradeOffer.getReadOnlyProperty();
    }

    void upgradeOffer(String value) {
        upgradeOffer.set(value);
    }

    /** What the admin typed to confirm the uninstall; must equal the context's name. */
    public StringProperty confirmationProperty() {
        return confirmation;
    }
}
