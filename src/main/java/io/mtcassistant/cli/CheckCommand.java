package io.mtcassistant.cli;

import io.mtcassistant.common.AtomicFiles;
import io.mtcassistant.cluster.ClusterConnector;
import io.mtcassistant.cluster.ClusterRole;
import io.mtcassistant.cluster.ConnectOptions;
import io.mtcassistant.cluster.ConnectionOutcome;
import io.mtcassistant.cluster.ContextEntry;
import io.mtcassistant.cluster.FabricClusterConnector;
import io.mtcassistant.cluster.KubeconfigException;
import io.mtcassistant.cluster.KubeconfigFiles;
import io.mtcassistant.cluster.KubeconfigLoader;
import io.mtcassistant.cluster.KubeconfigLocations;
import io.mtcassistant.cluster.KubeconfigSet;
import io.mtcassistant.common.ActivityListener;
import io.mtcassistant.common.XdgDirs;
import io.mtcassistant.compat.CompatibilityDataException;
import io.mtcassistant.compat.CompatibilityEngine;
import io.mtcassistant.compat.CompatibilityEngine.ClusterAssignment;
import io.mtcassistant.compat.CompatibilityReport;
import io.mtcassistant.compat.MigrationDecisions;
import io.mtcassistant.compat.MtcVersion;
import io.mtcassistant.compat.NetworkWorkaround;
import io.mtcassistant.compat.Reachability;
import io.mtcassistant.compat.ReportJson;
import io.mtcassistant.compat.ReportMarkdown;
import io.mtcassistant.compat.ReportText;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** `mtc-assistant check`: Table 7.1 and the procedure's rules applied to the clusters, as a report. */
@Command(name = "check",
        mixinStandardHelpOptions = true,
        description = {"Check the clusters against the MTC compatibility table (Table 7.1) and the procedure's rules.",
            "Exit code: 0 nothing blocks, 1 something blocks or needs a decision, 2 bad input."})
public class CheckCommand implements Callable<Integer> {

    /** Report formats. */
    enum Output { table, json, markdown }

    @Spec
    CommandSpec spec;

    @Option(names = "--kubeconfig", paramLabel = "F[:F...]",
            description = "Kubeconfig files, merged like kubectl (default: $KUBECONFIG, else ~/.kube/config).")
    String kubeconfig;

    @Option(names = "--source", required = true, paramLabel = "CTX", description = "Context of the source cluster.")
    String source;

    @Option(names = "--target", required = true, paramLabel = "CTX", description = "Context of the target cluster.")
    String target;

    @Option(names = "--remote", paramLabel = "CTX", description = "Context of an extra remote cluster (repeatable).")
    List<String> remotes = new ArrayList<>();

    @Option(names = "--output", paramLabel = "table|json|markdown", defaultValue = "table",
            description = "Report format (default: ${DEFAULT-VALUE}).")
    Output output;

    @Option(names = "--report-file", paramLabel = "FILE", description = "Write the report to FILE instead of standard output.")
    Path reportFile;

    @Option(names = "--mtc-version", paramLabel = "X.Y",
            description = "Your decision: the MTC version for every cluster when the table gives different ones (e.g. 1.7).")
    String mtcVersion;

    @Option(names = "--control-cluster", paramLabel = "CTX",
            description = "Your choice of control cluster (default: the most modern cluster).")
    String controlCluster;

    @Option(names = "--remote-reaches-control", paramLabel = "yes|no|CTX=yes|no",
            description = "Your statement: whether the remote clusters (or one, CTX=) and the control cluster can connect.")
    List<String> reachability = new ArrayList<>();

    @Option(names = "--legacy-control-cluster",
            description = "Network edge case: make the legacy cluster the control cluster (MTC 1.7.z).")
    boolean legacyControlCluster;

    @Option(names = "--tunnel-api",
            description = "Network edge case: connect an unreachable cluster with crane tunnel-api (MTC 1.7.z).")
    boolean tunnelApi;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "15",
            description = "Connect and request timeout per cluster (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Option(names = "--insecure-skip-tls-verify", description = "Do not verify the API servers' certificates.")
    boolean insecureSkipTlsVerify;

    private final Supplier<KubeconfigLoader> loaders;
    private final Supplier<ClusterConnector> connectors;
    private final Supplier<XdgDirs> dirs;

    public CheckCommand() {
        this(KubeconfigFiles::new, FabricClusterConnector::new, XdgDirs::system);
    }

    CheckCommand(Supplier<KubeconfigLoader> loaders, Supplier<ClusterConnector> connectors, Supplier<XdgDirs> dirs) {
        this.loaders = loaders;
        this.connectors = connectors;
        this.dirs = dirs;
    }

