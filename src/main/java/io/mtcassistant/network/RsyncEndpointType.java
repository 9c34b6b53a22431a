package io.mtcassistant.network;

import java.util.Arrays;

/**
 * How the destination cluster exposes its rsync transfer pods to the source (procedure 7.4.2.3). The controller reads
 * {@code RSYNC_ENDPOINT_TYPE} from the destination cluster's {@code migration-cluster-config} and silently falls back to
 * Route on a value it does not know, so only these spellings are accepted.
 */
public enum RsyncEndpointType {
    ROUTE("Route", "a passthrough Route on the destination cluster's router; the source reaches the router's HTTPS port"
            + " (through stunnel_tcp_proxy when the source is behind a proxy)"),
    CLUSTER_IP("ClusterIP", "a ClusterIP Service: only when the source's pods can reach the destination's service network"
            + " (both clusters share one network, for example the same cluster or a flat pod network)"),
    NODE_PORT("NodePort", "a NodePort Service: the source must reach the destination's node addresses on ports"
            + " 30000-32767 (firewalls and egress rules must allow that range)");

    private final String value;
    private final String needs;

    RsyncEndpointType(String value, String needs) {
        this.value = value;
        this.needs = needs;
    }

    public String value() {
        return value;
    }

    /** What the clusters need for this endpoint to work. */
    public String needs() {
        return needs;
    }

    public static RsyncEndpointType parse(String field, String text) {
        String t = text == null ? "" : text.trim();
        return Arrays.stream(values()).filter(v -> v.value.equals(t)).findFirst()
                .orElseThrow(() -> new InvalidSettingException(field, "'" + t + "' is not one of Route, ClusterIP, NodePort"
                        + " (the controller would silently use Route)"));
    }
}
