package io.mtcassistant.ui.steps.plans;

import io.mtcassistant.plans.HookPhase;
import io.mtcassistant.plans.PlanHook;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The Hooks page: one optional hook, an Ansible playbook or a custom image, with its phase and where it runs. */
public final class HooksPage {

    private final BooleanProperty enabled = new SimpleBooleanProperty(false);
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty playbook = new SimpleStringProperty("");
    private final StringProperty image = new SimpleStringProperty("");
    private final ObjectProperty<HookPhase> phase = new SimpleObjectProperty<>(HookPhase.PreBackup);
    private final StringProperty namespace = new SimpleStringProperty("openshift-migration");
    private final StringProperty serviceAccount = new SimpleStringProperty("migration-controller");

    /** The hook as typed, or none when the page's box is not ticked. */
    List<PlanHook> hooks() {
        return enabled.get() ? List.of(new PlanHook(name.get().trim(), playbook.get().isBlank() ? null
                : playbook.get(), image.get().isBlank() ? null : image.get().trim(), phase.get(), null,
                namespace.get().trim(), serviceAccount.get().trim())) : List.of();
    }

    public BooleanProperty enabledProperty() { return enabled; }
    public StringProperty nameProperty() { return name; }
    public StringProperty playbookProperty() { return playbook; }
    public StringProperty imageProperty() { return image; }
    public ObjectProperty<HookPhase> phaseProperty() { return phase; }
    public StringProperty namespaceProperty() { return namespace; }
    public StringProperty serviceAccountProperty() { return serviceAccount; }
}
