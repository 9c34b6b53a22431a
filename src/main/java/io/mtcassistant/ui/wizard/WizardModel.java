package io.mtcassistant.ui.wizard;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The steps of the wizard, which one is shown, and moving between them. */
public final class WizardModel {

    public static final String CLUSTERS = "clusters";
    public static final String COMPATIBILITY = "compatibility";
    public static final String MIRRORING = "mirroring";
    public static final String OPERATORS = "operators";
    public static final String NETWORK = "network";
    public static final String REPOSITORY = "repository";
    public static final String MONITOR = "monitor";

    private final ObservableList<WizardStep> steps;
    private final IntegerProperty currentIndex = new SimpleIntegerProperty(0);
    private final ObjectBinding<WizardStep> current;
    private final BooleanBinding canGoBack;
    private final BooleanBinding canGoNext;

    public WizardModel(List<WizardStep> steps) {
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("a wizard needs at least one step");
        }
        this.steps = FXCollections.unmodifiableObservableList(FXCollections.observableArrayList(steps));
        this.current = Bindings.createObjectBinding(() -> this.steps.get(currentIndex.get()), currentIndex);
        this.canGoBack = currentIndex.greaterThan(0);
        this.canGoNext = currentIndex.lessThan(steps.size() - 1);
    }

    /** The seven steps of the installation journey, in order. */
    public static WizardModel standard() {
        return new WizardModel(List.of(
                new WizardStep(CLUSTERS, "Clusters",
                        "Add kubeconfig files, choose the source and target clusters, and connect.", true),
                new WizardStep(COMPATIBILITY, "Compatibility",
                        "Check the MTC version, install method and control cluster for each cluster (Table 7.1).", true),
                new WizardStep(MIRRORING, "Mirroring",
                        "Copy the MTC catalog and images into your mirror registry or to disk.", true),
                new WizardStep(OPERATORS, "Operators",
                        "Install the MTC Operator on every cluster from the mirrored catalog.", true),
                new WizardStep(NETWORK, "Proxy & network",
                        "Set proxy fields, rsync transfer settings and network policies for migration pods.", true),
                new WizardStep(REPOSITORY, "Repository",
                        "Set up the replication repository (Multicloud Object Gateway or S3).", true),
                new WizardStep(MONITOR, "Monitor",
                        "Watch migration plans and migrations, and start, cancel or roll back.", true)));
    }

    public ObservableList<WizardStep> steps() {
        return steps;
    }

    public WizardStep step(String id) {
        return steps.stream().filter(s -> s.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no step " + id));
    }

    public IntegerProperty currentIndexProperty() {
        return currentIndex;
    }

    public ObjectBinding<WizardStep> currentProperty() {
        return current;
    }

    public WizardStep current() {
        return current.get();
    }

    public BooleanBinding canGoBackProperty() {
        return canGoBack;
    }

    public BooleanBinding canGoNextProperty() {
        return canGoNext;
    }

    public void back() {
        if (canGoBack.get()) {
            currentIndex.set(currentIndex.get() - 1);
        }
    }

    public void next() {
        if (canGoNext.get()) {
            currentIndex.set(currentIndex.get() + 1);
        }
    }

    public void goTo(WizardStep step) {
        int index = steps.indexOf(step);
        if (index < 0) {
            throw new IllegalArgumentException("not a step of this wizard: " + step);
        }
        currentIndex.set(index);
    }
}
