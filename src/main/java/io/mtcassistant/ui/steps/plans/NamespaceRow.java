package io.mtcassistant.ui.steps.plans;

import io.mtcassistant.plans.NamespaceMapping;
import io.mtcassistant.plans.SourceNamespace;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One source namespace on the Namespaces page: chosen or not, and its name on the target. */
public final class NamespaceRow {

    private final SourceNamespace namespace;
    private final BooleanProperty selected = new SimpleBooleanProperty();
    private final StringProperty targetName = new SimpleStringProperty("");
    private final boolean onSource;

    NamespaceRow(SourceNamespace namespace) {
        this(namespace, true);
    }

    /** @param onSource false for a namespace of an existing plan that the source did not list */
    NamespaceRow(SourceNamespace namespace, boolean onSource) {
        this.namespace = namespace;
        this.onSource = onSource;
    }

    public SourceNamespace namespace() {
        return namespace;
    }

    public BooleanProperty selectedProperty() {
        return selected;
    }

    public StringProperty targetNameProperty() {
        return targetName;
    }

    NamespaceMapping mapping() {
        String target = targetName.get() == null ? "" : targetName.get().trim();
        return new NamespaceMapping(namespace.name(), target);
    }

    /** "wiki  2 pods, 2 PVCs" with the system flag. */
    public String label() {
        if (!onSource) {
            return namespace.name() + "   (in the plan; not listed by the source, or the source is not connected)";
        }
        return namespace.name() + "   " + namespace.pods() + " pods, " + namespace.persistentVolumeClaims() + " PVCs"
                + (namespace.isSystem() ? "   (system namespace: not supported)" : "");
    }
}
