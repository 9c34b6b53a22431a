package io.mtcassistant.ui.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WizardModelTest {

    private final WizardModel model = WizardModel.standard();

    @Test
    void theJourneyHasSevenStepsInOrderAndClustersAndCompatibilityAreAvailable() {
        assertThat(model.steps()).extracting(WizardStep::title).containsExactly(
                "Clusters", "Compatibility", "Mirroring", "Operators", "Proxy & network", "Repository", "Monitor");
        assertThat(model.steps()).filteredOn(WizardStep::available).extracting(WizardStep::id)
                .containsExactly(WizardModel.CLUSTERS, WizardModel.COMPATIBILITY, WizardModel.MIRRORING,
                        WizardModel.OPERATORS, WizardModel.NETWORK, WizardModel.REPOSITORY, WizardModel.MONITOR);
        assertThat(model.steps()).allMatch(step -> step.state() == StepState.NOT_STARTED);
    }

    @Test
    void backAndNextMoveOneStepAndStopAtTheEnds() {
        assertThat(model.current().id()).isEqualTo(WizardModel.CLUSTERS);
        assertThat(model.canGoBackProperty().get()).isFalse();
        model.back();
        assertThat(model.currentIndexProperty().get()).isZero();

        model.next();
        assertThat(model.current().id()).isEqualTo(WizardModel.COMPATIBILITY);
        assertThat(model.canGoBackProperty().get()).isTrue();

        model.goTo(model.step(WizardModel.MONITOR));
        assertThat(model.canGoNextProperty().get()).isFalse();
        model.next();
        assertThat(model.current().id()).isEqualTo(WizardModel.MONITOR);
        model.back();
        assertThat(model.current().id()).isEqualTo(WizardModel.REPOSITORY);
    }
}
