package io.mtcassistant.ui.steps.plans;

import io.mtcassistant.plans.HookPhase;
import io.mtcassistant.plans.PlanHook;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Hooks page: the hook in the form (an Ansible playbook or a custom image, its phase and where it runs) and the
 * plan's other hooks, kept as they are until one is taken into the form. Filled from an existing plan's hooks.
 */
public final class HooksPage {

    private static final String DEFAULT_NAMESPACE = "openshift-migration";
    private static final String DEFAULT_SERVICE_ACCOUNT = "migration-controller";

    private final BooleanProperty enabled = new SimpleBooleanProperty(false);
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty playbook = new SimpleStringProperty("");
    private final StringProperty image = new SimpleStringProperty("");
    private final ObjectProperty<HookPhase> phase = new SimpleObjectProperty<>(HookPhase.PreBackup);
    private final StringProperty namespace = new SimpleStringProperty(DEFAULT_NAMESPACE);
    private final StringProperty serviceAccount = new SimpleStringProperty(DEFAULT_SERVICE_ACCOUNT);
    private final ObservableList<PlanHook> others = FXCollections.observableArrayList();
    /** The plan's hook names in its order: hooks() keeps it, so an unchanged list is no change. */
    private final List<String> order = new ArrayList<>();
    // the form's hook as the plan had it: its cluster is kept while its phase is
    private PlanHook loaded;

    /** The plan's hooks: the first in the form, the others listed. */
    void load(List<PlanHook> planHooks) {
        order.clear();
        planHooks.forEach(h -> order.add(h.name()));
        others.setAll(planHooks);
        if (planHooks.isEmpty()) {
            clearForm(false);
        } else {
            take(planHooks.get(0));
        }
    }

    /** Puts one of the other hooks into the form; the form's hook joins the others. */
    public void take(PlanHook hook) {
        if (!others.remove(hook)) {
            return;
        }
        formHook().ifPresent(others::add);
        loaded = hook;
        enabled.set(true);
        name.set(hook.name());
        playbook.set(hook.playbook() == null ? "" : hook.playbook());
        image.set(hook.image() == null || !hook.custom() && hook.image().equals(PlanHook.HOOK_RUNNER_IMAGE) ? ""
                : hook.image());
        phase.set(hook.phase());
        namespace.set(hook.executionNamespace() == null ? "" : hook.executionNamespace());
        serviceAccount.set(hook.serviceAccount() == null ? "" : hook.serviceAccount());
    }

    /** Another hook: the form's hook joins the others and the form starts empty. */
    public void addAnother() {
        formHook().ifPresent(others::add);
        clearForm(true);
    }

    private void clearForm(boolean on) {
        loaded = null;
        enabled.set(on);
        name.set("");
        playbook.set("");
        image.set("");
        phase.set(HookPhase.PreBackup);
        namespace.set(DEFAULT_NAMESPACE);
        serviceAccount.set(DEFAULT_SERVICE_ACCOUNT);
    }

    private java.util.Optional<PlanHook> formHook() {
        if (!enabled.get()) {
            return java.util.Optional.empty();
        }
        String cluster = loaded != null && loaded.phase() == phase.get() ? loaded.targetCluster() : null;
        return java.util.Optional.of(new PlanHook(name.get().trim(), playbook.get().isBlank() ? null : playbook.get(),
                image.get().isBlank() ? null : image.get().trim(), phase.get(), cluster, namespace.get().trim(),
                serviceAccount.get().trim()));
    }

    /** The form's hook (when its box is ticked) and the others, in the plan's order, new ones last. */
    List<PlanHook> hooks() {
        List<PlanHook> all = new ArrayList<>(others);
        formHook().ifPresent(all::add);
        all.sort(Comparator.comparingInt(h -> order.contains(h.name()) ? order.indexOf(h.name()) : order.size()));
        return all;
    }

    /** The plan's other hooks, kept unchanged unless taken into the form. */
    public ObservableList<PlanHook> others() { return others; }
    public BooleanProperty enabledProperty() { return enabled; }
    public StringProperty nameProperty() { return name; }
    public StringProperty playbookProperty() { return playbook; }
    public StringProperty imageProperty() { return image; }
    public ObjectProperty<HookPhase> phaseProperty() { return phase; }
    public StringProperty namespaceProperty() { return namespace; }
    public StringProperty serviceAccountProperty() { return serviceAccount; }
}
