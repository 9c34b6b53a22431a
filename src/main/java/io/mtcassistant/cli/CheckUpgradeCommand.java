package io.mtcassistant.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.fabric8.kubernetes.api.model.Pod;
import io.mtcassistant.cluster.ClusterSession;
import io.mtcassistant.network.UpgradeCheck;
import io.mtcassistant.network.UpgradeResult;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** `mtc-assistant check-upgrade`: procedure 7.4.1.3's "Upgrade request required", tested before a migration. */
@Command(name = "check-upgrade", mixinStandardHelpOptions = true,
        description = {"Test that an exec upgrade (SPDY/3.1 and websocket v4.channel.k8s.io) reaches the API server"
                + " through the path this machine uses (kubeconfig proxy-url, else HTTPS_PROXY / NO_PROXY).",
            "Only the handshake is made; no command runs in the pod.",
            "Exit code: 0 both upgrades pass, 1 one fails, 2 bad input."})
public class CheckUpgradeCommand implements Callable<Integer> {

    enum Output { table, json }

    @Spec
    CommandSpec spec;

    @Option(names = "--kubeconfig", paramLabel = "F[:F...]", description = "Kubeconfig files (default: $KUBECONFIG, else ~/.kube/config).")
    String kubeconfig;

    @Option(names = "--context", required = true, paramLabel = "CTX", description = "The cluster.")
    String context;

    @Option(names = "--namespace", paramLabel = "NS", description = "With --pod: the pod's namespace.")
    String namespace;

    @Option(names = "--pod", paramLabel = "POD", description = "A Running pod to exec into (default: one of MTC's, else kube-system's).")
    String pod;

    @Option(names = "--output", paramLabel = "table|json", defaultValue = "table", description = "Output format (default: ${DEFAULT-VALUE}).")
    Output output;

    @Option(names = "--insecure-skip-tls-verify", description = "Do not verify the API server's certificate.")
    boolean insecure;

    @Override
    public Integer call() throws Exception {
        if ((pod == null) != (namespace == null)) {
            throw new BadInputException("--pod and --namespace: give both or neither");
        }
        PrintWriter out = spec.commandLine().getOut();
        try (ClusterSession session = ClusterCommandSupport.connect(kubeconfig, context, insecure, 30)) {
            String ns = namespace;
            String name = pod;
            if (name == null) {
                Pod found = UpgradeCheck.findPod(session.client());
                if (found == null) {
                    throw new ClusterCommandSupport.WorkFailedException(context + ": no Running pod in openshift-migration"
                            + " or kube-system to exec into; give one with --namespace and --pod");
                }
                ns = found.getMetadata().getNamespace();
                name = found.getMetadata().getName();
            }
            List<UpgradeResult> results = new UpgradeCheck(session.client().getConfiguration(), System.getenv(),
                    Duration.ofSeconds(30)).run(ns, name);
            if (output == Output.json) {
                out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(
                        java.util.Map.of("cluster", context, "pod", ns + "/" + name, "results", results)));
            } else {
                for (UpgradeResult r : results) {
                    out.printf("%s  %-28s %s%n", r.passed() ? "ok  " : "FAIL", r.protocol().label(), r.message());
                    if (!r.fix().isEmpty()) {
                        out.println("      fix: " + r.fix());
                    }
                }
            }
            out.flush();
            return results.stream().allMatch(UpgradeResult::passed) ? ExitCodes.OK : ExitCodes.FAILED;
        }
    }
}
