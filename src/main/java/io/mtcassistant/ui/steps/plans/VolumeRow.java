package io.mtcassistant.ui.steps.plans;

import io.mtcassistant.plans.CopyMethod;
import io.mtcassistant.plans.PlanVolume;
import io.mtcassistant.plans.PvAction;
import io.mtcassistant.plans.PvChoice;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One discovered volume on the Persistent volumes page with the admin's choice (starting at the console's default). */
public final class VolumeRow {

    private final PlanVolume volume;
    private final ObjectProperty<PvAction> action = new SimpleObjectProperty<>();
    private final ObjectProperty<CopyMethod> copyMethod = new SimpleObjectProperty<>();
    private final StringProperty storageClass = new SimpleStringProperty();
    private final StringProperty accessMode = new SimpleStringProperty();
    private final BooleanProperty verify = new SimpleBooleanProperty();
    private final BooleanProperty capacityConfirmed = new SimpleBooleanProperty();

    VolumeRow(PlanVolume volume, PvChoice initial) {
        this.volume = volume;
        action.set(initial.action());
        copyMethod.set(initial.copyMethod());
        storageClass.set(initial.storageClass());
        accessMode.set(initial.accessMode());
        verify.set(Boolean.TRUE.equals(initial.verify()));
        capacityConfirmed.set(volume.capacityConfirmed());
    }

    public PlanVolume volume() {
        return volume;
    }

    public ObjectProperty<PvAction> actionProperty() {
        return action;
    }

    public ObjectProperty<CopyMethod> copyMethodProperty() {
        return copyMethod;
    }

    public StringProperty storageClassProperty() {
        return storageClass;
    }

    /** The target claim's access mode; null keeps the claim's own when the class offers it. */
    public StringProperty accessModeProperty() {
        return accessMode;
    }

    public BooleanProperty verifyProperty() {
        return verify;
    }

    /** The admin accepts the controller's proposed capacity (only offered when there is one). */
    public BooleanProperty capacityConfirmedProperty() {
        return capacityConfirmed;
    }

    /** "confirm the proposed capacity 8Gi" for a volume with a proposal, else null. */
    public String capacityText() {
        return volume.proposedCapacity() == null ? null : "confirm the proposed target capacity "
                + volume.proposedCapacity() + (volume.capacityConfirmed() ? " (confirmed)" : "");
    }

    PvChoice choice() {
        return new PvChoice(volume.name(), action.get(), copyMethod.get(), storageClass.get(), accessMode.get(),
                verify.get());
    }

    /** "wiki/wiki-db  5Gi  glusterfs-storage" */
    public String label() {
        return volume.namespace() + "/" + volume.claim() + "   " + volume.capacity() + "   " + volume.storageClass();
    }
}
