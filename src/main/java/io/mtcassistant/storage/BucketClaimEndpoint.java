package io.mtcassistant.storage;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The S3 endpoint MigStorage should name for a bound ObjectBucketClaim, and why. The claim's ConfigMap gives only a
 * host and a port (no scheme), and NooBaa writes its in-cluster service name there, which Velero on the other
 * clusters cannot reach: when that host is one of the gateway's internal endpoints and the gateway has a route, the
 * route is taken instead.
 */
public record BucketClaimEndpoint(String endpoint, String why) {

    public static Optional<BucketClaimEndpoint> of(BucketClaim claim, List<ObjectGateway> gateways) {
        if (claim.host().isEmpty()) {
            return Optional.empty();
        }
        String host = claim.host().get().strip();
        int port = claim.port().orElse(443);
        String named = host + ":" + port;
        for (ObjectGateway gateway : gateways) {
            for (String external : gateway.externalEndpoints()) {
                if (same(external, host, port)) {
                    return Optional.of(new BucketClaimEndpoint(external, "the claim's ConfigMap names " + named
                            + ", the gateway's external endpoint"));
                }
            }
            for (String internal : gateway.internalEndpoints()) {
                if (same(internal, host, port)) {
                    Optional<String> route = gateway.externalEndpoints().isEmpty() ? Optional.empty()
                            : gateway.recommendedEndpoint();
                    return Optional.of(route.map(r -> new BucketClaimEndpoint(r, "the claim's ConfigMap names the "
                            + "in-cluster service " + named + "; MigStorage gets the gateway's route instead: "
                            + gateway.whyEndpoint())).orElse(new BucketClaimEndpoint(internal, "the claim's ConfigMap"
                            + " names the in-cluster service " + named + ": " + gateway.whyEndpoint())));
                }
            }
        }
        String scheme = port == 80 ? "http" : "https";
        String url = scheme + "://" + host + (port == 80 || port == 443 ? "" : ":" + port);
        String why = "from the claim's ConfigMap (BUCKET_HOST " + host + ", BUCKET_PORT " + port + "), " + scheme
                + " because the port is " + (port == 80 ? "" : "not ") + "80; give another endpoint if that is wrong";
        String lower = host.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".svc") || lower.endsWith(".svc.cluster.local")) {
            why += "; " + host + " is an in-cluster name that Velero on the other clusters cannot reach: give the "
                    + "gateway's route instead (repository discover and the Repository page show it)";
        }
        return Optional.of(new BucketClaimEndpoint(url, why));
    }

    private static boolean same(String endpoint, String host, int port) {
        try {
            URI uri = URI.create(endpoint.strip());
            int p = uri.getPort() > 0 ? uri.getPort() : "http".equals(uri.getScheme()) ? 80 : 443;
            return host.equalsIgnoreCase(uri.getHost()) && p == port;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
