package io.mtcassistant.ui.steps.compatibility;

import io.mtcassistant.common.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;

/** Writes an exported report so that the file is either the old one or the whole new one, never half written. */
final class ReportFiles {

    private ReportFiles() {
    }

    static void writeAtomically(Path file, String text) throws IOException {
        AtomicFiles.writeString(file, text);
    }

    /** The chosen name with the extension added when the user typed none (GTK's chooser does not add it). */
    static Path withExtension(Path chosen, String extension) {
        String name = chosen.getFileName().toString();
        return name.contains(".") ? chosen : chosen.resolveSibling(name + extension);
    }
}
