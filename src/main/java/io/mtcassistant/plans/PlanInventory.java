package io.mtcassistant.plans;

import java.util.List;
import java.util.Optional;

/**
 * What a plan can be made of, as read from the control cluster (MigClusters, MigStorages, the limits, the rsync
 * endpoint; null when not known) and, when the source is connected, from the source cluster (its namespaces; null when
 * not known).
 */
public record PlanInventory(List<ReadyChoice> clusters, List<ReadyChoice> storages, PlanLimits limits,
        List<SourceNamespace> sourceNamespaces, RsyncEndpoint rsync) {

    public PlanInventory {
        clusters = List.copyOf(clusters);
        storages = List.copyOf(storages);
        sourceNamespaces = sourceNamespaces == null ? null : List.copyOf(sourceNamespaces);
    }

    /** Without the rsync endpoint (direct volume migration is then not checked). */
    public PlanInventory(List<ReadyChoice> clusters, List<ReadyChoice> storages, PlanLimits limits,
            List<SourceNamespace> sourceNamespaces) {
        this(clusters, storages, limits, sourceNamespaces, null);
    }

    public Optional<ReadyChoice> cluster(String name) {
        return clusters.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    public Optional<ReadyChoice> storage(String name) {
        return storages.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    public Optional<SourceNamespace> sourceNamespace(String name) {
        return sourceNamespaces == null ? Optional.empty()
                : sourceNamespaces.stream().filter(n -> n.name().equals(name)).findFirst();
    }

    public PlanInventory withSourceNamespaces(List<SourceNamespace> namespaces) {
        return new PlanInventory(clusters, storages, limits, namespaces, rsync);
    }
}
