package io.mtcassistant.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.mtcassistant.cluster.ClusterSession;
import io.mtcassistant.compat.OpenShiftVersion;
import io.mtcassistant.install.MachineConfigPoolNames;
import io.mtcassistant.install.ExistingInstall;
import io.mtcassistant.install.InstallRole;
import io.mtcassistant.install.InstallVerification;
import io.mtcassistant.install.InstallVerifier;
import io.mtcassistant.install.LegacyInstallPlanner;
import io.mtcassistant.install.LegacyOperatorFiles;
import io.mtcassistant.install.MirrorAccess;
import io.mtcassistant.install.MirrorCompleteness;
import io.mtcassistant.mirror.MirrorException;
import io.mtcassistant.install.MigrationControllers;
import io.mtcassistant.install.MirrorResults;
import io.mtcassistant.install.OlmInstallPlanner;
import io.mtcassistant.install.OlmInstallRequest;
import io.mtcassistant.install.OlmUpgradePlanner;
import io.mtcassistant.install.plan.ApplyResult;
import io.mtcassistant.install.plan.ChangePlan;
import io.mtcassistant.install.plan.ChangePlanApplier;
import io.mtcassistant.install.plan.ChangePlanExporter;
import io.mtcassistant.install.plan.ChangePlanPreview;
import io.mtcassistant.install.plan.KubeObjects;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** `mtc-assistant install`: MTC on one cluster from the mirror, as a plan to review, an export, or applied. */
@Command(name = "install", mixinStandardHelpOptions = true,
        description = {"Install MTC on one cluster from the mirror: OLM on OpenShift 4.6+, the legacy operator on 3.11 and 4.0-4.5.",
            "Exit code: 0 done (or planned / exported), 1 the install failed, 2 bad input."})
public class InstallCommand implements Callable<Integer> {

    enum Output { table, json }

    @Spec
    CommandSpec spec;

    @Option(names = "--kubeconfig", paramLabel = "F[:F...]", description = "Kubeconfig files (default: $KUBECONFIG, else ~/.kube/config).")
    String kubeconfig;

    @Option(names = "--context", required = true, paramLabel = "CTX", description = "The cluster to install on.")
    String context;

    @Option(names = "--mirror-results", required = true, paramLabel = "DIR",
            description = "The mirror results folder (ours, oc-mirror's oc-mirror-workspace/results-*, or oc adm catalog mirror's manifests-*).")
    Path mirrorResults;

    @Option(names = "--role", paramLabel = "control|remote",
            description = "control runs the controller and web console; remote Velero only (default: control on OpenShift 4, remote on legacy).")
    String role;

    @Option(names = "--mtc-version", required = true, paramLabel = "X.Y.Z",
            description = "The exact MTC version every cluster runs (pins the Subscription's startingCSV), e.g. 1.8.8.")
    String mtcVersion;

    @Option(names = "--channel", paramLabel = "NAME", description = "OLM channel (default: release-vX.Y of --mtc-version).")
    String channel;

    @Option(names = "--operator-yml", paramLabel = "FILE",
            description = "Legacy clusters: use this operator.yml instead of the one in the mirrored legacy operator image.")
    Path operatorYml;

    @Option(names = "--controller-yml", paramLabel = "FILE",
            description = "Legacy clusters: use this controller.yml instead of the one in the mirrored legacy operator image.")
    Path controllerYml;

    @Option(names = "--legacy-archive", paramLabel = "DIR",
            description = "Legacy clusters: read operator.yml and controller.yml from this mirror archive instead of the mirror registry.")
    Path legacyArchive;

    @Mixin
    MirrorRegistryOptions registry = new MirrorRegistryOptions();

    @Option(names = "--legacy-control-cluster", description = "Legacy clusters: step 2's edge-case decision, this legacy cluster runs the controller and web console.")
    boolean legacyControl;

    @Option(names = "--upgrade",
            description = "Upgrade an older MTC on the cluster to --mtc-version: OLM (channel, then only its InstallPlan approved), or the new operator.yml on legacy clusters.")
    boolean upgrade;

    @Option(names = "--disable-default-sources",
            description = "Set OperatorHub spec.disableAllDefaultSources: true (the default sources cannot be reached in a restricted network).")
    boolean disableDefaultSources;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "900", description = "Longest wait of any one step (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Option(names = "--output", paramLabel = "table|json", defaultValue = "table", description = "Output format (default: ${DEFAULT-VALUE}).")
    Output output;

    @Option(names = "--insecure-skip-tls-verify", description = "Do not verify the API server's certificate.")
    boolean insecure;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Mode mode;

    static class Mode {
        @Option(names = "--plan", required = true, description = "Show the plan (YAML per action, diffs against the cluster).")
        boolean plan;

