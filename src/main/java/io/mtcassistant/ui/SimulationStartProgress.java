package io.mtcassistant.ui;

import io.mtcassistant.sim.SimulatedEnvironment;
import java.util.HashSet;
import java.util.Set;

/**
 * How far the demo's simulation has started, in the words the status bar and the Clusters page show while the user
 * waits. Parts report from the threads that start them, hence the locking.
 */
final class SimulationStartProgress {

    private static final int TOTAL = SimulatedEnvironment.PARTS.size();

    private final Set<String> ready = new HashSet<>();
    private String latest;

    /** Counts {@code part} as ready; returns the new {@link #summary()}. */
    synchronized String ready(String part) {
        ready.add(part);
        latest = part;
        return summary();
    }

    /** "0 of 3 ready", then "sim-target ready (2 of 3)". */
    synchronized String summary() {
        return latest == null ? "0 of " + TOTAL + " ready" : latest + " ready (" + ready.size() + " of " + TOTAL + ")";
    }

    /** The Clusters page's status line for a summary. */
    static String pageText(String summary) {
        return "Starting the simulated clusters: " + summary + "…";
    }
}
