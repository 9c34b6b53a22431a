package io.mtcassistant.common;

import java.nio.file.Path;
import java.util.Map;

/** Where the app keeps its files, per the XDG base directory spec. */
public final class XdgDirs {

    public static final String APP = "mtc-assistant";

    private final Map<String, String> env;
    private final Path home;

    public XdgDirs(Map<String, String> env, Path home) {
        this.env = env;
        this.home = home;
    }

    public static XdgDirs system() {
        return new XdgDirs(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    /** $XDG_CONFIG_HOME/mtc-assistant, default ~/.config/mtc-assistant. */
    public Path config() {
        return base("XDG_CONFIG_HOME", ".config").resolve(APP);
    }

    /** $XDG_STATE_HOME/mtc-assistant, default ~/.local/state/mtc-assistant. */
    public Path state() {
        return base("XDG_STATE_HOME", ".local/state").resolve(APP);
    }

    /** $XDG_CACHE_HOME/mtc-assistant, default ~/.cache/mtc-assistant. */
    public Path cache() {
        return base("XDG_CACHE_HOME", ".cache").resolve(APP);
    }

    private Path base(String variable, String fallback) {
        String value = env.get(variable);
        // The spec says relative values are invalid and must be ignored.
        if (value != null && !value.isBlank() && Path.of(value).isAbsolute()) {
            return Path.of(value);
        }
        return home.resolve(fallback);
    }
}
