package io.mtcassistant.ui.steps.repository;

import io.mtcassistant.cluster.ClusterSession;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One MigCluster as the Repository page shows it: the host one the operator made, or a remote cluster with its
 * registration state. Only a connected remote can be registered (its token is read from it). Use on the FX thread.
 */
public final class RegistrationRow {

    private final String name;
    private final String kind;
    private final ClusterSession remote;
    private final boolean insecureRemote;
    private final ReadOnlyStringWrapper state = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);

    RegistrationRow(String name, String kind, ClusterSession remote, boolean insecureRemote, String state) {
        this.name = name;
        this.kind = kind;
        this.remote = remote;
        this.insecureRemote = insecureRemote;
        this.state.set(state);
    }

    public String name() {
        return name;
    }

    /** The control cluster's own, "remote" or "remote, not connected here". */
    public String kind() {
        return kind;
    }

    public boolean registrable() {
        return remote != null;
    }

    ClusterSession remote() {
        return remote;
    }

    /** The workstation skips verifying this cluster's API certificate, so the MigCluster cannot be given its CA. */
    boolean insecureRemote() {
        return insecureRemote;
    }

    public ReadOnlyStringProperty stateProperty() {
        return state.getReadOnlyProperty();
    }

    void state(String text) {
        state.set(text);
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    void busy(boolean value) {
        busy.set(value);
    }
}
