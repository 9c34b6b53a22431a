package io.mtcassistant.compat;

import io.mtcassistant.cluster.ClusterFacts;
import io.mtcassistant.cluster.ClusterRole;
import io.mtcassistant.cluster.ConnectionFailure;

/**
 * Everything the checks know about one cluster: either connected (facts + inventory) or failed.
 * The checks are pure functions of these, so the UI can re-run them after each decision without a round trip.
 *
 * @param role      source, target or extra remote
 * @param context   kubeconfig context
 * @param apiUrl    API server URL (from the facts, or the kubeconfig when the connection failed)
 * @param facts     what the connection learned; null when it failed
 * @param failure   why the connection failed; null when connected
 * @param inventory what the probe read; null when not probed
 */
public record ClusterSnapshot(
        ClusterRole role,
        String context,
        String apiUrl,
        ClusterFacts facts,
        ConnectionFailure failure,
        ClusterInventory inventory) {

    public static ClusterSnapshot connected(ClusterRole role, ClusterFacts facts, ClusterInventory inventory) {
        return new ClusterSnapshot(role, facts.context(), facts.apiUrl(), facts, null, inventory);
    }

    public static ClusterSnapshot failed(ClusterRole role, String context, String apiUrl, ConnectionFailure failure) {
        return new ClusterSnapshot(role, context, apiUrl, null, failure, null);
    }

    public boolean isConnected() {
        return facts != null;
    }
}
