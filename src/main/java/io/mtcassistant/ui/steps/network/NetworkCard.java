package io.mtcassistant.ui.steps.network;

import io.mtcassistant.cluster.ClusterRole;
import io.mtcassistant.cluster.ClusterSession;
import io.mtcassistant.install.plan.ChangePlan;
import io.mtcassistant.network.ControllerSettings;
import io.mtcassistant.network.FieldProblem;
import io.mtcassistant.network.ProxySettings;
import io.mtcassistant.ui.steps.operators.ActionRow;
import java.util.List;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One cluster on the Proxy &amp; network page: the proxy in effect, the override fields with their inline problems, the
 * no_proxy tester, the findings and the change plan with live states. Use on the FX thread.
 */
public final class NetworkCard {

    private final String context;
    private final ClusterRole role;
    private final ClusterSession session;
    final StringProperty httpProxy = new SimpleStringProperty("");
    final StringProperty httpsProxy = new SimpleStringProperty("");
    final StringProperty noProxy = new SimpleStringProperty("");
    final StringProperty stunnelTcpProxy = new SimpleStringProperty("");
    final StringProperty rsyncEndpointType = new SimpleStringProperty("");
    final StringProperty srcGroups = new SimpleStringProperty("");
    final StringProperty targetGroups = new SimpleStringProperty("");
    final StringProperty testAddress = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper testAnswer = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper fieldProblems = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper proxyInEffect = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper upgrade = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper reconciled = new ReadOnlyStringWrapper("");
    private final ObservableList<String> findings = FXCollections.observableArrayList();
    private final ObservableList<ActionRow> actions = FXCollections.observableArrayList();
    ChangePlan shownPlan;
    ChangePlan applyPlan;

    NetworkCard(String context, ClusterRole role, ClusterSession session) {
        this.context = context;
        this.role = role;
        this.session = session;
        for (StringProperty field : List.of(httpProxy, httpsProxy, noProxy, stunnelTcpProxy, rsyncEndpointType, srcGroups,
                targetGroups)) {
            field.addListener((obs, old, value) -> validate());
        }
        testAddress.addListener((obs, old, value) -> test());
    }

    /**
     * Blank fields are left as they are on the cluster (no key is removed from the page); rsync_endpoint_type only on
     * the target, where the controller reads it.
     */
    ControllerSettings settings() {
        return new ControllerSettings(orNull(httpProxy), orNull(httpsProxy), orNull(noProxy), orNull(stunnelTcpProxy),
                setsRsyncEndpointType() ? orNull(rsyncEndpointType) : null, orNull(srcGroups), orNull(targetGroups));
    }

    /** Only the destination's rsync_endpoint_type counts (the source's would be ignored). */
    public boolean setsRsyncEndpointType() {
        return role == ClusterRole.TARGET;
    }

    private static String orNull(StringProperty p) {
        return p.get() == null || p.get().isBlank() ? null : p.get();
    }

    private void validate() {
        List<FieldProblem> problems = settings().check();
        fieldProblems.set(String.join("\n", problems.stream().map(FieldProblem::toString).toList()));
        test();
    }

    private void test() {
        String address = testAddress.get();
        if (address == null || address.isBlank()) {
            testAnswer.set("");
            return;
        }
        try {
            var decision = ProxySettings.parse(httpProxy.get(), httpsProxy.get(), noProxy.get()).decide(address);
            testAnswer.set((decision.proxied() ? "proxied: " : "direct: ") + decision.why());
        } catch (IllegalArgumentException e) {
            testAnswer.set(e.getMessage());
        }
    }

    public String context() {
        return context;
    }

    public ClusterRole role() {
        return role;
    }

    ClusterSession session() {
        return session;
    }

    public ObservableList<String> findings() {
        return findings;
    }

    public ObservableList<ActionRow> actions() {
        return actions;
    }

    public ReadOnlyStringProperty fieldProblemsProperty() {
        return fieldProblems.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty testAnswerProperty() {
        return testAnswer.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty proxyInEffectProperty() {
        return proxyInEffect.getReadOnlyProperty();
    }

    void proxyInEffect(String text) {
        proxyInEffect.set(text);
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    void status(String text) {
        status.set(text);
    }

    /** After an apply that patched the MigrationController: what the operator made of it (no secret values). */
    public ReadOnlyStringProperty reconciledProperty() {
        return reconciled.getReadOnlyProperty();
    }

    void reconciled(String text) {
        reconciled.set(text);
    }

    public ReadOnlyStringProperty upgradeProperty() {
        return upgrade.getReadOnlyProperty();
    }

    void upgrade(String text) {
        upgrade.set(text);
    }

    public StringProperty httpsProxyProperty() {
        return httpsProxy;
    }

    public StringProperty noProxyProperty() {
        return noProxy;
    }

    public StringProperty stunnelTcpProxyProperty() {
        return stunnelTcpProxy;
    }

    public StringProperty testAddressProperty() {
        return testAddress;
    }
}
