package io.mtcassistant.network;

import java.util.Map;

/**
 * One connection the rsync pods need, as a NetworkPolicy sees it.
 *
 * @param egress   true for traffic leaving the rsync pod, false for traffic arriving at it
 * @param peer     the other end
 * @param protocol TCP
 * @param port     the port on the receiving side, or -1 when the app cannot know it
 * @param what     "to the other cluster's route (443)"
 */
public record RsyncFlow(boolean egress, Peer peer, String protocol, int port, String what) {

    /** The other end of a flow. */
    public sealed interface Peer permits External, InCluster {
    }

    /** Outside this cluster: {@code cidr} is the other cluster's range as entered, or null when not known yet. */
    public record External(Cidr cidr) implements Peer {
    }

    /** A pod of this cluster (the router that carries the other cluster's connection in). */
    public record InCluster(String namespace, Map<String, String> namespaceLabels, Map<String, String> podLabels)
            implements Peer {
    }

    /** The source's rsync client to the destination's endpoint (a Route: the router's HTTPS port). */
    public static RsyncFlow egressToOtherCluster(Cidr other, int port) {
        return new RsyncFlow(true, new External(other), "TCP", port, "egress to the other cluster"
                + (other == null ? "" : " (" + other + ")") + (port > 0 ? " port " + port : ""));
    }

    /** The other cluster's connection arriving through this cluster's router. */
    public static RsyncFlow ingressFromRouter(InCluster router) {
        return new RsyncFlow(false, router, "TCP", -1, "ingress from the router (namespace " + router.namespace()
                + "), which carries the other cluster's connection");
    }
}
