package io.mtcassistant.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** The README's `plan` lines name every plan subcommand and its options, and no option the command lacks. */
class PlanCommandReadmeTest {

    private static final Pattern FLAG = Pattern.compile("--[a-z][a-z-]*");
    /** Options every command has, or that the README leaves to --help. */
    private static final Set<String> UNLISTED = Set.of("--help", "--version", "--insecure-skip-tls-verify");

    /**
     * Subcommand name to the flags its README entries (a line and its indented continuation lines) name; an entry
     * that says HOOK also names the flags of the "# HOOK:" comment lines.
     */
    private static Map<String, Set<String>> readmeFlags() throws IOException {
        Map<String, Set<String>> flags = new LinkedHashMap<>();
        Set<String> hookFlags = new LinkedHashSet<>();
        Set<String> saysHook = new LinkedHashSet<>();
        List<String> current = null;
        for (String line : Files.readAllLines(Path.of("README.md"))) {
            if (line.startsWith("mtc-assistant plan ")) {
                String names = line.substring("mtc-assistant plan ".length()).split("\\s+", 2)[0];
                current = new ArrayList<>(List.of(names.split("\\|")));
                current.forEach(n -> flags.computeIfAbsent(n, k -> new LinkedHashSet<>()));
            } else if (current == null || !line.startsWith(" ")) {
                current = null;
                continue;
            }
            boolean comment = line.strip().startsWith("#");
            if (!comment && line.contains("HOOK")) {
                saysHook.addAll(current);
            }
            Matcher matcher = FLAG.matcher(line);
            while (matcher.find()) {
                String flag = matcher.group();
                if (comment) {
                    hookFlags.add(flag);
                } else {
                    current.forEach(n -> flags.get(n).add(flag));
                }
            }
        }
        saysHook.forEach(n -> flags.get(n).addAll(hookFlags));
        return flags;
    }

    @Test
    void theReadmeListsEveryPlanSubcommandWithItsOptions() throws IOException {
        Map<String, Set<String>> documented = readmeFlags();
        Map<String, CommandLine> subcommands = new CommandLine(new PlanCommand()).getSubcommands();
        assertThat(documented.keySet()).containsExactlyInAnyOrderElementsOf(subcommands.keySet());
        subcommands.forEach((name, command) -> {
            Set<String> options = new LinkedHashSet<>();
            for (OptionSpec option : command.getCommandSpec().options()) {
                options.add(option.longestName());
            }
            options.removeAll(UNLISTED);
            assertThat(documented.get(name)).as("README flags of plan " + name)
                    .containsExactlyInAnyOrderElementsOf(options);
        });
    }
}
