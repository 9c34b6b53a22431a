package io.mtcassistant.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mtcassistant.cluster.ClusterSession;
import io.mtcassistant.storage.BucketClaim;
import io.mtcassistant.storage.BucketClaims;
import io.mtcassistant.storage.ObjectGateway;
import io.mtcassistant.storage.ObjectGatewayDiscovery;
import io.mtcassistant.storage.S3Keys;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** `mtc-assistant repository discover`: the Multicloud Object Gateways and bucket claims of the given clusters. */
@Command(name = "discover", mixinStandardHelpOptions = true,
        description = {"Find the Multicloud Object Gateway (NooBaa) and ObjectBucketClaims on clusters: S3 endpoints "
                + "(the external one preferred, with why) and where the keys are. Keys are shown masked.",
            "Exit code: 0 a usable gateway or bound claim was found, 1 none, 2 bad input."})
public class RepositoryDiscoverCommand implements Callable<Integer> {

    enum Output { table, json }


    @Spec
    CommandSpec spec;

    @Option(names = "--kubeconfig", paramLabel = "F[:F...]", description = "Kubeconfig files (default: $KUBECONFIG, else ~/.kube/config).")
    String kubeconfig;

    @Option(names = "--context", required = true, paramLabel = "CTX", description = "A cluster to look on (repeatable).")
    List<String> contexts;

    @Option(names = "--insecure-skip-tls-verify", description = "Do not verify the API server's certificate.")
    boolean insecureApi;

    @Option(names = "--output", paramLabel = "table|json", defaultValue = "table", description = "Output format (default: ${DEFAULT-VALUE}).")
    Output output;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ObjectNode root = JsonText.object();
        ArrayNode gatewaysJson = root.putArray("gateways");
        ArrayNode claimsJson = root.putArray("bucketClaims");
        boolean usable = false;
        for (String context : contexts) {
            try (ClusterSession session = ClusterCommandSupport.connect(kubeconfig, context, insecureApi, 30)) {
                List<ObjectGateway> gateways = ObjectGatewayDiscovery.find(context, session.client());
                List<BucketClaim> claims = BucketClaims.find(context, session.client());
                if (gateways.isEmpty() && claims.isEmpty() && output == Output.table) {
                    out.println(context + ": no Multicloud Object Gateway (NooBaa) and no ObjectBucketClaim");
                }
                for (ObjectGateway g : gateways) {
                    usable |= g.ready() && g.adminKeys().isPresent() && g.recommendedEndpoint().isPresent();
                    if (output == Output.table) {
                        printGateway(out, g);
                    }
                    ObjectNode n = gatewaysJson.addObject().put("cluster", context).put("namespace", g.namespace())
                            .put("name", g.name()).put("phase", g.phase()).put("ready", g.ready())
                            .put("endpoint", g.recommendedEndpoint().orElse(null)).put("why", g.whyEndpoint())
                            .put("adminSecret", g.adminSecret().orElse(null))
                            .put("accessKey", g.adminKeys().map(S3Keys::maskedAccessKeyId).orElse(null));
                    g.externalEndpoints().forEach(n.putArray("externalDNS")::add);
                    g.internalEndpoints().forEach(n.putArray("internalDNS")::add);
                    g.problems().forEach(n.putArray("problems")::add);
                }
                for (BucketClaim c : claims) {
                    usable |= c.bound() && c.keys().isPresent() && c.bucket().isPresent();
                    if (output == Output.table) {
                        out.printf("%s: ObjectBucketClaim %s/%s %s, bucket %s, host %s, keys %s%n", context,
                                c.namespace(), c.name(), c.phase(), c.bucket().orElse("-"), c.host().orElse("-"),
                                c.keys().map(k -> "in Secret " + c.namespace() + "/" + c.name() + " ("
                                        + k.maskedAccessKeyId() + ")").orElse("missing"));
                        c.problems().forEach(p -> out.println("  problem: " + p));
                    }
                    ObjectNode n = claimsJson.addObject().put("cluster", context).put("namespace", c.namespace())
                            .put("name", c.name()).put("phase", c.phase()).put("bucket", c.bucket().orElse(null))
                            .put("host", c.host().orElse(null))
                            .put("accessKey", c.keys().map(S3Keys::maskedAccessKeyId).orElse(null));
                    c.problems().forEach(n.putArray("problems")::add);
                }
            }
        }
        if (output == Output.json) {
            root.put("usable", usable);
            out.println(JsonText.pretty(root));
        }
        out.flush();
        return usable ? ExitCodes.OK : ExitCodes.FAILED;
    }

    private static void printGateway(PrintWriter out, ObjectGateway g) {
        out.printf("%s: NooBaa %s/%s is %s%n", g.cluster(), g.namespace(), g.name(), g.phase());
        out.println("  S3 endpoint: " + g.recommendedEndpoint().orElse("(none)"));
        out.println("    why: " + g.whyEndpoint());
        g.externalEndpoints().forEach(e -> out.println("  external: " + e));
        g.internalEndpoints().forEach(e -> out.println("  internal: " + e));
        out.println("  admin keys: " + g.adminKeys().map(k -> "in Secret " + g.adminSecret().orElse("?") + " ("
                + k.maskedAccessKeyId() + ")").orElse("not available"));
        out.println("  least privilege: an ObjectBucketClaim gives keys for one bucket only: mtc-assistant repository "
                + "create --context " + g.cluster() + " --bucket-claim NAME --plan");
        g.problems().forEach(p -> out.println("  problem: " + p));
        g.recommendedEndpoint().ifPresent(e -> g.adminSecret().ifPresent(s -> out.println(
                "  next: mtc-assistant repository create --context " + g.cluster() + " --endpoint " + e
                + " --bucket BUCKET --keys-secret " + s + " --plan")));
    }
}
