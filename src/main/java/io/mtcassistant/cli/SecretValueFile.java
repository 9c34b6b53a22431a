package io.mtcassistant.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A secret-bearing value (a proxy URL with its password) read from a file or standard input ("-") instead of the
 * command line, where every user of the machine can read it in the process list. The file holds the value on one
 * line; blank lines and lines starting with '#' are ignored.
 */
final class SecretValueFile {

    private SecretValueFile() {
    }

    static String read(String option, Path file, InputStream stdin) {
        String text;
        try {
            text = "-".equals(file.toString()) ? new String(stdin.readAllBytes(), StandardCharsets.UTF_8)
                    : Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new BadInputException(option + ": cannot read " + file + " (" + e.getClass().getSimpleName() + ")", e);
        }
        List<String> values = text.lines().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        if (values.size() != 1) {
            throw new BadInputException(option + ": " + file + " must hold exactly one URL on one line; it has "
                    + values.size());
        }
        return values.get(0);
    }
}
