package io.mtcassistant.cli;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.mtcassistant.install.plan.ApplyResult;
import io.mtcassistant.install.plan.ChangePlan;
import io.mtcassistant.install.plan.ChangePlanApplier;
import io.mtcassistant.install.plan.ChangePlanExporter;
import io.mtcassistant.install.plan.ChangePlanPreview;
import io.mtcassistant.storage.MigObjectConditions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The --plan | --export | --apply branch of the commands whose plan holds a Secret and ends waiting for a MigStorage
 * or MigCluster to be Ready (repository create, register-cluster).
 */
final class SecretPlanRun {

    /** Exactly one of the three. */
    static class Mode {
        @Option(names = "--plan", required = true, description = "Show the objects (secret values as placeholders).")
        boolean plan;

        @Option(names = "--export", required = true, paramLabel = "DIR", description = "Write the plan as manifests and apply.sh.")
        Path export;

        @Option(names = "--apply", required = true, description = "Create the objects and wait until Ready.")
        boolean apply;

        /** The same export into another folder (when one command exports more than one plan). */
        Mode exportingTo(Path dir) {
            Mode copy = new Mode();
            copy.export = dir;
            return copy;
        }
    }

    /** What the plan makes and waits for. */
    record Goal(String cluster, ResourceDefinitionContext kind, String name) {
    }

    private SecretPlanRun() {
    }

    static int run(ChangePlan plan, Mode mode, boolean json, boolean realValues, List<String> header,
            KubernetesClient client, Goal goal, PrintWriter out) {
        if (mode.plan) {
            if (json) {
                out.print(InstallCommand.PlanJson.plan(plan, ChangePlanPreview.of(plan)));
            } else {
                out.println(plan.title());
                header.forEach(out::println);
                ChangePlanPreview.of(plan).forEach(p -> out.println("--- " + p.number() + ". " + p.action().title()
                        + "\n" + p.yaml() + p.diff()));
                plan.notes().forEach(n -> out.println("NOTE: " + n));
            }
        } else if (mode.export != null) {
            try {
                List<Path> files = ChangePlanExporter.export(plan, mode.export);
                out.println("wrote " + files.size() + " files to " + mode.export + (realValues
                        ? " (the Secret holds the real values: keep the folder private)"
                        : " (the Secret holds placeholders: fill them in before apply.sh)"));
            } catch (IllegalArgumentException e) {
                throw new BadInputException("--export " + e.getMessage(), e);
            }
        } else {
            return apply(plan, json, header, client, goal, out);
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static int apply(ChangePlan plan, boolean json, List<String> header, KubernetesClient client, Goal goal,
            PrintWriter out) {
        if (!json) {
            header.forEach(out::println);
        }
        ApplyResult result = new ChangePlanApplier(client).apply(plan, o -> {
            if (!json && (o.state().succeeded() || o.state().name().equals("FAILED"))) {
                ClusterCommandSupport.printOutcome(out, o);
            }
        });
        if (json) {
            out.print(InstallCommand.PlanJson.result(result, null));
        } else {
            MigObjectConditions.of(client, goal.kind(), goal.name()).forEach(c -> out.println("  condition " + c));
            out.printf("%s: %s %s %s%n", goal.cluster(), goal.kind().getKind(), goal.name(),
                    result.succeeded() ? "is Ready" : "is NOT Ready");
            result.failure().ifPresent(f -> out.println("failed at " + f.action().target() + ": " + f.message()));
        }
        out.flush();
        return result.succeeded() ? ExitCodes.OK : ExitCodes.FAILED;
    }
}
