package io.mtcassistant.settings;

import java.nio.file.Path;

/** The settings file could not be written; names the file and the reason. */
public class SettingsException extends Exception {

    public SettingsException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
    }
}
