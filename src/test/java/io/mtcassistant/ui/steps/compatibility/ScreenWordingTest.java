package io.mtcassistant.ui.steps.compatibility;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The Compatibility page names its own buttons where the engine names command-line flags (issue 16, point 11). */
class ScreenWordingTest {

    @Test
    void reachabilityAdviceNamesTheButtons() {
        String engine = "Confirm that sim-target reaches https://127.0.0.1:1234 (and the other way for routes), then state it: "
                + "--remote-reaches-control sim-source=yes or =no.";
        assertThat(ScreenWording.of(engine)).doesNotContain("--").contains("\"They connect\" or \"Cannot connect\"")
                .contains("Can the clusters reach the control cluster?");
        assertThat(ScreenWording.of("Verify from x, then state it: --remote-reaches-control c=yes.")).doesNotContain("--")
                .contains("\"They connect\"");
        assertThat(ScreenWording.of("If the modern cluster cannot connect to this one, state it (--remote-reaches-control c=no) "
                + "and choose the edge case (--legacy-control-cluster) or crane tunnel-api (--tunnel-api)."))
                .doesNotContain("--").contains("\"Cannot connect\"").contains("the edge case or crane tunnel-api.");
    }

    @Test
    void textWithoutFlagsIsLeftAsItIs() {
        assertThat(ScreenWording.of("Mirror and install MTC 1.7 on every cluster.")).isEqualTo("Mirror and install MTC 1.7 on every cluster.");
        assertThat(ScreenWording.of(null)).isNull();
    }
}
