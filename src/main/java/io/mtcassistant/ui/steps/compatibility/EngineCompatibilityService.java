package io.mtcassistant.ui.steps.compatibility;

import io.mtcassistant.common.ActivityListener;
import io.mtcassistant.common.XdgDirs;
import io.mtcassistant.compat.ClusterSnapshot;
import io.mtcassistant.compat.CompatibilityDataException;
import io.mtcassistant.compat.CompatibilityEngine;
import io.mtcassistant.compat.CompatibilityEngine.ClusterAssignment;
import io.mtcassistant.compat.CompatibilityReport;
import io.mtcassistant.compat.MigrationDecisions;
import java.util.List;
import java.util.function.Supplier;

/**
 * The real engine. The table is read on the first inspect (a worker thread), not at startup, so the window
 * does not wait for it and a broken override file shows up as a plain error on the page.
 */
public final class EngineCompatibilityService implements CompatibilityService {

    private final Supplier<XdgDirs> dirs;
    private volatile CompatibilityEngine engine;

    public EngineCompatibilityService(Supplier<XdgDirs> dirs) {
        this.dirs = dirs;
    }

    public static EngineCompatibilityService system() {
        return new EngineCompatibilityService(XdgDirs::system);
    }

    @Override
    public List<ClusterSnapshot> inspect(List<ClusterAssignment> clusters, ActivityListener activity)
            throws CompatibilityDataException {
        return engine().inspect(clusters, activity);
    }

    @Override
    public CompatibilityReport evaluate(List<ClusterSnapshot> snapshots, MigrationDecisions decisions) {
        CompatibilityEngine loaded = engine;
        if (loaded == null) {
            throw new IllegalStateException("evaluate before the first inspect");
        }
        return loaded.evaluate(snapshots, decisions);
    }

    private CompatibilityEngine engine() throws CompatibilityDataException {
        CompatibilityEngine loaded = engine;
        if (loaded == null) {
            loaded = CompatibilityEngine.load(dirs.get());
            engine = loaded;
        }
        return loaded;
    }
}
