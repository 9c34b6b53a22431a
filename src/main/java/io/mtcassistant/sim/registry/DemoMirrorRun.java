package io.mtcassistant.sim.registry;

import io.mtcassistant.mirror.MirrorException;
import io.mtcassistant.mirror.session.MirrorMode;
import io.mtcassistant.mirror.session.MirrorSetup;
import io.mtcassistant.mirror.session.MirroringSession;
import io.mtcassistant.mirror.session.ProgressTracker;
import java.nio.file.Path;

/**
 * The demo's mirror run without the desktop app: the synthetic demo catalog (MTC release-v1.7 and the legacy
 * operator, the version both demo clusters can run) mirrored by the real engine into the simulated mirror registry,
 * writing a results folder the Operators step and {@code mtc-assistant install} read.
 */
public final class DemoMirrorRun {

    public static final String CHANNEL = "release-v1.7";

    private DemoMirrorRun() {
    }

    /**
     * @param cacheDir   where the synthetic content is generated (reused when already there)
     * @param resultsDir where mapping.txt, ICSP/IDMS and the CatalogSource go
     * @return the run's outcome (every image mirrored, or the failures)
     */
    public static MirroringSession.Outcome mirror(SimulatedMirrorRegistry registry, Path cacheDir, Path resultsDir) {
        MirrorSetup setup = new MirrorSetup(MirrorMode.MIRROR_TO_MIRROR, MirroringSession.demoIndexImage(), CHANNEL, true,
                registry.endpoint(), "", "", registry.caFile(), false, null, resultsDir);
        try (MirroringSession session = new MirroringSession(cacheDir, true, new ProgressTracker())) {
            MirroringSession.Outcome outcome = session.run(session.plan(setup));
            if (!outcome.ok()) {
                throw new MirrorException(MirrorException.Kind.REGISTRY, outcome.failed() + " demo images failed to mirror into "
                        + registry.endpoint());
            }
            return outcome;
        }
    }
}
