package io.mtcassistant.plans;

import java.util.List;

/**
 * What the admin asks for: a MigPlan between two MigClusters through one MigStorage, its namespaces, PV choices
 * (applied once the controller has discovered the volumes), copy options and hooks.
 *
 * @param directImages  images go straight to the target's registry route (else through the repository)
 * @param directVolumes volumes are copied with rsync between the clusters (else through the repository)
 */
public record PlanRequest(String name, String sourceCluster, String targetCluster, String storage,
        List<NamespaceMapping> namespaces, List<PvChoice> pvChoices, boolean directImages, boolean directVolumes,
        List<PlanHook> hooks) {

    public PlanRequest {
        namespaces = namespaces == null ? List.of() : List.copyOf(namespaces);
        pvChoices = pvChoices == null ? List.of() : List.copyOf(pvChoices);
        hooks = hooks == null ? List.of() : List.copyOf(hooks);
    }

    public PlanRequest withNamespaces(List<NamespaceMapping> changed) {
        return new PlanRequest(name, sourceCluster, targetCluster, storage, changed, pvChoices, directImages,
                directVolumes, hooks);
    }

    public PlanRequest withPvChoices(List<PvChoice> changed) {
        return new PlanRequest(name, sourceCluster, targetCluster, storage, namespaces, changed, directImages,
                directVolumes, hooks);
    }

    public PlanRequest withHooks(List<PlanHook> changed) {
        return new PlanRequest(name, sourceCluster, targetCluster, storage, namespaces, pvChoices, directImages,
                directVolumes, changed);
    }

    public PlanRequest withOptions(boolean images, boolean volumes) {
        return new PlanRequest(name, sourceCluster, targetCluster, storage, namespaces, pvChoices, images, volumes,
                hooks);
    }
}
