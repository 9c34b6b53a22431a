package io.mtcassistant.cli;

import io.mtcassistant.common.SecretMasker;
import io.mtcassistant.ui.DesktopLauncher;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** `mtc-assistant`: with no subcommand it opens the desktop app; subcommands are the command line. */
@Command(name = "mtc-assistant",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Install the Migration Toolkit for Containers in a restricted network, and watch migrations.",
        subcommands = {CommandLine.HelpCommand.class, ClustersCommand.class, SimulateCommand.class, CheckCommand.class,
            CopyCommand.class, MirrorCommand.class, MonitorCommand.class, MigrateCommand.class})
public class MtcAssistantCommand implements Callable<Integer> {

    /** Returned when the desktop app took over the process and main() must not exit. */
    public static final int KEEP_RUNNING = -1;

    private static final Logger LOG = LoggerFactory.getLogger(MtcAssistantCommand.class);

    @Option(names = "--demo", description = "Open the app on simulated clusters (no setup, no network).")
    boolean demo;

    @Override
    public Integer call() {
        DesktopLauncher.launch(demo);
        return KEEP_RUNNING;
    }

    public static int run(String[] args) {
        return run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
    }

    /** Runs the command line with the given streams; returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new MtcAssistantCommand());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setParameterExceptionHandler((ex, a) -> {
            err.println("mtc-assistant: " + screenText(ex));
            err.println("Try 'mtc-assistant " + commandName(ex.getCommandLine()) + "--help' for usage.");
            return ExitCodes.BAD_INPUT;
        });
        commandLine.setExecutionExceptionHandler((ex, cl, parseResult) -> {
            if (ex instanceof BadInputException) {
                err.println("mtc-assistant: " + screenText(ex));
                return ExitCodes.BAD_INPUT;
            }
            LOG.error("Command failed", ex);
            err.println("mtc-assistant: " + screenText(ex) + " (details in the log file)");
            return ExitCodes.FAILED;
        });
        return commandLine.execute(args);
    }

    /** An error message as the terminal may show it: never "null", never a token the user typed. */
    private static String screenText(Exception ex) {
        String message = ex.getMessage();
        return SecretMasker.mask(message == null || message.isBlank() ? ex.getClass().getSimpleName() : message);
    }

    private static String commandName(CommandLine commandLine) {
        String name = commandLine.getCommandName();
        return "mtc-assistant".equals(name) ? "" : name + " ";
    }
}
