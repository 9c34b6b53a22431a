package io.mtcassistant.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.mtcassistant.cluster.ClusterSession;
import io.mtcassistant.install.plan.ApplyResult;
import io.mtcassistant.install.plan.ChangePlan;
import io.mtcassistant.install.plan.ChangePlanApplier;
import io.mtcassistant.install.plan.ChangePlanExporter;
import io.mtcassistant.install.plan.ChangePlanPreview;
import io.mtcassistant.monitor.Condition;
import io.mtcassistant.monitor.MigResources;
import io.mtcassistant.plans.NamespaceMapping;
import io.mtcassistant.monitor.ActionCheck;
import io.mtcassistant.plans.PlanChangeRules;
import io.mtcassistant.plans.PlanChanges;
import io.mtcassistant.plans.PlanConditionGuide;
import io.mtcassistant.plans.PlanInventory;
import io.mtcassistant.plans.PlanInventoryReader;
import io.mtcassistant.plans.PlanProblem;
import io.mtcassistant.plans.PlanRequest;
import io.mtcassistant.plans.PlanRequestFile;
import io.mtcassistant.plans.PlanValidator;
import io.mtcassistant.plans.PvChoice;
import io.mtcassistant.plans.PvSelections;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** `mtc-assistant plan create|edit|close|delete`: migration plans through the change plan (plan, export, apply). */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = {"Create, edit, close or delete a MigPlan on the control cluster, checked before anything is "
                + "created (names, Ready clusters and storage, namespaces, the controller's limits).",
            "Exit codes: 0 done (the plan is Ready), 1 the work failed, the plan is not Ready or the change is refused "
                + "(a migration of the plan runs), 2 bad input."},
        subcommands = {PlanCommand.Create.class, PlanCommand.Edit.class, PlanCommand.Close.class,
            PlanCommand.Delete.class})
public class PlanCommand implements Callable<Integer> {

