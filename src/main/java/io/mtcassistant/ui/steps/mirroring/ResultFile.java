package io.mtcassistant.ui.steps.mirroring;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** One file of the results folder, with its text for showing and copying. */
public record ResultFile(String name, Path path, String text) {

    // Larger files are not held in memory for the page: the admin opens the folder for them.
    private static final long MAX_SHOWN_BYTES = 512 * 1024;

    /** Reads the files for the page, sorted by name (blocking I/O: call it off the FX thread). */
    static List<ResultFile> readAll(List<Path> files) {
        List<ResultFile> list = new ArrayList<>();
        for (Path file : files) {
            try {
                String text = Files.size(file) > MAX_SHOWN_BYTES ? "(large file: open the folder to read it)"
                        : Files.readString(file, StandardCharsets.UTF_8);
                list.add(new ResultFile(file.getFileName().toString(), file, text));
            } catch (IOException e) {
                list.add(new ResultFile(file.getFileName().toString(), file, "(cannot be read: " + e.getMessage() + ")"));
            }
        }
        list.sort(Comparator.comparing(ResultFile::name));
        return list;
    }
}
