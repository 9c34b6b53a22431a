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
}
