package io.mtcassistant.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;

class CommandTableTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return MtcAssistantCommand.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void everyEntryIsNamedLikeItsCommandAndHasASummary() {
        for (CommandTable.Entry entry : CommandTable.COMMANDS) {
            Command command = entry.type().getAnnotation(Command.class);
            assertThat(command).as(entry.type().getName()).isNotNull();
            assertThat(command.name()).isEqualTo(entry.name());
            assertThat(entry.summary()).as(entry.name()).isNotBlank();
        }
    }

    @Test
    void topLevelHelpListsEveryCommand() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("[COMMAND]").contains("Commands:");
        for (CommandTable.Entry entry : CommandTable.COMMANDS) {
            assertThat(out.toString()).containsPattern("(?m)^  " + entry.name() + " ");
        }
    }

    @Test
    void helpNamingACommandAndTheCommandsOwnHelpShowItsOptions() {
        for (CommandTable.Entry entry : CommandTable.COMMANDS) {
            if (entry.name().equals("help")) {
                continue;
            }
            out.getBuffer().setLength(0);
            assertThat(run("help", entry.name())).as("help " + entry.name()).isZero();
            String viaHelp = out.toString();
            assertThat(viaHelp).startsWith("Usage: mtc-assistant " + entry.name()).contains("--help");
            out.getBuffer().setLength(0);
            assertThat(run(entry.name(), "--help")).as(entry.name() + " --help").isZero();
            assertThat(out.toString()).isEqualTo(viaHelp);
        }
    }

    @Test
    void anUnknownCommandIsBadUsage() {
        assertThat(run("clusterz")).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).startsWith("mtc-assistant: Unmatched argument at index 0: 'clusterz'");
        assertThat(run("help", "nope")).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains("Unknown subcommand 'nope'");
    }
}
