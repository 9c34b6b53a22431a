package io.mtcassistant.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtcassistant.sim.SimulatedEnvironment;
import org.junit.jupiter.api.Test;

/** Issue 16, point 3: the staged words the user reads while the demo's simulation starts. */
class SimulationStartProgressTest {

    @Test
    void countsThePartsAsTheyComeUpAndNamesTheLatest() {
        SimulationStartProgress progress = new SimulationStartProgress();
        assertThat(progress.summary()).isEqualTo("0 of 3 ready");

        assertThat(progress.ready(SimulatedEnvironment.MIRROR_PART)).isEqualTo("mirror registry ready (1 of 3)");
        assertThat(progress.ready(SimulatedEnvironment.SOURCE_CONTEXT)).isEqualTo("sim-source ready (2 of 3)");
        assertThat(progress.ready(SimulatedEnvironment.TARGET_CONTEXT)).isEqualTo("sim-target ready (3 of 3)");
        assertThat(SimulationStartProgress.pageText(progress.summary()))
                .isEqualTo("Starting the simulated clusters: sim-target ready (3 of 3)…");
    }

    @Test
    void aPartReportedTwiceCountsOnce() {
        SimulationStartProgress progress = new SimulationStartProgress();
        progress.ready(SimulatedEnvironment.MIRROR_PART);
        assertThat(progress.ready(SimulatedEnvironment.MIRROR_PART)).isEqualTo("mirror registry ready (1 of 3)");
    }
}
