package io.mtcassistant.monitor;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.Serialization;

/** MigPlan and MigMigration objects shaped as mig-controller writes them, for tests. */
public final class MigTestObjects {

    private MigTestObjects() {
    }

    public static GenericKubernetesResource readyPlan(String name) {
        return Serialization.unmarshal("""
                {"apiVersion": "migration.openshift.io/v1alpha1", "kind": "MigPlan",
                 "metadata": {"name": "%s", "namespace": "openshift-migration"},
                 "spec": {"srcMigClusterRef": {"name": "source", "namespace": "openshift-migration"},
                          "destMigClusterRef": {"name": "host", "namespace": "openshift-migration"},
                          "migStorageRef": {"name": "repo", "namespace": "openshift-migration"},
                          "namespaces": ["shop"]},
                 "status": {"conditions": [{"type": "Ready", "status": "True", "category": "Required",
                            "message": "The migration plan is ready."}]}}
                """.formatted(name), GenericKubernetesResource.class);
    }

    /** A cutover running in its DirectVolume step with one PVC at {@code percent}. */
    public static GenericKubernetesResource runningCutover(String name, String plan, int percent) {
        return Serialization.unmarshal("""
                {"apiVersion": "migration.openshift.io/v1alpha1", "kind": "MigMigration",
                 "metadata": {"name": "%s", "namespace": "openshift-migration",
                              "creationTimestamp": "2026-01-01T10:00:00Z"},
                 "spec": {"migPlanRef": {"name": "%s", "namespace": "openshift-migration"}, "stage": false,
                          "quiescePods": true},
                 "status": {"phase": "WaitForDirectVolumeMigrationToComplete", "itinerary": "Final",
                  "startTimestamp": "2026-01-01T10:00:00Z",
                  "conditions": [{"type": "Running", "status": "True", "category": "Advisory",
                     "reason": "WaitForDirectVolumeMigrationToComplete", "message": "Step: 38/49"}],
                  "pipeline": [
                   {"name": "Prepare", "started": "2026-01-01T10:00:00Z", "completed": "2026-01-01T10:00:20Z",
                    "message": "Completed"},
                   {"name": "DirectVolume", "started": "2026-01-01T10:00:20Z",
                    "phase": "WaitForDirectVolumeMigrationToComplete",
                    "message": "Waiting for Direct Volume Migration to complete.",
                    "progress": ["1 total volumes; 0 successful; 1 running; 0 failed",
                                 "[pvc-a] shop/dvm-rsync-xyz: Running %d%% (Transfer rate 30MB/s) (2m3s)"]},
                   {"name": "Cleanup", "message": "Not started"}]}}
                """.formatted(name, plan, percent), GenericKubernetesResource.class);
    }

    public static GenericKubernetesResource succeededCutover(String name, String plan) {
        return Serialization.unmarshal("""
                {"apiVersion": "migration.openshift.io/v1alpha1", "kind": "MigMigration",
                 "metadata": {"name": "%s", "namespace": "openshift-migration",
                              "creationTimestamp": "2026-01-01T10:00:00Z"},
                 "spec": {"migPlanRef": {"name": "%s", "namespace": "openshift-migration"}, "stage": false},
                 "status": {"phase": "Completed", "itinerary": "Final", "startTimestamp": "2026-01-01T10:00:00Z",
                  "conditions": [{"type": "Succeeded", "status": "True", "category": "Advisory", "durable": true,
                     "reason": "Completed", "message": "The migration has completed successfully.",
                     "lastTransitionTime": "2026-01-01T10:05:00Z"}],
                  "pipeline": [
                   {"name": "Prepare", "started": "2026-01-01T10:00:00Z", "completed": "2026-01-01T10:00:20Z",
                    "message": "Completed"},
                   {"name": "DirectVolume", "started": "2026-01-01T10:00:20Z", "completed": "2026-01-01T10:04:50Z",
                    "message": "Completed",
                    "progress": ["1 total volumes; 1 successful; 0 running; 0 failed",
                                 "[pvc-a] shop/dvm-rsync-xyz: Completed 100%% (Transfer rate 31MB/s) (4m30s)"]},
                   {"name": "Cleanup", "started": "2026-01-01T10:04:50Z", "completed": "2026-01-01T10:05:00Z",
                    "message": "Completed"}]}}
                """.formatted(name, plan), GenericKubernetesResource.class);
    }

    public static GenericKubernetesResource stage(String name, String plan) {
        return Serialization.unmarshal("""
                {"apiVersion": "migration.openshift.io/v1alpha1", "kind": "MigMigration",
                 "metadata": {"name": "%s", "namespace": "openshift-migration",
                              "creationTimestamp": "2026-01-01T11:00:00Z"},
                 "spec": {"migPlanRef": {"name": "%s", "namespace": "openshift-migration"}, "stage": true}}
                """.formatted(name, plan), GenericKubernetesResource.class);
    }
}
