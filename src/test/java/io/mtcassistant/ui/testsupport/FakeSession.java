package io.mtcassistant.ui.testsupport;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.mtcassistant.cluster.ClusterFacts;
import io.mtcassistant.cluster.ClusterSession;
import io.mtcassistant.cluster.ContextEntry;

/** A session that only carries facts and remembers whether it was closed. */
public final class FakeSession implements ClusterSession {

    private final ContextEntry context;
    private final ClusterFacts facts;
    public volatile boolean closed;

    public FakeSession(ContextEntry context, ClusterFacts facts) {
        this.context = context;
        this.facts = facts;
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
        throw new UnsupportedOperationException("fake session has no client");
    }

    @Override
    public void close() {
        closed = true;
    }
}
