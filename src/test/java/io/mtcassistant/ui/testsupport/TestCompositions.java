package io.mtcassistant.ui.testsupport;

import io.mtcassistant.settings.Settings;
import io.mtcassistant.ui.AppComposition;
import io.mtcassistant.ui.ClusterServices;
import io.mtcassistant.ui.DemoClusters;
import io.mtcassistant.ui.activity.ActivityLog;
import io.mtcassistant.ui.task.TaskRunner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/** Builds the composition root with fakes, the way the app builds it with the real services. */
public final class TestCompositions {

    private TestCompositions() {
    }

    public static AppComposition withFakes(FakeKubeconfigLoader loader, FakeConnector connector, List<Path> defaults,
                                           FakeDialogs dialogs, Function<ActivityLog, TaskRunner> runner, boolean demo,
                                           Supplier<DemoClusters> demoClusters) {
        return withFakes(loader, connector, defaults, dialogs, runner, demo, demoClusters, new ActivityLog(Runnable::run));
    }

    /** With the activity log given: one that delivers on the FX thread, for a real (background) task runner. */
    public static AppComposition withFakes(FakeKubeconfigLoader loader, FakeConnector connector, List<Path> defaults,
                                           FakeDialogs dialogs, Function<ActivityLog, TaskRunner> runner, boolean demo,
                                           Supplier<DemoClusters> demoClusters, ActivityLog log) {
        return new AppComposition(new ClusterServices(loader, connector, () -> defaults, demoClusters),
                new MemorySettingsStore(), Settings.defaults(), Runnable::run, runner.apply(log), log, dialogs, demo,
                Duration.ofSeconds(5));
    }
}
