package io.mtcassistant.sim.migration;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** A named itinerary (Stage, Final, Cancel, Failed, Rollback): its phases in order. */
public record Itinerary(String name, List<ItineraryPhase> phases) {

    public static final String STAGE = "Stage";
    public static final String FINAL = "Final";
    public static final String CANCEL = "Cancel";
    public static final String FAILED = "Failed";
    public static final String ROLLBACK = "Rollback";

    public Itinerary {
        phases = List.copyOf(phases);
    }

    /** The phases that run for these flags, in order. */
    public List<ItineraryPhase> runningWith(Set<String> flags) {
        return phases.stream().filter(p -> p.runsWith(flags)).toList();
    }

    /** The pipeline steps for these flags, in the order their first phase runs. */
    public List<String> steps(Set<String> flags) {
        Set<String> steps = new LinkedHashSet<>();
        runningWith(flags).forEach(p -> steps.add(p.step()));
        return new ArrayList<>(steps);
    }

    /** 1-based place of a phase in the whole itinerary (skipped phases count), as "Step: n/total" shows it. */
    public int position(String phase) {
        for (int i = 0; i < phases.size(); i++) {
            if (phases.get(i).phase().equals(phase)) {
                return i + 1;
            }
        }
        return 0;
    }
}
