package io.mtcassistant.ui.steps.compatibility;

import java.nio.file.Path;

/** The file name an exported report is written to. */
final class ReportFiles {

    private ReportFiles() {
    }

    /** The chosen name with the extension added when the user typed none (GTK's chooser does not add it). */
    static Path withExtension(Path chosen, String extension) {
        String name = chosen.getFileName().toString();
        return name.contains(".") ? chosen : chosen.resolveSibling(name + extension);
    }
}
