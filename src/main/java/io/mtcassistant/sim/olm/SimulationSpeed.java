package io.mtcassistant.sim.olm;

import java.time.Duration;
import java.util.Objects;

/**
 * How fast the simulated controllers move: how long one step (a CSV phase, a pod start, one machine of a pool
 * rollout) takes, and how often what cannot be watched (image presence in a registry) is looked at again.
 *
 * @param phase   duration of one step
 * @param recheck interval between looks at registries (catalog images, pod images)
 */
public record SimulationSpeed(Duration phase, Duration recheck) {

    /** System property with the demo's phase in milliseconds. */
    public static final String PHASE_PROPERTY = "mtc.sim.phaseMillis";

    public SimulationSpeed {
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(recheck, "recheck");
        if (phase.isNegative() || recheck.isNegative() || recheck.isZero()) {
            throw new IllegalArgumentException("phase must not be negative and recheck must be positive");
        }
    }

    /** Slow enough to watch a demo install walk through its phases. */
    public static SimulationSpeed demo() {
        long phaseMillis = Long.getLong(PHASE_PROPERTY, 700L);
        return new SimulationSpeed(Duration.ofMillis(phaseMillis), Duration.ofSeconds(3));
    }

    /** For tests: every phase still happens, in a few tens of milliseconds. */
    public static SimulationSpeed fast() {
        return new SimulationSpeed(Duration.ofMillis(40), Duration.ofMillis(400));
    }

    /** How long OLM waits for the operator's Deployment before the CSV fails with "install timeout". */
    Duration installTimeout() {
        return phase.multipliedBy(40).plus(recheck.multipliedBy(4));
    }
}
