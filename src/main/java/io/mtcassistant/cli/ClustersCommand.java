package io.mtcassistant.cli;

import io.mtcassistant.cluster.ClusterConnector;
import io.mtcassistant.cluster.ClusterReport;
import io.mtcassistant.cluster.ConnectOptions;
import io.mtcassistant.cluster.ConnectionOutcome;
import io.mtcassistant.cluster.ContextEntry;
import io.mtcassistant.cluster.FabricClusterConnector;
import io.mtcassistant.cluster.KubeconfigException;
import io.mtcassistant.cluster.KubeconfigFiles;
import io.mtcassistant.cluster.KubeconfigLocations;
import io.mtcassistant.cluster.KubeconfigSet;
import io.mtcassistant.common.ActivityEvent;
import io.mtcassistant.common.ActivityListener;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** `mtc-assistant clusters`: connect to kubeconfig contexts and print what each cluster is. */
@Command(name = "clusters",
        mixinStandardHelpOptions = true,
        description = {"Connect to kubeconfig contexts and show per cluster: API URL, Kubernetes and OpenShift "
                + "version, platform class, user and whether the user is cluster-admin.",
            "Exit codes: 0 all contexts connected, 1 a context failed, 2 bad input."})
public class ClustersCommand implements Callable<Integer> {

    enum Output { table, json }

    @Spec
    CommandSpec spec;

    @Option(names = "--kubeconfig", paramLabel = "F[:F...]",
            description = "Kubeconfig files, merged like kubectl (the first file wins). Default: the KUBECONFIG "
                    + "list, else ~/.kube/config.")
    List<String> kubeconfig;

    @Option(names = "--context", paramLabel = "C", arity = "1..*",
            description = "Contexts to connect to (default: every context).")
    List<String> contexts;

    @Option(names = {"-o", "--output"}, paramLabel = "table|json", defaultValue = "table",
            description = "table (for people) or json (for scripts). Default: ${DEFAULT-VALUE}.")
    Output output;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "15",
            description = "Time allowed per context for the whole probe. Default: ${DEFAULT-VALUE}.")
    int timeoutSeconds;

    @Option(names = "--certificate-authority", paramLabel = "FILE",
            description = "Trust this CA (PEM) for the API servers, instead of the kubeconfig's.")
    Path certificateAuthority;

    @Option(names = "--insecure-skip-tls-verify",
            description = "Do not verify the API servers' certificates (only on a network you trust).")
    boolean insecureSkipTlsVerify;

    @Option(names = {"-v", "--verbose"}, description = "Print each step on stderr.")
    boolean verbose;

    // Built when the command runs, not when picocli instantiates it: a bad option is answered without the HTTP client.
    private final Supplier<ClusterConnector> connectors;

    public ClustersCommand() {
        this(FabricClusterConnector::new);
    }

    ClustersCommand(Supplier<ClusterConnector> connectors) {
        this.connectors = connectors;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (timeoutSeconds <= 0) {
            throw new BadInputException("--timeout must be a positive number of seconds, not " + timeoutSeconds);
        }
        if (certificateAuthority != null && !Files.isReadable(certificateAuthority)) {
            throw new BadInputException(certificateAuthority + ": CA file not found or not readable");
        }
        List<Path> files = files();
        KubeconfigSet set;
        try {
            set = new KubeconfigFiles().load(files);
        } catch (KubeconfigException e) {
            throw new BadInputException(e.getMessage(), e);
        }
        List<String> names = selectedContexts(set);

        ConnectOptions options = ConnectOptions.defaults().withTimeout(Duration.ofSeconds(timeoutSeconds))
                .withSkipTlsVerify(insecureSkipTlsVerify).withCaFile(certificateAuthority);
        ActivityListener activity = verbose ? event -> printEvent(err, event) : ActivityListener.NONE;
        List<ConnectionOutcome> outcomes = connectAll(set, names, options, activity);
        try {
            out.print(output == Output.json ? ClusterReport.json(outcomes) + "\n" : ClusterReport.table(outcomes));
            out.flush();
        } finally {
            for (ConnectionOutcome outcome : outcomes) {
                if (outcome instanceof ConnectionOutcome.Connected connected) {
                    connected.session().close();
                }
            }
        }
        boolean allConnected = outcomes.stream().allMatch(o -> o instanceof ConnectionOutcome.Connected);
        return allConnected ? ExitCodes.OK : ExitCodes.FAILED;
    }

    private List<Path> files() {
        if (kubeconfig == null || kubeconfig.isEmpty()) {
            List<Path> defaults = KubeconfigLocations.defaults();
            if (defaults.isEmpty()) {
                String list = System.getenv("KUBECONFIG");
                throw new BadInputException(list != null && !list.isBlank()
                        ? "none of the KUBECONFIG files exists: " + list
                        : "no kubeconfig: KUBECONFIG is not set and ~/.kube/config does not exist (use --kubeconfig)");
            }
            return defaults;
        }
        List<Path> files = new ArrayList<>();
        for (String list : kubeconfig) {
            files.addAll(KubeconfigLocations.parseList(list));
        }
        if (files.isEmpty()) {
            throw new BadInputException("--kubeconfig names no file");
        }
        return files;
    }

    private List<String> selectedContexts(KubeconfigSet set) {
        String fileList = set.files().stream().map(Path::toString).collect(Collectors.joining(":"));
        if (set.contexts().isEmpty()) {
            throw new BadInputException(fileList + ": no contexts defined");
        }
        List<String> known = set.contexts().stream().map(ContextEntry::name).toList();
        if (contexts == null || contexts.isEmpty()) {
            return known;
        }
        for (String name : contexts) {
            if (!known.contains(name)) {
                throw new BadInputException(fileList + ": unknown context '" + name + "' (known: "
                        + String.join(", ", known) + ")");
            }
        }
        return contexts.stream().distinct().toList();
    }

    /** Contexts connect in parallel (each has its own deadline); results keep the requested order. */
    private List<ConnectionOutcome> connectAll(KubeconfigSet set, List<String> names, ConnectOptions options,
            ActivityListener activity) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(4, names.size()), r -> {
            Thread thread = new Thread(r, "clusters-command");
            thread.setDaemon(true);
            return thread;
        });
        try {
            ClusterConnector connector = connectors.get();
            List<Future<ConnectionOutcome>> futures = new ArrayList<>();
            for (String name : names) {
                futures.add(pool.submit(() -> connector.connect(set, name, options, activity)));
            }
            List<ConnectionOutcome> outcomes = new ArrayList<>();
            for (Future<ConnectionOutcome> future : futures) {
                outcomes.add(future.get());
            }
            return outcomes;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while connecting", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("connecting failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static synchronized void printEvent(PrintWriter err, ActivityEvent event) {
        err.println("[" + event.level().name().toLowerCase() + "] " + event.message());
        err.flush();
    }
}
