package io.mtcassistant.common;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Removing a folder the app made for itself (staging, caches), with everything in it. */
public final class FileTrees {

    private FileTrees() {
    }

    /** Deletes the folder and its content; false when something stayed behind (the caller says so if it matters). */
    public static boolean delete(Path folder) {
        if (folder == null || !Files.exists(folder)) {
            return true;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | java.io.UncheckedIOException e) {
            return false;
        }
        return !Files.exists(folder);
    }
}
