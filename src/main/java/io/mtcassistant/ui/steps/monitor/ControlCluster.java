package io.mtcassistant.ui.steps.monitor;

import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * The cluster the Monitor step watches, for the windows opened from it (New plan…, Edit…): MigPlans live on the
 * control cluster, so they read and write plans through this same client.
 *
 * @param name   its context name, for change plans
 * @param client the session's client (owned by the Clusters step; not closed here)
 */
public record ControlCluster(String name, KubernetesClient client) {
}
