package io.mtcassistant.ui.steps.plans;

import io.mtcassistant.plans.PlanInventory;
import io.mtcassistant.plans.ReadyChoice;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The General page: the plan's name, its source and target MigClusters and its MigStorage (Ready ones offered). */
public final class GeneralPage {

    private final StringProperty name = new SimpleStringProperty("");
    private final ObservableList<ReadyChoice> clusters = FXCollections.observableArrayList();
    private final ObservableList<ReadyChoice> storages = FXCollections.observableArrayList();
    private final ObjectProperty<ReadyChoice> source = new SimpleObjectProperty<>();
    private final ObjectProperty<ReadyChoice> target = new SimpleObjectProperty<>();
    private final ObjectProperty<ReadyChoice> storage = new SimpleObjectProperty<>();
    private final StringProperty notReady = new SimpleStringProperty("");
    private final javafx.beans.property.BooleanProperty locked = new javafx.beans.property.SimpleBooleanProperty(false);

    /** Offers what the inventory holds; preselects a source with a registry route, another target, a storage. */
    void load(PlanInventory read) {
        clusters.setAll(read.clusters());
        storages.setAll(read.storages());
        List<String> why = new ArrayList<>();
        read.clusters().stream().filter(c -> !c.ready()).forEach(c -> why.add("MigCluster " + c.name() + ": " + c.why()));
        read.storages().stream().filter(c -> !c.ready()).forEach(c -> why.add("MigStorage " + c.name() + ": " + c.why()));
        notReady.set(why.isEmpty() ? "" : "Not offered (not Ready):\n" + String.join("\n", why));
        read.clusters().stream().filter(c -> c.ready() && c.registryPath() != null).findFirst().ifPresent(source::set);
        read.clusters().stream().filter(c -> c.ready() && c != source.get()).findFirst().ifPresent(target::set);
        read.storages().stream().filter(ReadyChoice::ready).findFirst().ifPresent(storage::set);
    }

    /**
     * An existing plan: its name, clusters and repository are shown and locked (an edit changes namespaces, volumes,
     * options and hooks; the console does not move a plan to other clusters either).
     */
    void showPlan(com.fasterxml.jackson.databind.JsonNode plan) {
        com.fasterxml.jackson.databind.JsonNode spec = plan.path("spec");
        locked.set(true);
        name.set(plan.path("metadata").path("name").asText());
        source.set(find(clusters, spec.path("srcMigClusterRef").path("name").asText()));
        target.set(find(clusters, spec.path("destMigClusterRef").path("name").asText()));
        storage.set(find(storages, spec.path("migStorageRef").path("name").asText()));
    }

    private static ReadyChoice find(List<ReadyChoice> choices, String name) {
        return choices.stream().filter(c -> c.name().equals(name)).findFirst()
                .orElse(new ReadyChoice(name, false, "not found on the control cluster", null));
    }

    String planName() {
        return name.get().trim();
    }

    static String nameOf(ObjectProperty<ReadyChoice> choice) {
        return choice.get() == null ? null : choice.get().name();
    }

    public StringProperty nameProperty() { return name; }
    public ObservableList<ReadyChoice> clusters() { return clusters; }
    public ObservableList<ReadyChoice> storages() { return storages; }
    public ObjectProperty<ReadyChoice> sourceProperty() { return source; }
    public ObjectProperty<ReadyChoice> targetProperty() { return target; }
    public ObjectProperty<ReadyChoice> storageProperty() { return storage; }
    public StringProperty notReadyProperty() { return notReady; }
    /** True when editing an existing plan: name, clusters and repository stay. */
    public javafx.beans.property.BooleanProperty lockedProperty() { return locked; }
}
