package io.mtcassistant.cluster;

import io.fabric8.kubernetes.client.KubernetesClient;

/** A live, verified connection to one cluster; the one way later steps talk to it. */
public interface ClusterSession extends AutoCloseable {

    ContextEntry context();

    ClusterFacts facts();

    KubernetesClient client();

    @Override
    void close();
}
