package io.mtcassistant.ui.steps.clusters;

import io.mtcassistant.cluster.ClusterFacts;
import io.mtcassistant.cluster.ClusterRole;
import io.mtcassistant.cluster.ClusterSession;
import io.mtcassistant.cluster.ConnectOptions;
import io.mtcassistant.cluster.ConnectionFailure;
import io.mtcassistant.cluster.ContextEntry;
import java.nio.file.Path;
import java.time.Duration;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

/** One kubeconfig context on the Clusters page: its role, its connection and what the connection found. */
public final class ContextRow {

    private final ContextEntry entry;
    private final ReadOnlyObjectWrapper<ClusterRole> role = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ConnectionState> connection = new ReadOnlyObjectWrapper<>(ConnectionState.NOT_CONNECTED);
    private final ReadOnlyObjectWrapper<ClusterFacts> facts = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ConnectionFailure> failure = new ReadOnlyObjectWrapper<>();
    private final BooleanProperty skipTlsVerify = new SimpleBooleanProperty(false);
    private final ObjectProperty<Path> caFile = new SimpleObjectProperty<>();
    private ClusterSession session;
    // Results of an attempt that was overtaken by a newer one (or a reload) are dropped.
    private int attempt;

    public ContextRow(ContextEntry entry) {
        this.entry = entry;
    }

    public ContextEntry entry() {
        return entry;
    }

    public String name() {
        return entry.name();
    }

    public ReadOnlyObjectProperty<ClusterRole> roleProperty() {
        return role.getReadOnlyProperty();
    }

    public ClusterRole role() {
        return role.get();
    }

    void setRole(ClusterRole newRole) {
        role.set(newRole);
    }

    public ReadOnlyObjectProperty<ConnectionState> connectionProperty() {
        return connection.getReadOnlyProperty();
    }

    public ConnectionState connection() {
        return connection.get();
    }

    public ReadOnlyObjectProperty<ClusterFacts> factsProperty() {
        return facts.getReadOnlyProperty();
    }

    public ClusterFacts facts() {
        return facts.get();
    }

    public ReadOnlyObjectProperty<ConnectionFailure> failureProperty() {
        return failure.getReadOnlyProperty();
    }

    public ConnectionFailure failure() {
        return failure.get();
    }

    /** The explicit "skip TLS verification" switch; off unless the user turns it on. */
    public BooleanProperty skipTlsVerifyProperty() {
        return skipTlsVerify;
    }

    public ObjectProperty<Path> caFileProperty() {
        return caFile;
    }

    public ClusterSession session() {
        return session;
    }

    ConnectOptions options(Duration timeout) {
        return ConnectOptions.defaults().withTimeout(timeout).withSkipTlsVerify(skipTlsVerify.get()).withCaFile(caFile.get());
    }

    int startAttempt() {
        closeSession();
        connection.set(ConnectionState.CONNECTING);
        facts.set(null);
        failure.set(null);
        return ++attempt;
    }

    boolean isCurrent(int attemptNumber) {
        return attempt == attemptNumber;
    }

    /** Facts first, then the state: listeners that see CONNECTED always find the facts. */
    void connected(ClusterSession newSession) {
        session = newSession;
        failure.set(null);
        facts.set(newSession.facts());
        connection.set(ConnectionState.CONNECTED);
    }

    void failed(ConnectionFailure why) {
        failure.set(why);
        connection.set(ConnectionState.FAILED);
        facts.set(null);
    }

    /** Drops the connection (for example when the kubeconfig files change). */
    void disconnect() {
        attempt++;
        closeSession();
        connection.set(ConnectionState.NOT_CONNECTED);
        facts.set(null);
        failure.set(null);
    }

    private void closeSession() {
        if (session != null) {
            ClusterSession old = session;
            session = null;
            old.close();
        }
    }
}
