package io.mtcassistant.ui;

import java.lang.management.ManagementFactory;
import javafx.application.Platform;
import javafx.scene.Scene;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures the time from process start to the first frame of the main window. Logs it always; prints a marker line
 * for scripts/measure-startup.sh only when -Dmtc.startup.marker=true.
 */
final class StartupMarker {

    static final String PROPERTY = "mtc.startup.marker";
    static final String MARKER = "MTC-ASSISTANT-WINDOW-SHOWN";
    /** Quit once the window is shown: a training run for a class-data-sharing archive (-XX:ArchiveClassesAtExit). */
    static final String EXIT_PROPERTY = "mtc.startup.exitAfterShown";

    private static final Logger LOG = LoggerFactory.getLogger(StartupMarker.class);

    private StartupMarker() {
    }

    /** Call right after stage.show(). */
    static void afterFirstFrame(Scene scene) {
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            // The pulse that laid the scene out renders it next; report after that pulse.
            Platform.runLater(StartupMarker::report);
        };
        scene.addPostLayoutPulseListener(once[0]);
    }

    /** Milliseconds since the JVM started (recorded by the JVM itself, unlike the coarse process start time). */
    static long sinceJvmStart() {
        return System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
    }

    /** Logs how far start-up got, to find where the time goes. */
    static void phase(String name) {
        LOG.debug("Start-up: {} after {} ms", name, sinceJvmStart());
    }

    private static void report() {
        long millis = sinceJvmStart();
        LOG.info("Main window shown {} ms after process start", millis);
        if (Boolean.getBoolean(PROPERTY)) {
            System.out.println(MARKER + " " + millis);
            System.out.flush();
        }
        if (Boolean.getBoolean(EXIT_PROPERTY)) {
            Platform.exit();
        }
    }
}