        @Option(names = "--export", required = true, paramLabel = "DIR", description = "Write numbered manifests and apply.sh to DIR.")
        Path export;

        @Option(names = "--apply", required = true, description = "Apply the plan, then verify the install.")
        boolean apply;
    }

    @Override
    public Integer call() {
        if (!mtcVersion.matches("\\d+\\.\\d+\\.\\d+")) {
            throw new BadInputException("--mtc-version " + mtcVersion + ": give the exact version, like 1.8.8 or 1.7.18");
        }
        if (timeoutSeconds < 1) {
            throw new BadInputException("--timeout: must be at least 1 second, got " + timeoutSeconds);
        }
        MirrorResults mirror;
        try {
            mirror = MirrorResults.read(mirrorResults);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--mirror-results " + e.getMessage(), e);
        }
        try (ClusterSession session = ClusterCommandSupport.connect(kubeconfig, context, insecure, 30)) {
            KubernetesClient client = session.client();
            OpenShiftVersion version = OpenShiftVersion.parse(session.facts().openshiftVersion()).orElseThrow(() ->
                    new BadInputException(context + ": not an OpenShift cluster (MTC installs on OpenShift 3.11 and 4.x)"));
            boolean olm = version.major() == 4 && version.minor() >= 6;
            ExistingInstall.Decision decision = ExistingInstall.decide(context, ExistingInstall.installedVersion(client),
                    mtcVersion, olm, upgrade);
            if (decision.kind() == ExistingInstall.Kind.REFUSE) {
                throw new ClusterCommandSupport.WorkFailedException(decision.reason());
            }
            // an upgrade keeps the role the cluster runs unless --role says otherwise
            InstallRole installRole = role == null && decision.kind() == ExistingInstall.Kind.UPGRADE
                    ? ExistingInstall.installedRole(client).orElse(role(olm)) : role(olm);
            ChangePlan plan = decision.kind() == ExistingInstall.Kind.REUSE ? ExistingInstall.reuse(context, mtcVersion)
                    : build(olm, version, installRole, mirror, client, decision);
            return run(plan, client, installRole);
        }
    }

    private InstallRole role(boolean olm) {
        if (role == null) {
            return olm || legacyControl ? InstallRole.CONTROL : InstallRole.REMOTE;
        }
        return switch (role) {
            case "control" -> InstallRole.CONTROL;
            case "remote" -> InstallRole.REMOTE;
            default -> throw new BadInputException("--role " + role + ": use control or remote");
        };
    }

