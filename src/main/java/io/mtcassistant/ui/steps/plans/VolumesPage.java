package io.mtcassistant.ui.steps.plans;

import com.fasterxml.jackson.databind.JsonNode;
import io.mtcassistant.plans.DestStorageClass;
import io.mtcassistant.plans.PlanVolume;
import io.mtcassistant.plans.PvChoice;
import io.mtcassistant.plans.PvSelections;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The Persistent volumes page: the volumes the controller discovered, each with the admin's choice. */
public final class VolumesPage {

    private final ObservableList<VolumeRow> volumes = FXCollections.observableArrayList();
    private final ObservableList<String> targetStorageClasses = FXCollections.observableArrayList();
    private List<DestStorageClass> classes = List.of();

    /** The live plan's volumes with the console's defaults (or the selections already saved). */
    void show(JsonNode plan) {
        classes = DestStorageClass.listFrom(plan);
        targetStorageClasses.setAll(classes.stream().map(DestStorageClass::name).toList());
        List<PlanVolume> discovered = PlanVolume.listFrom(plan);
        List<PvChoice> defaults = PvSelections.resolve(plan, List.of());
        List<VolumeRow> rows = new ArrayList<>();
        for (int i = 0; i < discovered.size(); i++) {
            rows.add(new VolumeRow(discovered.get(i), defaults.get(i)));
        }
        volumes.setAll(rows);
    }

    List<PvChoice> choices() {
        return volumes.stream().map(VolumeRow::choice).toList();
    }

    /** Volumes whose proposed capacity the admin has ticked (spec.persistentVolumes[].capacityConfirmed). */
    List<String> confirmedCapacities() {
        return volumes.stream().filter(r -> r.volume().proposedCapacity() != null
                && r.capacityConfirmedProperty().get()).map(r -> r.volume().name()).toList();
    }

    /** The access modes a target storage class offers (status.destStorageClasses), for the access-mode choice. */
    public List<String> accessModesOf(String storageClass) {
        return classes.stream().filter(c -> c.name().equals(storageClass)).findFirst()
                .map(c -> List.copyOf(c.accessModes())).orElse(List.of());
    }

    public ObservableList<VolumeRow> volumes() { return volumes; }
    public ObservableList<String> targetStorageClasses() { return targetStorageClasses; }
}
