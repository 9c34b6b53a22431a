package io.mtcassistant.compat;

import java.util.List;
import java.util.Optional;

/**
 * The decision object the later steps act on: the MTC version for every cluster, the control cluster,
 * the network workaround and each cluster's install. Fields are null while the report still blocks or
 * needs a decision on them.
 *
 * @param mtcVersion        the one MTC version every cluster runs
 * @param controlCluster    context of the control cluster
 * @param networkWorkaround what replaces direct connectivity, if anything
 * @param tunnelCommands    crane tunnel-api commands to run (one per unreachable cluster) when the workaround is the tunnel
 * @param clusters          per cluster, in the order source, target, remotes
 */
public record MigrationPlan(
        MtcVersion mtcVersion,
        String controlCluster,
        NetworkWorkaround networkWorkaround,
        List<String> tunnelCommands,
        List<ClusterPlan> clusters) {

    public MigrationPlan {
        tunnelCommands = tunnelCommands == null ? List.of() : List.copyOf(tunnelCommands);
        clusters = clusters == null ? List.of() : List.copyOf(clusters);
    }

    public Optional<ClusterPlan> cluster(String context) {
        return clusters.stream().filter(c -> c.context().equals(context)).findFirst();
    }
}
