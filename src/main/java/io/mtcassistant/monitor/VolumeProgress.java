package io.mtcassistant.monitor;

/**
 * One PVC's direct volume transfer (a DirectVolumeMigrationProgress, or a DVM pod line when no DVMP is visible).
 *
 * @param rateBytesPerSecond the transfer rate in bytes per second, null when unknown
 */
public record VolumeProgress(String pvc, String pod, String phase, Double percent, String rate,
        Double rateBytesPerSecond, String elapsed, String migrationName) {
}
