package io.mtcassistant.cli;

import io.mtcassistant.cluster.ClusterSession;
import io.mtcassistant.monitor.ActionRequest;
import io.mtcassistant.monitor.MigResources;
import io.mtcassistant.monitor.MigrationActions;
import io.mtcassistant.monitor.MigrationObjectsReader;
import io.mtcassistant.monitor.MonitorModel;
import io.mtcassistant.monitor.MonitorSnapshot;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** `mtc-assistant migrate`: start a stage, a cutover or a rollback of a MigPlan, or cancel a running migration. */
@Command(name = "migrate",
        mixinStandardHelpOptions = true,
        description = {"Create the MigMigration the MTC web console would create (stage, cutover, rollback), or cancel "
                + "a running one. Refused with the reason when the plan is not Ready, a migration is running or a "
                + "cutover already succeeded.",
            "Exit codes: 0 created, 1 refused or the cluster could not be reached, 2 bad input."})
public class MigrateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--kubeconfig", paramLabel = "F[:F...]",
            description = "Kubeconfig files (default: KUBECONFIG, else ~/.kube/config).")
    List<String> kubeconfig;

    @Option(names = "--context", required = true, paramLabel = "CTX", description = "Context of the control cluster.")
    String context;

    @Option(names = "--plan", required = true, paramLabel = "NAME", description = "The MigPlan.")
    String plan;

    static final class What {
        @Option(names = "--stage", description = "Start a stage migration (copies data, nothing stops).")
        boolean stage;

        @Option(names = "--cutover", description = "Start a cutover (the final migration).")
        boolean cutover;

        @Option(names = "--rollback", description = "Roll back the plan's migration.")
        boolean rollback;

        @Option(names = "--cancel", paramLabel = "MIGRATION", description = "Cancel this running MigMigration.")
        String cancel;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    What what;

    @Option(names = "--quiesce", description = "With --cutover: scale the source applications down first.")
    boolean quiesce;

    @Override
    public Integer call() {
        if (quiesce && !what.cutover) {
            throw new BadInputException("--quiesce goes with --cutover only");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ActionRequest request = what.stage ? ActionRequest.stage(plan)
                : what.cutover ? ActionRequest.cutover(plan, quiesce)
                : what.rollback ? ActionRequest.rollback(plan)
                : ActionRequest.cancel(plan, what.cancel);
        try (ClusterSession session = ControlClusterConnection.connect(kubeconfig, context)) {
            MonitorSnapshot snapshot = new MonitorModel(Clock.systemUTC())
                    .build(MigrationObjectsReader.list(session.client(), MigResources.NAMESPACE));
            String name = MigrationActions.apply(session.client(), snapshot, request);
            out.println(request.kind() == ActionRequest.Kind.CANCEL ? "canceling migration " + name
                    : "created migration " + name + " (" + request.kind().name().toLowerCase(java.util.Locale.ROOT)
                    + " of plan " + plan + ")");
            out.flush();
            return ExitCodes.OK;
        } catch (MigrationActions.ActionRefusedException e) {
            err.println("mtc-assistant: refused: " + e.getMessage());
            return ExitCodes.FAILED;
        } catch (ControlClusterConnection.ConnectFailedException e) {
            err.println("mtc-assistant: " + e.getMessage());
            return ExitCodes.FAILED;
        }
    }
}
