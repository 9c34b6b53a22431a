package io.mtcassistant.monitor;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** The controller's wait phases: what each waits for, and what to check when it lasts (users' stuck reports). */
final class WaitPhases {

    /** Longer than this in one wait phase is worth the admin's attention. */
    static final Duration LONG_WAIT = Duration.ofMinutes(10);

    private record Entry(String waitingFor, String whatToCheck) {
    }

    private static final Map<String, Entry> PHASES = Map.ofEntries(
            Map.entry("WaitForRefresh", new Entry("the refresh of the MigPlan, MigStorage and MigClusters",
                    "the MigCluster and MigStorage conditions")),
            Map.entry("WaitForVeleroReady", new Entry("the Velero pods to be ready",
                    "velero pods in openshift-migration on both clusters (image pulls from the mirror)")),
            Map.entry("WaitForResticReady", new Entry("the Restic pods to be ready",
                    "restic pods on the source cluster; restart them if they never become ready")),
            Map.entry("WaitForRegistriesReady", new Entry("the migration registries to be healthy",
                    "registry pods on both clusters (ImagePullBackOff on the mirror)")),
            Map.entry("EnsureCloudSecretPropagated", new Entry("Velero to pick up the repository credentials",
                    "the MigStorage credentials secret; Velero is slow to reload changed credentials")),
            Map.entry("StagePodsCreated", new Entry("the stage pods to run on the source cluster",
                    "stage pods in the migrated namespaces (an image that cannot be pulled from the mirror)")),
            Map.entry("EnsureSrcQuiesced", new Entry("the source applications to scale down",
                    "pods still running in the source namespaces")),
            Map.entry("InitialBackupCreated", new Entry("the initial Velero backup on the source cluster",
                    "the Backup in openshift-migration on the source cluster and the velero logs")),
            Map.entry("StageBackupCreated", new Entry("the stage Velero backup on the source cluster",
                    "PodVolumeBackups and restic; large volumes can hit restic_timeout")),
            Map.entry("EnsureStageBackupReplicated", new Entry("the stage backup to appear on the target cluster",
                    "the target cluster's access to the replication repository")),
            Map.entry("EnsureInitialBackupReplicated", new Entry("the initial backup to appear on the target cluster",
                    "the target cluster's access to the replication repository")),
            Map.entry("StageRestoreCreated", new Entry("the stage Velero restore on the target cluster",
                    "PodVolumeRestores waiting on restic; restarting restic pods often unblocks them")),
            Map.entry("FinalRestoreCreated", new Entry("the final Velero restore on the target cluster",
                    "the Restore and the velero logs on the target cluster")),
            Map.entry("WaitForDirectImageMigrationToComplete", new Entry("the direct image migration",
                    "the DirectImageMigration and the exposed registry routes (port 443 between clusters)")),
            Map.entry("WaitForDirectVolumeMigrationToComplete", new Entry("the rsync transfers of the volumes",
                    "the rsync pods, the rsync route and NetworkPolicies between the clusters")),
            Map.entry("WaitForStaleStagePodsTerminated", new Entry("leftover stage pods to terminate",
                    "stage pods stuck in Terminating")),
            Map.entry("PreBackupHooks", new Entry("the pre-backup hooks", "the hook jobs and their logs")),
            Map.entry("PostBackupHooks", new Entry("the post-backup hooks", "the hook jobs and their logs")),
            Map.entry("PreRestoreHooks", new Entry("the pre-restore hooks", "the hook jobs and their logs")),
            Map.entry("PostRestoreHooks", new Entry("the post-restore hooks", "the hook jobs and their logs")));

    private WaitPhases() {
    }

    static WaitHint hint(String phase, Instant since, Instant now) {
        Entry entry = phase == null ? null : PHASES.get(phase);
        if (entry == null) {
            return null;
        }
        Duration waited = since == null ? null : Duration.between(since, now).isNegative() ? Duration.ZERO
                : Duration.between(since, now);
        return new WaitHint(phase, entry.waitingFor(), entry.whatToCheck(), since, waited,
                waited != null && waited.compareTo(LONG_WAIT) > 0);
    }
}
