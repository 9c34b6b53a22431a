package io.mtcassistant.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.mtcassistant.cluster.ClusterSession;
import io.mtcassistant.common.SecretMasker;
import io.mtcassistant.install.plan.ApplyResult;
import io.mtcassistant.install.plan.ChangePlan;
import io.mtcassistant.install.plan.ChangePlanApplier;
import io.mtcassistant.install.plan.ChangePlanExporter;
import io.mtcassistant.install.plan.ChangePlanPreview;
import io.mtcassistant.network.Cidr;
import io.mtcassistant.network.ClusterProxy;
import io.mtcassistant.network.ControllerSettings;
import io.mtcassistant.network.FieldProblem;
import io.mtcassistant.network.InvalidSettingException;
import io.mtcassistant.network.NetworkFinding;
import io.mtcassistant.network.NetworkPlanner;
import io.mtcassistant.network.NetworkScan;
import io.mtcassistant.network.NoProxySuggestion;
import io.mtcassistant.network.NoProxySuggestions;
import io.mtcassistant.network.ProxyDecision;
import io.mtcassistant.network.ProxySettings;
import io.mtcassistant.network.ReconcileReport;
import io.mtcassistant.network.RsyncEndpointType;
import io.mtcassistant.network.SecretHandling;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** `mtc-assistant network`: procedure 7.4 on one cluster: proxy and rsync settings, policies that block rsync. */
@Command(name = "network", mixinStandardHelpOptions = true,
        description = {"Proxy and network settings for migration on one cluster (procedure 7.4): the proxy MTC uses,"
                + " MigrationController overrides (http_proxy, https_proxy, no_proxy, stunnel_tcp_proxy,"
                + " rsync_endpoint_type, supplemental groups) and the NetworkPolicies / egress rules that would block"
                + " the rsync pods in the namespaces to migrate, with generated fixes.",
            "A value given as \"\" removes the key. Passwords in proxy URLs are masked on screen and written as "
                + SecretHandling.PLACEHOLDER_TEXT + " by --export unless --include-secrets.",
            "A password in a command-line argument is visible to other users of this machine (ps, /proc/PID/cmdline):"
                + " give the stunnel proxy URL with --stunnel-tcp-proxy-file instead.",
            "Exit code: 0 done (or planned / exported), 1 applying failed, 2 bad input."})
public class NetworkCommand implements Callable<Integer> {

    enum Output { table, json }

    @Spec
    CommandSpec spec;

    @Option(names = "--kubeconfig", paramLabel = "F[:F...]", description = "Kubeconfig files (default: $KUBECONFIG, else ~/.kube/config).")
    String kubeconfig;

    @Option(names = "--context", required = true, paramLabel = "CTX", description = "The cluster.")
    String context;

    @Option(names = "--namespace", paramLabel = "NS", split = ",", description = "Namespaces to migrate (checked for policies that block rsync).")
    List<String> namespaces = List.of();

    @Option(names = "--other-cidr", paramLabel = "CIDR", description = "The other cluster's address range (for ipBlock and egress rules, and the generated Allow rule).")
    String otherCidr;

    @Option(names = "--http-proxy", paramLabel = "URL") String httpProxy;
    @Option(names = "--https-proxy", paramLabel = "URL") String httpsProxy;
    @Option(names = "--no-proxy", paramLabel = "LIST") String noProxy;
    @Option(names = "--stunnel-tcp-proxy", paramLabel = "URL", description = "http://user:password@ip:port, a transparent TCP (CONNECT) proxy for direct volume migration. The password is visible to other users in the process list: prefer --stunnel-tcp-proxy-file.")
    String stunnelTcpProxy;
    @Option(names = "--stunnel-tcp-proxy-file", paramLabel = "FILE", description = "Read the stunnel_tcp_proxy URL from FILE (one line; - for standard input), so its password stays out of the process list.")
    Path stunnelTcpProxyFile;
    @Option(names = "--rsync-endpoint-type", paramLabel = "Route|ClusterIP|NodePort", description = "Set on the destination cluster.")
    String rsyncEndpointType;
    @Option(names = "--src-supplemental-groups", paramLabel = "GIDS") String srcGroups;
    @Option(names = "--target-supplemental-groups", paramLabel = "GIDS") String targetGroups;

    @Option(names = "--test-no-proxy", paramLabel = "ADDRESS", description = "Say whether ADDRESS goes through the proxy with the settings given (or in effect), and which rule decided.")
    List<String> testAddresses = List.of();

    @Option(names = "--include-secrets", description = "With --export: write proxy passwords into the files.")
    boolean includeSecrets;

