package io.mtcassistant.ui;

import io.mtcassistant.cluster.ClusterConnector;
import io.mtcassistant.cluster.KubeconfigLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/**
 * What the UI needs from the cluster layer; tests pass fakes.
 *
 * @param loader             reads and merges kubeconfig files
 * @param connector          connects and probes a context
 * @param defaultKubeconfigs the usual places (KUBECONFIG entries, ~/.kube/config); may name files that do not exist
 * @param demoClusters       makes the simulated clusters for demo mode
 */
public record ClusterServices(KubeconfigLoader loader, ClusterConnector connector,
                              Supplier<List<Path>> defaultKubeconfigs, Supplier<DemoClusters> demoClusters) {
}