    private ChangePlan build(boolean olm, OpenShiftVersion version, InstallRole installRole, MirrorResults mirror,
            KubernetesClient client, ExistingInstall.Decision decision) {
        Duration timeout = Duration.ofSeconds(timeoutSeconds);
        MirrorAccess access = new MirrorAccess(registry.access(), registry.destTlsVerify);
        try {
            if (olm) {
                new MirrorCompleteness(mirror, access).olm(mtcVersion).requireComplete();
                String ch = channel != null ? channel : "release-v" + mtcVersion.substring(0, mtcVersion.lastIndexOf('.'));
                if (decision.kind() == ExistingInstall.Kind.UPGRADE) {
                    return OlmUpgradePlanner.plan(new OlmInstallRequest(context, version.minor(), installRole, mtcVersion, ch,
                            false, List.of(), timeout), decision.installed(), mirror, client);
                }
                return OlmInstallPlanner.plan(new OlmInstallRequest(context, version.minor(), installRole, mtcVersion, ch,
                        disableDefaultSources, MachineConfigPoolNames.of(client), timeout), mirror);
            }
            LegacyOperatorFiles files = legacyFiles(mirror, access);
            LegacyInstallPlanner.Request request = new LegacyInstallPlanner.Request(context, mtcVersion, files.operatorYml(),
                    files.controllerYml(), installRole == InstallRole.CONTROL, timeout);
            LegacyInstallPlanner.Planned planned = decision.kind() == ExistingInstall.Kind.UPGRADE
                    ? LegacyInstallPlanner.upgrade(request, decision.installed(), mirror, ref -> ref.live(client) != null)
                    : LegacyInstallPlanner.plan(request, mirror);
            new MirrorCompleteness(mirror, access).legacy(planned.rewrite()).requireComplete();
            return planned.plan();
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage(), e);
        } catch (MirrorCompleteness.Incomplete e) {
            throw new ClusterCommandSupport.WorkFailedException(context + ": " + e.getMessage());
        } catch (MirrorException e) {
            if (e.isBadInput()) {
                throw new BadInputException(e.getMessage(), e);
            }
            throw new ClusterCommandSupport.WorkFailedException("reading the mirror: " + e.getMessage());
        }
    }

    /** --operator-yml/--controller-yml when given, else both out of the legacy operator image (archive or mirror). */
    private LegacyOperatorFiles legacyFiles(MirrorResults mirror, MirrorAccess access) {
        if ((operatorYml == null) != (controllerYml == null)) {
            throw new BadInputException("--operator-yml and --controller-yml go together: give both, or neither to read them"
                    + " out of the legacy operator image");
        }
        if (operatorYml != null) {
            return new LegacyOperatorFiles(operatorYml.toString(), read(operatorYml), read(controllerYml));
        }
        return LegacyOperatorFiles.fromArchiveOrMirror(legacyArchive, mirror, access);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    private int run(ChangePlan plan, KubernetesClient client, InstallRole installRole) {
        PrintWriter out = spec.commandLine().getOut();
        if (mode.plan) {
            var previews = ChangePlanPreview.of(plan, client);
            out.print(output == Output.json ? PlanJson.plan(plan, previews) : ChangePlanPreview.text(plan, previews));
            out.flush();
            return ExitCodes.OK;
        }
        if (mode.export != null) {
            try {
                List<Path> files = ChangePlanExporter.export(plan, mode.export);
                out.println("wrote " + files.size() + " files to " + mode.export + " (review, then run "
                        + mode.export.resolve(ChangePlanExporter.SCRIPT) + ")");
            } catch (IllegalArgumentException e) {
                throw new BadInputException("--export " + e.getMessage(), e);
            }
            return ExitCodes.OK;
        }
        ApplyResult result = new ChangePlanApplier(client).apply(plan, o -> {
            if (output == Output.table && !o.state().name().equals("WAITING") && !o.state().name().equals("RUNNING")) {
                ClusterCommandSupport.printOutcome(out, o);
            }
        });
        InstallVerification verification = result.succeeded()
                ? InstallVerifier.await(client, mtcVersion, installRole, Duration.ofSeconds(Math.min(300, timeoutSeconds)))
                : null;
        if (output == Output.json) {
            out.print(PlanJson.result(result, verification));
        } else {
            out.printf("%s: %s in %.1f s%n", plan.cluster(), result.succeeded() ? "applied" : "FAILED",
                    result.elapsed().toMillis() / 1000.0);
            result.failure().ifPresent(f -> out.println("failed at step " + (f.index() + 1) + ": " + f.message()
                    + "\nfix the cause, then run the same command again: it resumes where it stopped"));
            if (verification != null) {
                verification.checks().forEach(c -> out.printf("  %s %s: %s%n", c.passed() ? "ok  " : "FAIL", c.name(), c.detail()));
                if (verification.consoleUrl() != null) {
                    out.println("MTC web console: " + verification.consoleUrl());
                }
            }
        }
        out.flush();
        return result.succeeded() && verification != null && verification.passed() ? ExitCodes.OK : ExitCodes.FAILED;
    }

    /** JSON forms of a plan and of an apply, for scripts. */
    static final class PlanJson {
        private PlanJson() {
        }

        static String plan(ChangePlan plan, List<io.mtcassistant.install.plan.ActionPreview> previews) {
            ObjectNode root = JsonText.object().put("cluster", plan.cluster()).put("title", plan.title());
            root.putPOJO("notes", plan.notes());
            ArrayNode actions = root.putArray("actions");
            for (var p : previews) {
                ObjectNode a = actions.addObject().put("number", p.number()).put("action", p.action().kind().id())
                        .put("target", p.action().target().toString()).put("reason", p.action().reason());
                if (!p.yaml().isEmpty()) {
                    a.put("yaml", p.yaml());
                }
                if (!p.diff().isEmpty()) {
                    a.put("diff", p.diff());
                }
            }
            return write(root);
        }

        static String result(ApplyResult result, InstallVerification verification) {
            ObjectNode root = JsonText.object().put("cluster", result.cluster()).put("succeeded", result.succeeded())
                    .put("seconds", result.elapsed().toMillis() / 1000.0);
            ArrayNode actions = root.putArray("actions");
            for (var o : result.outcomes()) {
                actions.addObject().put("number", o.index() + 1).put("action", o.action().kind().id())
                        .put("target", o.action().target().toString()).put("state", o.state().label())
                        .put("message", o.message()).put("seconds", o.elapsed().toMillis() / 1000.0);
            }
            if (verification != null) {
                ObjectNode v = root.putObject("verification").put("passed", verification.passed());
                if (verification.consoleUrl() != null) {
                    v.put("consoleUrl", verification.consoleUrl());
                }
                ArrayNode checks = v.putArray("checks");
                verification.checks().forEach(c -> checks.addObject().put("name", c.name()).put("passed", c.passed())
                        .put("detail", c.detail()));
            }
            return write(root);
        }

        private static String write(ObjectNode root) {
            return JsonText.pretty(root) + "\n";
        }
    }
}
