package io.mtcassistant.plans;

/** When a MigHook runs during a migration. */
public enum HookPhase {
    PreBackup, PostBackup, PreRestore, PostRestore;

    /** The cluster the hook's job runs on: backups happen on the source, restores on the target. */
    public String defaultTargetCluster() {
        return this == PreBackup || this == PostBackup ? "source" : "destination";
    }
}
