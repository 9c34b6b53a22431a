package io.mtcassistant.ui.steps.monitor;

import io.mtcassistant.monitor.ActionRequest;
import io.mtcassistant.monitor.MigrationActions;
import io.mtcassistant.monitor.MonitorListener;
import io.mtcassistant.monitor.MonitorSnapshot;

/** Where the Monitor step gets its data and sends its actions (the control cluster; tests may pass another). */
public interface MonitorService {

    /** Starts watching; updates arrive on a background thread; close to stop. */
    AutoCloseable watch(MonitorListener listener);

    /** Checks the action against the snapshot and does it; returns the migration's name. Runs off the FX thread. */
    String apply(MonitorSnapshot snapshot, ActionRequest request) throws MigrationActions.ActionRefusedException;

    /** Which cluster this is and why, for the page ("Watching sim-target, the control cluster chosen in step 2."). */
    default String note() {
        return "";
    }
}