    @Option(names = "--output", paramLabel = "table|json", defaultValue = "table", description = "Output format (default: ${DEFAULT-VALUE}).")
    Output output;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "300", description = "How long Apply waits for the operator (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Option(names = "--insecure-skip-tls-verify", description = "Do not verify the API server's certificate.")
    boolean insecure;

    @ArgGroup(exclusive = true)
    Mode mode;

    static class Mode {
        @Option(names = "--plan", required = true, description = "Show the findings and the change plan (the default).")
        boolean plan;

        @Option(names = "--export", required = true, paramLabel = "DIR", description = "Write the change plan as manifests and apply.sh.")
        Path export;

        @Option(names = "--apply", required = true, description = "Apply the change plan, then show what the operator made of it.")
        boolean apply;
    }

    ControllerSettings settings() {
        return new ControllerSettings(httpProxy, httpsProxy, noProxy, stunnelTcpProxy(), rsyncEndpointType, srcGroups,
                targetGroups);
    }

    private String stunnelTcpProxy() {
        if (stunnelTcpProxyFile == null) {
            return stunnelTcpProxy;
        }
        if (stunnelTcpProxy != null) {
            throw new BadInputException("--stunnel-tcp-proxy-file: give either it or --stunnel-tcp-proxy, not both");
        }
        return SecretValueFile.read("--stunnel-tcp-proxy-file", stunnelTcpProxyFile, System.in);
    }

    /** The option a problem is about: the file option when the stunnel URL came from a file. */
    private String optionOf(String field) {
        String option = "--" + field.replace('_', '-');
        return field.equals(ControllerSettings.STUNNEL_FIELD) && stunnelTcpProxyFile != null ? option + "-file" : option;
    }

    @Override
    public Integer call() {
        ControllerSettings settings = settings();
        List<FieldProblem> problems = settings.check();
        problems.stream().filter(FieldProblem::error).findFirst().ifPresent(p -> {
            throw new BadInputException(optionOf(p.field()) + ": " + p.message());
        });
        if (stunnelTcpProxy != null && stunnelTcpProxy.contains("@")) {
            spec.commandLine().getErr().println("warning: the password in --stunnel-tcp-proxy is visible to other"
                    + " users of this machine in the process list; use --stunnel-tcp-proxy-file next time");
        }
        Cidr other;
        RsyncEndpointType endpoint;
        try {
            other = otherCidr == null ? null : Cidr.parse("--other-cidr", otherCidr);
            endpoint = rsyncEndpointType == null || rsyncEndpointType.isBlank() ? RsyncEndpointType.ROUTE
                    : RsyncEndpointType.parse("--rsync-endpoint-type", rsyncEndpointType);
        } catch (InvalidSettingException e) {
            throw new BadInputException(e.getMessage(), e);
        }
        PrintWriter out = spec.commandLine().getOut();
        boolean applying = mode != null && mode.apply;
        try (ClusterSession session = ClusterCommandSupport.connect(kubeconfig, context, insecure, 30)) {
            KubernetesClient client = session.client();
            ClusterProxy proxy = ClusterProxy.read(client, session.facts().openshiftVersion());
            List<NetworkFinding> findings = new NetworkScan(context, client, other, endpoint).scan(namespaces);
            GenericKubernetesResource controller = settings.isEmpty() ? null : NetworkPlanner.liveController(client);
            ChangePlan plan;
            try {
                plan = NetworkPlanner.plan(context, controller, settings, findings,
                        applying || includeSecrets ? SecretHandling.INCLUDE : SecretHandling.PLACEHOLDER,
                        Duration.ofSeconds(timeoutSeconds));
            } catch (InvalidSettingException e) {
                if (mode != null && !mode.plan) {
                    throw new BadInputException(e.getMessage(), e);
                }
                // planning only: still show the findings and the no_proxy tests, without the patch
                problems = new java.util.ArrayList<>(problems);
                problems.add(new FieldProblem(e.field(), e.getMessage().substring(e.field().length() + 2), true));
                plan = NetworkPlanner.plan(context, null, null, findings, SecretHandling.PLACEHOLDER,
                        Duration.ofSeconds(timeoutSeconds));
            }
            List<ProxyDecision> decisions = decisions(settings, proxy);
            List<NoProxySuggestion> suggestions = suggestions(client, proxy);
            if (mode != null && mode.export != null) {
                try {
                    List<Path> files = ChangePlanExporter.export(plan, mode.export);
                    out.println("wrote " + files.size() + " files to " + mode.export
                            + (includeSecrets ? " (with secrets, as asked)" : ""));
                } catch (IllegalArgumentException e) {
                    throw new BadInputException("--export " + e.getMessage(), e);
                }
                out.flush();
                return ExitCodes.OK;
            }
            if (!applying) {
                ChangePlan shown = plan;
                if (output == Output.json) {
                    out.print(json(proxy, problems, findings, decisions, suggestions, shown, client));
                } else {
                    printReport(out, proxy, problems, findings, decisions, suggestions);
                    out.println();
                    out.print(SecretMasker.mask(ChangePlanPreview.text(shown, ChangePlanPreview.of(shown, client))));
                    out.println("To apply: the same command with --apply");
                }
                out.flush();
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
                out.printf("%s: %s in %.1f s%n", context, result.succeeded() ? "applied" : "FAILED",
                        result.elapsed().toMillis() / 1000.0);
                result.failure().ifPresent(f -> out.println("failed at " + f.action().target() + ": " + f.message()));
                if (!settings.isEmpty()) {
                    ReconcileReport.read(client).forEach(l -> out.println("  " + l));
                }
            }
            out.flush();
            return result.succeeded() ? ExitCodes.OK : ExitCodes.FAILED;
        }
    }

