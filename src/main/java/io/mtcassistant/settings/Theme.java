package io.mtcassistant.settings;

/** The colour theme of the desktop app. */
public enum Theme {
    LIGHT,
    DARK;

    public Theme toggled() {
        return this == LIGHT ? DARK : LIGHT;
    }
}
