package io.mtcassistant.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class RootCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return MtcAssistantCommand.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void versionNamesAppJavaAndJavaFx() {
        assertThat(run("--version")).isZero();
        assertThat(out.toString())
                .contains("mtc-assistant")
                .containsPattern("Java \\d+")
                .containsPattern("JavaFX \\d+");
    }

    @Test
    void unknownOptionIsBadUsageWithOneLineError() {
        assertThat(run("--no-such-option")).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).startsWith("mtc-assistant: Unknown option").doesNotContain("Exception");
    }

    @Test
    void aMistypedOptionCarryingATokenIsNotEchoedInFull() {
        assertThat(run("--tokn=sha256~abcdefghijklmnopqrstuvwxyz")).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).startsWith("mtc-assistant: Unknown option").contains("sha256~****")
                .doesNotContain("abcdefghijklmnopqrstuvwxyz");
    }
}