    enum Output { table, json }

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new BadInputException("plan needs a subcommand: create, edit, close or delete (see plan --help)");
    }

    /** The options every plan subcommand shares: where the control cluster is and what to do with the change. */
    static final class Target {
        @Option(names = "--kubeconfig", paramLabel = "F[:F...]",
                description = "Kubeconfig files (default: KUBECONFIG, else ~/.kube/config).")
        String kubeconfig;

        @Option(names = "--context", required = true, paramLabel = "CTX",
                description = "Context of the control cluster (where the MTC controller runs).")
        String context;

        @Option(names = "--output", paramLabel = "table|json", defaultValue = "table",
                description = "Output format (default: ${DEFAULT-VALUE}).")
        Output output;

        @Option(names = "--insecure-skip-tls-verify", description = "Do not verify the API server's certificate.")
        boolean insecure;
    }

    static final class Mode {
        @Option(names = "--plan", required = true, description = "Show the change (YAML, diff) without applying.")
        boolean plan;

        @Option(names = "--export", required = true, paramLabel = "DIR",
                description = "Write the change as manifests and apply.sh.")
        Path export;

        @Option(names = "--apply", required = true, description = "Apply the change and wait for the plan's validation.")
        boolean apply;
    }

    /** Runs a change plan in the chosen mode; after an apply, prints the plan's conditions; exit 0 when Ready. */
    static int run(CommandSpec spec, Target target, Mode mode, KubernetesClient client, ChangePlan change,
            String planName, boolean expectPlan) {
        PrintWriter out = spec.commandLine().getOut();
        if (mode.plan) {
            var previews = ChangePlanPreview.of(change, client);
            out.print(target.output == Output.json ? InstallCommand.PlanJson.plan(change, previews)
                    : ChangePlanPreview.text(change, previews));
            out.flush();
            return ExitCodes.OK;
        }
        if (mode.export != null) {
            try {
                List<Path> files = ChangePlanExporter.export(change, mode.export);
                out.println("wrote " + files.size() + " files to " + mode.export + " (review, then run "
                        + mode.export.resolve(ChangePlanExporter.SCRIPT) + ")");
            } catch (IllegalArgumentException e) {
                throw new BadInputException("--export " + e.getMessage(), e);
            }
            out.flush();
            return ExitCodes.OK;
        }
        ApplyResult result = new ChangePlanApplier(client).apply(change, o -> {
            if (target.output == Output.table && (o.state().succeeded() || o.state().name().equals("FAILED"))) {
                ClusterCommandSupport.printOutcome(out, o);
            }
        });
        JsonNode live = expectPlan ? livePlan(client, planName) : null;
        if (target.output == Output.json) {
            out.print(InstallCommand.PlanJson.result(result, null));
        } else {
            out.printf("%s: %s in %.1f s%n", change.cluster(), result.succeeded() ? "applied" : "FAILED",
                    result.elapsed().toMillis() / 1000.0);
            change.notes().forEach(n -> out.println("note: " + n));
            if (live != null) {
                printConditions(out, live);
            }
        }
        out.flush();
        return result.succeeded() ? ExitCodes.OK : ExitCodes.FAILED;
    }

    static void printConditions(PrintWriter out, JsonNode plan) {
        Map<String, List<PlanConditionGuide.Explained>> groups = PlanConditionGuide.grouped(
                Condition.listFrom(plan.path("status").path("conditions")));
        groups.forEach((category, explained) -> {
            out.println(category + ":");
            for (PlanConditionGuide.Explained e : explained) {
                out.println("  " + e.type() + ": " + e.words());
                if (PlanConditionGuide.showsFix(e)) {
                    out.println("    fix: " + e.fix());
                }
                if (e.type().equals("GVKsIncompatible")) {
                    PlanConditionGuide.incompatibleResources(plan).forEach(l -> out.println("    " + l));
                }
            }
        });
    }

    static JsonNode livePlan(KubernetesClient client, String name) {
        GenericKubernetesResource plan = client.genericKubernetesResources(MigResources.MIG_PLAN)
                .inNamespace(MigResources.NAMESPACE).withName(name).get();
        return plan == null ? null : Serialization.jsonMapper().valueToTree(plan);
    }

    static JsonNode requirePlan(KubernetesClient client, String name) {
        JsonNode plan = livePlan(client, name);
        if (plan == null) {
            throw new BadInputException("--name " + name + ": no MigPlan of that name in " + MigResources.NAMESPACE);
        }
        return plan;
    }

    /**
     * The rules the Monitor page applies too ({@link PlanChangeRules}): an apply is refused with the reason (exit 1);
     * a preview or an export only warns, since it may be run once the migration has ended.
     */
    static boolean refused(KubernetesClient client, Mode mode, String planName, PlanChangeRules.Change change,
            PrintWriter err) {
        ActionCheck check = PlanChangeRules.check(PlanChangeRules.read(client), planName, change);
        if (check.allowed()) {
            return false;
        }
        err.println("mtc-assistant: " + (mode.apply ? "refused: " : "warning: ") + check.reason());
        err.flush();
        return mode.apply;
    }

    static void failOnBlocking(List<PlanProblem> problems, PrintWriter err) {
        PlanValidator.firstBlocking(problems).ifPresent(p -> {
            throw new BadInputException(p.line());
        });
        problems.forEach(p -> err.println("mtc-assistant: warning: " + p.line()));
        err.flush();
    }

    /** Refuses a new hook whose name a MigHook of the cluster already has ({@code own}: the plan's, patched). */
    static void refuseTakenHookNames(KubernetesClient client, List<io.mtcassistant.plans.PlanHook> hooks,
            List<String> own) {
        if (hooks.isEmpty()) {
            return;
        }
        io.mtcassistant.plans.LivePlanHooks.takenNames(hooks, own, io.mtcassistant.plans.LivePlanHooks.migHookNames(
                client)).stream().findFirst().ifPresent(p -> {
                    throw new BadInputException("--hook " + p.message());
                });
    }

    static List<PvChoice> parseChoices(List<String> pvs) {
        List<PvChoice> choices = new ArrayList<>();
        for (String pv : pvs == null ? List.<String>of() : pvs) {
            try {
                choices.add(PvChoice.parse(pv));
            } catch (IllegalArgumentException e) {
                throw new BadInputException("--pv " + e.getMessage(), e);
            }
        }
        return choices;
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create a MigPlan (and its MigHooks), wait for the controller to validate it, then apply "
                    + "the --pv choices to the volumes it discovered.")
    static final class Create implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        Target target = new Target();

        @ArgGroup(exclusive = true, multiplicity = "1")
        Mode mode;

        @Option(names = "--from-file", paramLabel = "PLAN.yaml",
                description = "A MigPlan (and its MigHooks) in YAML, as the app's Review exports it.")
        Path fromFile;

        @Option(names = "--name", paramLabel = "NAME", description = "The plan's name (a Kubernetes name).")
        String name;

        @Option(names = "--source-cluster", paramLabel = "MIGCLUSTER", description = "The source MigCluster.")
        String sourceCluster;

        @Option(names = "--target-cluster", paramLabel = "MIGCLUSTER", description = "The target MigCluster.")
        String targetCluster;

        @Option(names = "--storage", paramLabel = "MIGSTORAGE", description = "The replication repository.")
        String storage;

        @Option(names = "--namespace", paramLabel = "NS[:DEST]", description = "A namespace, optionally renamed on "
                + "the target (repeatable).")
        List<String> namespaces;

        @Option(names = "--pv", paramLabel = io.mtcassistant.plans.PvChoice.SYNTAX,
                description = "A persistent volume's choice, applied once discovered (repeatable; an empty part keeps "
                        + "the default, e.g. pv-1=copy::::verify).")
        List<String> pvs;

        @Option(names = "--capacity-confirmed", paramLabel = "PV", description = "Accept the capacity the "
                + "controller proposes for this volume's target claim (PvCapacityAdjustmentRequired), applied once "
                + "discovered (repeatable).")
        List<String> capacityConfirmed;

        @Option(names = "--direct-images", description = "Direct image migration (needs the source's registry route).")
        boolean directImages;

        @Option(names = "--direct-volumes", description = "Direct volume migration (rsync between the clusters).")
        boolean directVolumes;

        @Option(names = "--source-context", paramLabel = "CTX", description = "Context of the source cluster: checks "
                + "that the namespaces exist and counts their pods and claims against the limits before creating.")
        String sourceContext;

        @ArgGroup(exclusive = false, multiplicity = "0..*", heading = "Hooks (repeat the group for more):%n")
        List<PlanHookOptions> hooks;

        @Override
        public Integer call() {
            PlanRequest request = request();
            PrintWriter err = spec.commandLine().getErr();
            try (ClusterSession session = ClusterCommandSupport.connect(target.kubeconfig, target.context,
                    target.insecure, 30)) {
                KubernetesClient client = session.client();
                PlanInventory inventory = PlanInventoryReader.readControl(client);
                if (sourceContext != null) {
                    try (ClusterSession source = ClusterCommandSupport.connect(target.kubeconfig, sourceContext,
                            target.insecure, 30)) {
                        inventory = inventory.withSourceNamespaces(PlanInventoryReader.readSourceNamespaces(
                                source.client()));
                    }
                }
                failOnBlocking(PlanValidator.validate(request, inventory), err);
                refuseTakenHookNames(client, request.hooks(), List.of());
                if (livePlan(client, request.name()) != null && mode.apply) {
                    throw new BadInputException("--name " + request.name() + ": a MigPlan of that name exists (use "
                            + "plan edit, or another name)");
                }
                int code = run(spec, target, mode, client, PlanChanges.create(target.context, request),
                        request.name(), true);
                List<String> confirmed = capacityConfirmed == null ? List.of() : capacityConfirmed;
                if (code != ExitCodes.OK || !mode.apply || request.pvChoices().isEmpty() && confirmed.isEmpty()) {
                    return code;
                }
                JsonNode live = requirePlan(client, request.name());
                failOnBlocking(PvSelections.check(live, request.pvChoices(), request.directVolumes()), err);
                failOnBlocking(PvSelections.checkConfirmations(live, confirmed), err);
                return run(spec, target, mode, client, PlanChanges.editVolumes(target.context, live,
                        request.pvChoices(), confirmed), request.name(), true);
            }
        }

        private PlanRequest request() {
            if (fromFile != null) {
                if (name != null || namespaces != null || sourceCluster != null || targetCluster != null
                        || storage != null || hooks != null) {
                    throw new BadInputException("--from-file: the file says it all; leave out --name, --namespace, "
                            + "--source-cluster, --target-cluster, --storage and --hook");
                }
                try {
                    PlanRequest read = PlanRequestFile.parse(Files.readString(fromFile), fromFile.toString());
                    return pvs == null ? read : read.withPvChoices(parseChoices(pvs));
                } catch (IOException e) {
                    throw new BadInputException("--from-file " + fromFile + ": cannot read: " + e.getMessage(), e);
                } catch (IllegalArgumentException e) {
                    throw new BadInputException("--from-file " + e.getMessage(), e);
                }
            }
            for (String[] required : new String[][] {{"--name", name}, {"--source-cluster", sourceCluster},
                    {"--target-cluster", targetCluster}, {"--storage", storage}}) {
                if (required[1] == null) {
                    throw new BadInputException(required[0] + " is required (or --from-file)");
                }
            }
            if (namespaces == null || namespaces.isEmpty()) {
                throw new BadInputException("--namespace is required at least once (or --from-file)");
            }
            return new PlanRequest(name, sourceCluster, targetCluster, storage,
                    namespaces.stream().map(NamespaceMapping::parse).toList(), parseChoices(pvs), directImages,
                    directVolumes, PlanHookOptions.hooks(hooks));
        }
    }

    @Command(name = "edit", mixinStandardHelpOptions = true,
            description = "Change a plan's namespaces (the controller discovers their volumes again), its volumes' "
                    + "choices and capacity confirmations, its copy options or its hooks, as a merge patch previewed as "
                    + "a diff. Refused while one of its migrations runs, or when it is closed.")
    static final class Edit implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        Target target = new Target();

        @ArgGroup(exclusive = true, multiplicity = "1")
        Mode mode;

        @Option(names = "--name", required = true, paramLabel = "NAME", description = "The plan.")
        String name;

        @Option(names = "--namespace", paramLabel = "NS[:DEST]", description = "The plan's new namespace list "
                + "(repeatable; replaces the list).")
        List<String> namespaces;

        @Option(names = "--pv", paramLabel = io.mtcassistant.plans.PvChoice.SYNTAX,
                description = "A persistent volume's choice (repeatable; an empty part keeps the default, e.g. "
                        + "pv-1=copy:::ReadWriteMany).")
        List<String> pvs;

        @Option(names = "--capacity-confirmed", paramLabel = "PV", description = "Accept the capacity the "
                + "controller proposes for this volume's target claim (PvCapacityAdjustmentRequired; repeatable, "
                + "with or without --pv).")
        List<String> capacityConfirmed;

        @Option(names = "--direct-images", arity = "0..1", paramLabel = "true|false",
                description = "Direct image migration on (or =false: through the repository).")
        Boolean directImages;

        @Option(names = "--direct-volumes", arity = "0..1", paramLabel = "true|false",
                description = "Direct volume migration on (or =false: through the repository).")
        Boolean directVolumes;

        @ArgGroup(exclusive = false, multiplicity = "0..*", heading = "Hooks (the plan's new hook list; MigHooks it no "
                + "longer runs are deleted unless another plan runs them):%n")
        List<PlanHookOptions> hooks;

        @Option(names = "--no-hooks", description = "The plan runs no hooks (its MigHooks are deleted, unless "
                + "another plan runs them too).")
        boolean noHooks;

        @Override
        public Integer call() {
            boolean options = directImages != null || directVolumes != null;
            boolean hookChange = hooks != null || noHooks;
            boolean volumes = pvs != null || capacityConfirmed != null;
            long kinds = java.util.stream.Stream.of(namespaces != null, volumes, options, hookChange)
                    .filter(b -> b).count();
            if (kinds != 1) {
                throw new BadInputException("plan edit: give one kind of change: --namespace (the new list), --pv "
                        + "choices / --capacity-confirmed, --direct-images/--direct-volumes, or --hook groups / "
                        + "--no-hooks");
            }
            if (hooks != null && noHooks) {
                throw new BadInputException("--no-hooks: leave out --hook, or leave out --no-hooks");
            }
            List<PvChoice> choices = parseChoices(pvs);
            List<io.mtcassistant.plans.PlanHook> newHooks = PlanHookOptions.hooks(hooks);
            PrintWriter err = spec.commandLine().getErr();
            try (ClusterSession session = ClusterCommandSupport.connect(target.kubeconfig, target.context,
                    target.insecure, 30)) {
                KubernetesClient client = session.client();
                JsonNode live = requirePlan(client, name);
                if (refused(client, mode, name, PlanChangeRules.Change.EDIT, err)) {
                    return ExitCodes.FAILED;
                }
                io.mtcassistant.plans.LivePlanHooks liveHooks = io.mtcassistant.plans.LivePlanHooks.read(client, live);
                io.mtcassistant.plans.PlanEdit edit = io.mtcassistant.plans.PlanEdit.asLive(live, liveHooks);
                if (namespaces != null) {
                    List<NamespaceMapping> mappings = namespaces.stream().map(NamespaceMapping::parse).toList();
                    PlanRequest request = PlanRequestFile.ofLivePlan(live).withNamespaces(mappings);
                    failOnBlocking(PlanValidator.validate(request, PlanInventoryReader.readControl(client)), err);
                    edit = edit.withNamespaces(mappings);
                } else if (options) {
                    PlanRequest current = PlanRequestFile.ofLivePlan(live);
                    PlanRequest request = current.withOptions(directImages != null ? directImages
                            : current.directImages(), directVolumes != null ? directVolumes : current.directVolumes());
                    failOnBlocking(PlanValidator.validate(request, PlanInventoryReader.readControl(client)).stream()
                            .filter(p -> p.field().startsWith("direct-")).toList(), err);
                    edit = edit.withOptions(request.directImages(), request.directVolumes());
                } else if (hookChange) {
                    refuseTakenHookNames(client, newHooks, PlanChanges.hookNames(live));
                    edit = edit.withHooks(newHooks);
                } else {
                    List<String> confirmed = capacityConfirmed == null ? List.of() : capacityConfirmed;
                    failOnBlocking(PvSelections.check(live, choices,
                            !live.path("spec").path("indirectVolumeMigration").asBoolean(false)), err);
                    failOnBlocking(PvSelections.checkConfirmations(live, confirmed), err);
                    edit = edit.withVolumes(choices, confirmed);
                }
                // nothing to change is still a change plan (no actions, a note), so every mode and output says it
                ChangePlan change = PlanChanges.edit(target.context, live, liveHooks, edit).orElseGet(() -> ChangePlan
                        .builder(target.context, "Edit plan " + name).note("Plan " + name + " already is so: "
                                + "nothing to change.").build());
                return run(spec, target, mode, client, change, name, true);
            }
        }
    }

    @Command(name = "close", mixinStandardHelpOptions = true,
            description = "Close a plan (spec.closed): no migration starts from it; it and its history stay. Refused "
                    + "while one of its migrations runs, or when it is closed already.")
    static final class Close implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        Target target = new Target();

        @ArgGroup(exclusive = true, multiplicity = "1")
        Mode mode;

        @Option(names = "--name", required = true, paramLabel = "NAME", description = "The plan.")
        String name;

        @Override
        public Integer call() {
            try (ClusterSession session = ClusterCommandSupport.connect(target.kubeconfig, target.context,
                    target.insecure, 30)) {
                JsonNode live = requirePlan(session.client(), name);
                if (refused(session.client(), mode, name, PlanChangeRules.Change.CLOSE, spec.commandLine().getErr())) {
                    return ExitCodes.FAILED;
                }
                return run(spec, target, mode, session.client(), PlanChanges.closeOrDelete(target.context, live,
                        PlanChangeRules.Change.CLOSE), name, false);
            }
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true,
            description = "Delete a plan and the MigHooks it refers to (its migrations are not undone). Refused "
                    + "while one of its migrations runs.")
    static final class Delete implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        Target target = new Target();

        @ArgGroup(exclusive = true, multiplicity = "1")
        Mode mode;

        @Option(names = "--name", required = true, paramLabel = "NAME", description = "The plan.")
        String name;

        @Override
        public Integer call() {
            try (ClusterSession session = ClusterCommandSupport.connect(target.kubeconfig, target.context,
                    target.insecure, 30)) {
                JsonNode live = requirePlan(session.client(), name);
                if (refused(session.client(), mode, name, PlanChangeRules.Change.DELETE, spec.commandLine().getErr())) {
                    return ExitCodes.FAILED;
                }
                return run(spec, target, mode, session.client(), PlanChanges.closeOrDelete(target.context, live,
                        PlanChangeRules.Change.DELETE), name, false);
            }
        }
    }
}
