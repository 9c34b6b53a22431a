package io.mtcassistant.storage;

import java.util.List;
import java.util.Optional;

/**
 * One Multicloud Object Gateway (a NooBaa resource) as found on a cluster: its phase, S3 endpoints, the admin
 * Secret its status names and the keys in it (when readable), and what stands in the way of using it.
 */
public record ObjectGateway(String cluster, String namespace, String name, String phase,
        List<String> externalEndpoints, List<String> internalEndpoints, Optional<String> adminSecret,
        Optional<S3Keys> adminKeys, List<String> problems) {

    public ObjectGateway {
        externalEndpoints = List.copyOf(externalEndpoints);
        internalEndpoints = List.copyOf(internalEndpoints);
        problems = List.copyOf(problems);
    }

    public boolean ready() {
        return "Ready".equals(phase);
    }

    /** The endpoint MigStorage should name: an external one (HTTPS first), else an internal one. */
    public Optional<String> recommendedEndpoint() {
        return externalEndpoints.stream().filter(e -> e.startsWith("https://")).findFirst()
                .or(() -> externalEndpoints.stream().findFirst())
                .or(() -> internalEndpoints.stream().findFirst());
    }

    /** Why that endpoint: what the admin must know before taking it. */
    public String whyEndpoint() {
        if (!externalEndpoints.isEmpty()) {
            return "external (route) endpoint: Velero on every cluster, the source clusters included, uploads and "
                    + "downloads backups there, so it must be reachable from all of them; the internal service name "
                    + "works only inside the cluster that runs the gateway";
        }
        if (!internalEndpoints.isEmpty()) {
            return "only an internal service name is published: it works only when every cluster's Velero runs on "
                    + "this cluster; expose the S3 service with a route (s3 in " + namespace + ") for the others";
        }
        return "the gateway publishes no S3 endpoint yet";
    }
}