    private List<ProxyDecision> decisions(ControllerSettings settings, ClusterProxy proxy) {
        if (testAddresses.isEmpty()) {
            return List.of();
        }
        ProxySettings effective;
        try {
            effective = ProxySettings.parse(httpProxy != null ? httpProxy : proxy.httpProxy(),
                    httpsProxy != null ? httpsProxy : proxy.httpsProxy(), noProxy != null ? noProxy : proxy.noProxy());
            return testAddresses.stream().map(effective::decide).toList();
        } catch (InvalidSettingException e) {
            throw new BadInputException("--test-no-proxy: " + e.getMessage(), e);
        }
    }

    /**
     * This cluster's own networks that no_proxy should hold (machine network, the nodes' networks), against the
     * no_proxy given or in effect; only when a proxy is given or in effect (else no_proxy does nothing).
     */
    private List<NoProxySuggestion> suggestions(KubernetesClient client, ClusterProxy proxy) {
        String http = httpProxy != null ? httpProxy : proxy.httpProxy();
        String https = httpsProxy != null ? httpsProxy : proxy.httpsProxy();
        if ((http == null || http.isBlank()) && (https == null || https.isBlank())) {
            return List.of();
        }
        return new NoProxySuggestions().machineNetworkOf(client).nodeAddressesOf(client)
                .against(noProxy != null ? noProxy : proxy.noProxy());
    }

    private void printReport(PrintWriter out, ClusterProxy proxy, List<FieldProblem> problems,
            List<NetworkFinding> findings, List<ProxyDecision> decisions, List<NoProxySuggestion> suggestions) {
        out.println(context + ": cluster-wide proxy: " + (proxy.exists() ? "http=" + blank(proxy.httpProxy()) + " https="
                + blank(proxy.httpsProxy()) + " noProxy=" + blank(proxy.noProxy()) : "none"));
        out.println("  " + proxy.note());
        problems.forEach(p -> out.println("  " + p));
        decisions.forEach(d -> out.println("  " + d.target() + ": " + (d.proxied() ? "PROXIED" : "DIRECT") + " - " + d.why()));
        suggestions.forEach(s -> out.println("  no_proxy " + (s.missing() ? "should add " : "has ") + s.entry() + " - "
                + s.why()));
        if (namespaces.isEmpty()) {
            out.println("  (no --namespace given: no policy check)");
        }
        for (NetworkFinding f : findings) {
            out.printf("  %-16s %-20s %-8s %s%n", f.namespace(), f.mechanism(), f.verdict().verdict().label(),
                    f.verdict().explanation());
            if (!f.fixNote().isEmpty()) {
                out.println("  " + " ".repeat(46) + "fix: " + f.fixNote());
            }
        }
    }

    private static String blank(String s) {
        return s == null || s.isEmpty() ? "-" : s;
    }

    private String json(ClusterProxy proxy, List<FieldProblem> problems, List<NetworkFinding> findings,
            List<ProxyDecision> decisions, List<NoProxySuggestion> suggestions, ChangePlan plan, KubernetesClient client) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode().put("cluster", context);
        root.putPOJO("clusterProxy", proxy);
        root.putPOJO("problems", problems);
        root.putPOJO("noProxyTests", decisions);
        root.putPOJO("noProxySuggestions", suggestions);
        var list = root.putArray("findings");
        for (NetworkFinding f : findings) {
            list.addObject().put("namespace", f.namespace()).put("mechanism", f.mechanism()).put("flow", f.flow())
                    .put("verdict", f.verdict().verdict().label()).put("explanation", f.verdict().explanation())
                    .put("fix", f.fixNote()).putPOJO("decidedBy", f.verdict().deciders());
        }
        try {
            root.set("plan", mapper.readTree(InstallCommand.PlanJson.plan(plan, ChangePlanPreview.of(plan, client))));
            return SecretMasker.mask(mapper.writeValueAsString(root)) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
