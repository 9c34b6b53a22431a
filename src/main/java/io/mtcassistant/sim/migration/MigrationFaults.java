package io.mtcassistant.sim.migration;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Trouble planted in the simulated controller for tests and the demo: fail at a phase, keep the direct volume
 * migration blocked (rsync pods Pending), run phases or steps slower, or finish with a warning. Planted through
 * {@link SimulatedMigrationController#plant} or with annotations on a MigPlan or MigMigration (the migration's
 * win), so a test that only holds a Kubernetes client can plant them too.
 *
 * @param failAt phase at which the migration fails (null: none)
 * @param failMessage the error written into status.errors
 * @param blockDirectVolume rsync pods stay Pending and the migration shows DirectVolumeMigrationBlocked
 * @param slow factor per phase or step name by which its time grows
 * @param warn the migration ends SucceededWithWarnings (a partially failed final restore)
 */
public record MigrationFaults(String failAt, String failMessage, boolean blockDirectVolume, Map<String, Double> slow,
        boolean warn) {

    public static final String PREFIX = "sim.mtc-assistant.io/";
    /** Annotation: the phase to fail at, e.g. StageBackupCreated. */
    public static final String FAIL_AT = PREFIX + "fail-at";
    public static final String FAIL_MESSAGE = PREFIX + "fail-message";
    /** Annotation "true": the direct volume migration's rsync pods stay Pending. */
    public static final String BLOCK_DIRECT_VOLUME = PREFIX + "block-direct-volume";
    /** Annotation "PHASE_OR_STEP=FACTOR[,...]", e.g. "InitialBackupCreated=20,DirectVolume=3". */
    public static final String SLOW = PREFIX + "slow";
    /** Annotation "true": ends with SucceededWithWarnings. */
    public static final String WARN = PREFIX + "warn";

    public MigrationFaults {
        slow = Map.copyOf(slow);
    }

    public static MigrationFaults none() {
        return new MigrationFaults(null, null, false, Map.of(), false);
    }

    public MigrationFaults failingAt(String phase, String message) {
        return new MigrationFaults(phase, message, blockDirectVolume, slow, warn);
    }

    public MigrationFaults blockingDirectVolume(boolean blocked) {
        return new MigrationFaults(failAt, failMessage, blocked, slow, warn);
    }

    public MigrationFaults slowing(String phaseOrStep, double factor) {
        Map<String, Double> more = new LinkedHashMap<>(slow);
        more.put(phaseOrStep, factor);
        return new MigrationFaults(failAt, failMessage, blockDirectVolume, more, warn);
    }

    public MigrationFaults warning(boolean withWarning) {
        return new MigrationFaults(failAt, failMessage, blockDirectVolume, slow, withWarning);
    }

    double slowFactor(ItineraryPhase phase) {
        return slow.getOrDefault(phase.phase(), 1.0) * slow.getOrDefault(phase.step(), 1.0);
    }

    /** These faults overridden by the annotations present (a MigPlan's, then a MigMigration's). */
    MigrationFaults withAnnotations(Map<String, String> annotations) {
        if (annotations == null || annotations.keySet().stream().noneMatch(k -> k.startsWith(PREFIX))) {
            return this;
        }
        MigrationFaults result = this;
        if (annotations.containsKey(FAIL_AT)) {
            result = result.failingAt(annotations.get(FAIL_AT),
                    annotations.getOrDefault(FAIL_MESSAGE, "Simulated failure at " + annotations.get(FAIL_AT) + "."));
        }
        if (annotations.containsKey(BLOCK_DIRECT_VOLUME)) {
            result = result.blockingDirectVolume(Boolean.parseBoolean(annotations.get(BLOCK_DIRECT_VOLUME)));
        }
        if (annotations.containsKey(WARN)) {
            result = result.warning(Boolean.parseBoolean(annotations.get(WARN)));
        }
        String slowSpec = annotations.get(SLOW);
        if (slowSpec != null) {
            for (String item : slowSpec.split(",")) {
                String[] pair = item.split("=");
                if (pair.length == 2) {
                    try {
                        result = result.slowing(pair[0].strip(), Double.parseDouble(pair[1].strip()));
                    } catch (NumberFormatException e) {
                        // a malformed factor is ignored: planting must never break the controller
                    }
                }
            }
        }
        return result;
    }
}
