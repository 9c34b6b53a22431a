package io.mtcassistant.ui.steps.plans;

import io.mtcassistant.plans.NamespaceMapping;
import io.mtcassistant.plans.PlanInventory;
import io.mtcassistant.plans.SourceNamespace;
import java.util.List;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/** The Namespaces page: the source's namespaces with a filter, ticked ones (optionally renamed) go in the plan. */
public final class NamespacesPage {

    private final ObservableList<NamespaceRow> namespaces = FXCollections.observableArrayList();
    private final FilteredList<NamespaceRow> shownNamespaces = new FilteredList<>(namespaces);
    private final StringProperty filter = new SimpleStringProperty("");
    private final StringProperty limitsText = new SimpleStringProperty("");

    NamespacesPage() {
        filter.addListener((obs, old, text) -> shownNamespaces.setPredicate(row -> text == null
                || text.isBlank() || row.namespace().name().contains(text.trim())));
    }

    void load(PlanInventory read) {
        namespaces.setAll((read.sourceNamespaces() == null ? List.<SourceNamespace>of() : read.sourceNamespaces())
                .stream().map(NamespaceRow::new).toList());
        limitsText.set("Limits per plan (MigrationController): " + read.limits().namespaces() + " namespaces, "
                + read.limits().pods() + " pods, " + read.limits().persistentVolumes() + " persistent volumes");
    }

    /**
     * Ticks an existing plan's namespaces and fills their target names; one the source does not list (or a source not
     * connected) gets its own row, so an edit never drops it unseen.
     */
    void select(List<NamespaceMapping> mappings) {
        for (NamespaceMapping mapping : mappings) {
            NamespaceRow row = namespaces.stream().filter(r -> r.namespace().name().equals(mapping.source()))
                    .findFirst().orElseGet(() -> {
                        NamespaceRow added = new NamespaceRow(new SourceNamespace(mapping.source(), 0, 0), false);
                        namespaces.add(added);
                        return added;
                    });
            row.selectedProperty().set(true);
            row.targetNameProperty().set(mapping.target() == null || mapping.target().equals(mapping.source()) ? ""
                    : mapping.target());
        }
    }

    List<NamespaceMapping> selected() {
        return namespaces.stream().filter(r -> r.selectedProperty().get()).map(NamespaceRow::mapping).toList();
    }

    public FilteredList<NamespaceRow> shownNamespaces() { return shownNamespaces; }
    public StringProperty filterProperty() { return filter; }
    public StringProperty limitsTextProperty() { return limitsText; }
}
