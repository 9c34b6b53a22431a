package io.mtcassistant.common.logging;

import io.mtcassistant.common.XdgDirs;

/** The log folder: $XDG_STATE_HOME/mtc-assistant (or -Dmtc.log.dir). */
final class LogDirectory {

    private LogDirectory() {
    }

    static String folder() {
        String override = System.getProperty("mtc.log.dir");
        if (override != null && !override.isBlank()) {
            return override;
        }
        return XdgDirs.system().state().toString();
    }
}
