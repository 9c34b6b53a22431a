package io.mtcassistant.cli;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.mtcassistant.cluster.ClusterSession;
import io.mtcassistant.install.UninstallPlanner;
import io.mtcassistant.install.plan.ApplyResult;
import io.mtcassistant.install.plan.ChangePlan;
import io.mtcassistant.install.plan.ChangePlanApplier;
import io.mtcassistant.install.plan.ChangePlanExporter;
import io.mtcassistant.install.plan.ChangePlanPreview;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** `mtc-assistant uninstall`: procedure 7.6 on one cluster; deletes only with --confirm and the context's name. */
@Command(name = "uninstall", mixinStandardHelpOptions = true,
        description = {"Uninstall MTC from one cluster (procedure 7.6): lists what it deletes, found by the procedure's selectors.",
            "Deleting the velero CRDs removes Velero and its backups from the cluster.",
            "Exit code: 0 done (or listed / exported), 1 a deletion failed, 2 bad input."})
public class UninstallCommand implements Callable<Integer> {

    enum Output { table, json }

    @Spec
    CommandSpec spec;

    @Option(names = "--kubeconfig", paramLabel = "F[:F...]", description = "Kubeconfig files (default: $KUBECONFIG, else ~/.kube/config).")
    String kubeconfig;

    @Option(names = "--context", required = true, paramLabel = "CTX", description = "The cluster to uninstall from.")
    String context;

    @Option(names = "--output", paramLabel = "table|json", defaultValue = "table", description = "Output format (default: ${DEFAULT-VALUE}).")
    Output output;

    @Option(names = "--insecure-skip-tls-verify", description = "Do not verify the API server's certificate.")
    boolean insecure;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Mode mode;

    static class Mode {
        @Option(names = "--plan", required = true, description = "List exactly what would be deleted.")
        boolean plan;

        @Option(names = "--export", required = true, paramLabel = "DIR", description = "Write the deletions as manifests and apply.sh.")
        Path export;

        @Option(names = "--confirm", required = true, paramLabel = "CTX", description = "Delete; type the context's name to confirm.")
        String confirm;
    }

    @Override
    public Integer call() {
        if (mode.confirm != null && !mode.confirm.equals(context)) {
            throw new BadInputException("--confirm " + mode.confirm + ": type the context's name exactly (" + context
                    + ") to confirm the deletion");
        }
        PrintWriter out = spec.commandLine().getOut();
        try (ClusterSession session = ClusterCommandSupport.connect(kubeconfig, context, insecure, 30)) {
            KubernetesClient client = session.client();
            ChangePlan plan = UninstallPlanner.plan(context, client);
            if (mode.plan) {
                if (output == Output.json) {
                    out.print(InstallCommand.PlanJson.plan(plan, ChangePlanPreview.of(plan)));
                } else {
                    out.println(context + ": uninstall deletes " + plan.actions().size() + " objects:");
                    UninstallPlanner.deletions(plan).forEach(d -> out.println("  " + d));
                    out.println("WARNING: " + UninstallPlanner.VELERO_WARNING);
                    out.println("To delete them: mtc-assistant uninstall --context " + context + " --confirm " + context);
                }
                out.flush();
                return ExitCodes.OK;
            }
            if (mode.export != null) {
                try {
                    List<Path> files = ChangePlanExporter.export(plan, mode.export);
                    out.println("wrote " + files.size() + " files to " + mode.export);
                } catch (IllegalArgumentException e) {
                    throw new BadInputException("--export " + e.getMessage(), e);
                }
                return ExitCodes.OK;
            }
            ApplyResult result = new ChangePlanApplier(client).apply(plan, o -> {
                if (output == Output.table && (o.state().succeeded() || o.state().name().equals("FAILED"))) {
                    ClusterCommandSupport.printOutcome(out, o);
                }
            });
            if (output == Output.json) {
                out.print(InstallCommand.PlanJson.result(result, null));
            } else {
                out.printf("%s: %s in %.1f s%n", context, result.succeeded() ? "uninstalled" : "FAILED",
                        result.elapsed().toMillis() / 1000.0);
                result.failure().ifPresent(f -> out.println("failed at " + f.action().target() + ": " + f.message()));
            }
            out.flush();
            return result.succeeded() ? ExitCodes.OK : ExitCodes.FAILED;
        }
    }
}
