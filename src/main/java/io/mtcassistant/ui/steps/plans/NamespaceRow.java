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

    NamespaceRow(SourceNamespace namespace) {
        this.namespace = namespace;
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
        return namespace.name() + "   " + namespace.pods() + " pods, " + namespace.persistentVolumeClaims() + " PVCs"
                + (namespace.isSystem() ? "   (system namespace: not supported)" : "");
    }
}
