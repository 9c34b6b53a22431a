package io.mtcassistant.ui;

import io.mtcassistant.settings.JsonSettingsStore;
import io.mtcassistant.settings.Settings;
import io.mtcassistant.ui.activity.ActivityLog;
import io.mtcassistant.ui.common.FxDialogService;
import io.mtcassistant.ui.common.ThemeStyles;
import io.mtcassistant.ui.common.WindowIcons;
import io.mtcassistant.ui.task.FxTaskRunner;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;

/** The JavaFX application: builds the composition root, shows the window, then starts background work. */
public final class MtcAssistantApp extends Application {

    /** Set by {@link DesktopLauncher} before launch: JavaFX creates this class itself. */
    static volatile LaunchOptions options;

    record LaunchOptions(boolean demo, JsonSettingsStore settingsStore, CompletableFuture<Settings> settings) {
    }

    private Stage stage;
    private AppComposition composition;
    private FxTaskRunner runner;
    private ExecutorService settingsWriter;

    @Override
    public void start(Stage primaryStage) {
        StartupMarker.phase("toolkit started");
        stage = primaryStage;
        LaunchOptions launch = options;
        Settings settings = launch.settings().join();
        ThemeStyles.apply(settings.theme());
        StartupMarker.phase("theme applied");

        ActivityLog activityLog = new ActivityLog(Platform::runLater);
        runner = new FxTaskRunner(activityLog);
        settingsWriter = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "mtc-settings");
            thread.setDaemon(true);
            return thread;
        });
        composition = new AppComposition(ProductionClusterServices.create(), launch.settingsStore(), settings,
                settingsWriter, runner, activityLog, new FxDialogService(() -> stage), launch.demo(),
                AppComposition.CONNECT_TIMEOUT);

        StartupMarker.phase("services built");
        // Fit small screens (1366x768 laptops) instead of opening partly off-screen.
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(composition.createShell(), Math.min(1280, screen.getWidth()), Math.min(840, screen.getHeight()));
        StartupMarker.phase("shell built");
        ThemeStyles.addAppStylesheet(scene);
        stage.setScene(scene);
        stage.setTitle(composition.windowTitle());
        stage.setMinWidth(Math.min(960, screen.getWidth()));
        stage.setMinHeight(Math.min(600, screen.getHeight()));
        WindowIcons.apply(stage);
        stage.show();
        StartupMarker.phase("stage shown");
        StartupMarker.afterFirstFrame(scene);
        composition.start();
    }

    @Override
    public void stop() {
        if (composition != null) {
            composition.close();
        }
        if (runner != null) {
            runner.close();
        }
        if (settingsWriter != null) {
            // Let a pending settings write finish (it is small): the process exits right after this.
            settingsWriter.shutdown();
            try {
                settingsWriter.awaitTermination(3, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
