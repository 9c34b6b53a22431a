package io.mtcassistant.common.logging;

import ch.qos.logback.core.PropertyDefinerBase;
import io.mtcassistant.common.XdgDirs;

/** Gives logback the log folder: $XDG_STATE_HOME/mtc-assistant (or -Dmtc.log.dir). */
public class LogDirectory extends PropertyDefinerBase {

    @Override
    public String getPropertyValue() {
        String override = System.getProperty("mtc.log.dir");
        if (override != null && !override.isBlank()) {
            return override;
        }
        return XdgDirs.system().state().toString();
    }
}
