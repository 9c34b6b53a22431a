package io.mtcassistant.ui;

import io.mtcassistant.cluster.FabricClusterConnector;
import io.mtcassistant.cluster.KubeconfigFiles;
import io.mtcassistant.cluster.KubeconfigLocations;

/** The real cluster layer for the app. */
final class ProductionClusterServices {

    private ProductionClusterServices() {
    }

    static ClusterServices create() {
        return new ClusterServices(new KubeconfigFiles(), new FabricClusterConnector(), KubeconfigLocations::defaults,
                SimulatedDemoClusters::new);
    }
}
