package io.mtcassistant;

import io.mtcassistant.cli.MtcAssistantCommand;

/**
 * The jar's entry point. It must not extend javafx Application: on the class path that makes the
 * launch fail with "JavaFX runtime components are missing".
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        int exit = MtcAssistantCommand.run(args);
        if (exit != MtcAssistantCommand.KEEP_RUNNING) {
            System.exit(exit);
        }
    }
}
