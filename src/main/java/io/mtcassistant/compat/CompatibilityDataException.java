package io.mtcassistant.compat;

/** The compatibility data file cannot be used: names the file, the line where known, and the problem. */
public class CompatibilityDataException extends Exception {

    private final String file;

    public CompatibilityDataException(String file, Integer line, String problem, Throwable cause) {
        super(file + (line == null ? "" : ":" + line) + ": " + problem, cause);
        this.file = file;
    }

    /** The file (or "built-in compatibility data") that failed. */
    public String file() {
        return file;
    }
}
