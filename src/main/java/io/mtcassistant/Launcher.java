package io.mtcassistant;

import io.mtcassistant.cli.MtcAssistantCommand;
import io.mtcassistant.mirror.registry.HttpBuffers;
import io.mtcassistant.mirror.registry.ProxySettings;

/**
 * The jar's entry point. It must not extend javafx Application: on the class path that makes the
 * launch fail with "JavaFX runtime components are missing".
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        // Before any HTTP client exists (the cluster clients too): proxy Basic auth on HTTPS tunnels.
        ProxySettings.allowBasicAuthForTunnels();
        HttpBuffers.useLargeBuffers();
        int exit = MtcAssistantCommand.run(args);
        if (exit != MtcAssistantCommand.KEEP_RUNNING) {
            System.exit(exit);
        }
    }
}
