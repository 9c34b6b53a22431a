package io.mtcassistant.sim.migration;

import java.util.Map;

/**
 * How long each phase takes in simulated seconds before the time scale applies: most phases are quick; the waits
 * for Velero, the image and volume copies and hooks take the time, as in a real migration.
 */
final class PhaseTiming {

    private static final double DEFAULT_SECONDS = 1.0;
    private static final Map<String, Double> SECONDS = Map.ofEntries(
            Map.entry("InitialBackupCreated", 12.0),
            Map.entry("StageBackupCreated", 8.0),
            Map.entry("StageRestoreCreated", 6.0),
            Map.entry("FinalRestoreCreated", 10.0),
            Map.entry("StagePodsCreated", 3.0),
            Map.entry("EnsureSrcQuiesced", 3.0),
            Map.entry("EnsureQuiesced", 3.0),
            Map.entry("WaitForDirectImageMigrationToComplete", 6.0),
            Map.entry("WaitForDirectVolumeMigrationToComplete", 30.0),
            Map.entry("WaitForDirectVolumeMigrationToRollbackComplete", 10.0),
            Map.entry("PreBackupHooks", 4.0),
            Map.entry("PostBackupHooks", 4.0),
            Map.entry("PreRestoreHooks", 4.0),
            Map.entry("PostRestoreHooks", 4.0),
            Map.entry("EnsureMigratedDeleted", 3.0),
            Map.entry("WaitForRefresh", 2.0),
            Map.entry("Verification", 3.0));

    private PhaseTiming() {
    }

    static double seconds(String phase) {
        return SECONDS.getOrDefault(phase, DEFAULT_SECONDS);
    }
}
