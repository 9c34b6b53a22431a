package io.mtcassistant.monitor;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A MigMigration as the admin reads it.
 *
 * @param summary the console's pipeline summary title ("Completed", "Error - Backup", a step name, "NotStarted")
 * @param stateDetail the condition that decided the state (its message), or null
 * @param conditionsByCategory true conditions grouped Critical, Error, Warn, Advisory, Required (empty groups left out)
 * @param end when it ended (Succeeded / SucceededWithWarnings / Failed condition), or null
 * @param percent overall progress from the steps, null before the pipeline exists
 * @param waiting what a running migration waits for, or null
 */
public record MigrationView(String name, String planName, MigrationAction action, MigrationState state,
        String stateDetail, String currentStep, String summary, String phase, String itinerary, List<StepView> steps,
        Map<String, List<Condition>> conditionsByCategory, List<String> errors, Instant created, Instant start,
        Instant end, Double percent, WaitHint waiting, boolean quiescePods, List<VolumeProgress> volumes) {

    /** Not at an end (also when just created, without status): what blocks another migration of the plan. */
    public boolean active() {
        return !state.terminal() && !"Completed".equals(phase);
    }
}
