package io.mtcassistant.cluster;

import io.fabric8.kubernetes.client.KubernetesClient;

/** A verified fabric8 connection; closing it releases the client's threads and connections. */
final class FabricClusterSession implements ClusterSession {

    private final ContextEntry context;
    private final ClusterFacts facts;
    private final KubernetesClient client;

    FabricClusterSession(ContextEntry context, ClusterFacts facts, KubernetesClient client) {
        this.context = context;
        this.facts = facts;
        this.client = client;
    }

    @Override
    public ContextEntry context() {
        return context;
    }

    @Override
    public ClusterFacts facts() {
        return facts;
    }

    @Override
    public KubernetesClient client() {
        return client;
    }

    @Override
    public void close() {
        client.close();
    }

    @Override
    public String toString() {
        return "ClusterSession[" + context.name() + " " + facts.apiUrl() + "]";
    }
}
