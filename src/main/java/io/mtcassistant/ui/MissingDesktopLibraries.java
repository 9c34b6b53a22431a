package io.mtcassistant.ui;

import java.util.Optional;

/**
 * Names the package to install when JavaFX cannot load its GTK 3 toolkit (a server or minimal install has none):
 * JavaFX's own words ("Unable to load glass GTK library.") do not say what is missing.
 */
final class MissingDesktopLibraries {

    static final String ADVICE = "The desktop app needs GTK 3, which is not installed: install the package libgtk-3-0"
            + " (Debian, Ubuntu) or gtk3 (RHEL, Fedora), or use the command line (mtc-assistant --help).";

    private MissingDesktopLibraries() {
    }

    /** The one-line advice when the failure (or one of its causes) is JavaFX failing to load GTK. */
    static Optional<String> advice(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = t.getMessage();
            if (message != null && message.contains("Unable to load glass GTK library")) {
                return Optional.of(ADVICE);
            }
        }
        return Optional.empty();
    }

    /** Thrown in place of the toolkit's failure; the command line prints its message as one line. */
    static final class Failure extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        Failure(Throwable cause) {
            super(ADVICE, cause);
        }
    }
}
