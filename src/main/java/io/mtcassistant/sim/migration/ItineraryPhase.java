package io.mtcassistant.sim.migration;

import java.util.Set;

/**
 * One phase of an itinerary: its name ("" for the unnamed first phase), the pipeline step it belongs to, and
 * the flags that decide whether it runs (all of {@code all}; at least one of {@code any} when not empty).
 */
public record ItineraryPhase(String phase, String step, Set<String> all, Set<String> any) {

    public boolean runsWith(Set<String> flags) {
        return flags.containsAll(all) && (any.isEmpty() || any.stream().anyMatch(flags::contains));
    }
}
