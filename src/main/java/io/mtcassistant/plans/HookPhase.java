package io.mtcassistant.plans;

/** When a MigHook runs during a migration. */
public enum HookPhase {
    PreBackup, PostBackup, PreRestore, PostRestore;

    /** @throws IllegalArgumentException naming the allowed values */
    public static HookPhase parse(String text) {
        for (HookPhase phase : values()) {
            if (phase.name().equals(text)) {
                return phase;
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not a phase: use PreBackup, PostBackup, PreRestore or "
                + "PostRestore");
    }

    /** The cluster the hook's job runs on: backups happen on the source, restores on the target. */
    public String defaultTargetCluster() {
        return this == PreBackup || this == PostBackup ? "source" : "destination";
    }
}