    @Override
    public Integer call() {
        MigrationDecisions decisions = decisions();
        List<String> contexts = contexts();
        if (timeoutSeconds < 1) {
            throw new BadInputException("--timeout: must be at least 1 second, got " + timeoutSeconds);
        }
        CompatibilityEngine engine;
        try {
            engine = CompatibilityEngine.load(dirs.get());
        } catch (CompatibilityDataException e) {
            throw new BadInputException(e.getMessage(), e);
        }
        if (decisions.mtcVersion() != null && engine.evaluator().matrix().release(decisions.mtcVersion()).isEmpty()) {
            throw new BadInputException("--mtc-version " + decisions.mtcVersion() + ": not in the compatibility data (known: "
                    + String.join(", ", engine.evaluator().matrix().mtcReleases().stream()
                            .map(r -> r.version().toString()).toList()) + ")");
        }
        KubeconfigSet kubeconfigs = kubeconfigs();
        for (String context : contexts) {
            if (kubeconfigs.context(context).isEmpty()) {
                throw new BadInputException("context \"" + context + "\" is not in " + files(kubeconfigs) + " (contexts: "
                        + String.join(", ", kubeconfigs.contexts().stream().map(ContextEntry::name).toList()) + ")");
            }
        }
        if (decisions.controlCluster() != null && !contexts.contains(decisions.controlCluster())) {
            throw new BadInputException("--control-cluster " + decisions.controlCluster()
                    + ": not one of --source, --target or --remote");
        }
        for (String named : decisions.remoteReachesControl().keySet()) {
            if (!contexts.contains(named)) {
                throw new BadInputException("--remote-reaches-control " + named + "=...: " + named
                        + " is not --source, --target or --remote");
            }
        }

        // looked up here, not in a static field: a refused option is answered without setting up logging
        Logger log = LoggerFactory.getLogger(CheckCommand.class);
        ActivityListener activity = event -> log.info("[{}] {}", event.source(), event.message());
        ClusterConnector connector = connectors.get();
        ConnectOptions options = ConnectOptions.defaults().withTimeout(Duration.ofSeconds(timeoutSeconds))
                .withSkipTlsVerify(insecureSkipTlsVerify);
        List<ClusterAssignment> assignments = new ArrayList<>();
        try {
            assignments.add(new ClusterAssignment(ClusterRole.SOURCE, connector.connect(kubeconfigs, source, options, activity)));
            assignments.add(new ClusterAssignment(ClusterRole.TARGET, connector.connect(kubeconfigs, target, options, activity)));
            for (String remote : remotes) {
                assignments.add(new ClusterAssignment(ClusterRole.REMOTE, connector.connect(kubeconfigs, remote, options, activity)));
            }
            CompatibilityReport report = engine.check(assignments, decisions, activity);
            write(render(report));
            return report.verdict().canProceed() ? ExitCodes.OK : ExitCodes.FAILED;
        } finally {
            for (ClusterAssignment assignment : assignments) {
                if (assignment.outcome() instanceof ConnectionOutcome.Connected connected) {
                    connected.session().close();
                }
            }
        }
    }

    private String render(CompatibilityReport report) {
        return switch (output) {
            case json -> ReportJson.render(report);
            case markdown -> ReportMarkdown.render(report);
            case table -> ReportText.render(report);
        };
    }

    /** To standard output, or to the file through a temp file and a move, so no half-written report is left. */
    private void write(String text) {
        if (reportFile == null) {
            spec.commandLine().getOut().print(text);
            spec.commandLine().getOut().flush();
            return;
        }
        try {
            AtomicFiles.writeString(reportFile, text);
        } catch (IOException e) {
            throw new BadInputException("--report-file " + reportFile + ": cannot write: " + e.getMessage(), e);
        }
    }

    private List<String> contexts() {
        List<String> all = new ArrayList<>();
        all.add(source);
        all.add(target);
        all.addAll(remotes);
        Set<String> seen = new LinkedHashSet<>();
        for (String context : all) {
            if (context.isBlank()) {
                throw new BadInputException("a context name is empty");
            }
            if (!seen.add(context)) {
                throw new BadInputException("context \"" + context + "\" is given twice: source, target and remotes "
                        + "must be different clusters");
            }
        }
        return all;
    }

    MigrationDecisions decisions() {
        MigrationDecisions decisions = MigrationDecisions.none();
        if (mtcVersion != null) {
            if (!mtcVersion.trim().matches("\\d+\\.\\d+")) {
                throw new BadInputException("--mtc-version: expected a release line like 1.7, got \"" + mtcVersion + "\"");
            }
            decisions = decisions.withMtcVersion(MtcVersion.of(mtcVersion.trim()));
        }
        if (controlCluster != null) {
            decisions = decisions.withControlCluster(controlCluster);
        }
        if (legacyControlCluster && tunnelApi) {
            throw new BadInputException("--legacy-control-cluster and --tunnel-api are alternatives: choose one");
        }
        if (legacyControlCluster) {
            decisions = decisions.withNetworkWorkaround(NetworkWorkaround.LEGACY_CONTROL_CLUSTER);
        } else if (tunnelApi) {
            decisions = decisions.withNetworkWorkaround(NetworkWorkaround.TUNNEL_API);
        }
        for (String statement : reachability) {
            int equals = statement.lastIndexOf('=');
            String context = equals < 0 ? null : statement.substring(0, equals).trim();
            Reachability value = reachability(equals < 0 ? statement : statement.substring(equals + 1), statement);
            if (context == null) {
                decisions = decisions.withDefaultRemoteReachesControl(value);
            } else if (context.isEmpty()) {
                throw new BadInputException("--remote-reaches-control " + statement + ": the context before = is empty");
            } else {
                decisions = decisions.withRemoteReachesControl(context, value);
            }
        }
        return decisions;
    }

    private static Reachability reachability(String value, String whole) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "yes", "true" -> Reachability.YES;
            case "no", "false" -> Reachability.NO;
            default -> throw new BadInputException("--remote-reaches-control " + whole + ": expected yes, no, CTX=yes or CTX=no");
        };
    }

    private KubeconfigSet kubeconfigs() {
        List<Path> files = kubeconfig == null || kubeconfig.isBlank() ? KubeconfigLocations.defaults()
                : KubeconfigLocations.parseList(kubeconfig);
        if (files.isEmpty()) {
            throw new BadInputException("no kubeconfig: give --kubeconfig FILE, or set KUBECONFIG, or create ~/.kube/config");
        }
        try {
            return loaders.get().load(files);
        } catch (KubeconfigException e) {
            throw new BadInputException(e.getMessage(), e);
        }
    }

    private static String files(KubeconfigSet kubeconfigs) {
        return String.join(":", kubeconfigs.files().stream().map(Path::toString).toList());
    }
}
