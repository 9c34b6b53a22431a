package io.mtcassistant.cluster;

import java.nio.file.Path;

/** A kubeconfig the user gave cannot be used: names the file, the line where known, and the problem. */
public class KubeconfigException extends Exception {

    private final Path file;
    private final Integer line;
    private final String problem;

    public KubeconfigException(Path file, Integer line, String problem) {
        super(format(file, line, problem));
        this.file = file;
        this.line = line;
        this.problem = problem;
    }

    public KubeconfigException(Path file, Integer line, String problem, Throwable cause) {
        super(format(file, line, problem), cause);
        this.file = file;
        this.line = line;
        this.problem = problem;
    }

    private static String format(Path file, Integer line, String problem) {
        String where = file == null ? "kubeconfig" : file.toString();
        return line == null ? where + ": " + problem : where + ":" + line + ": " + problem;
    }

    public Path file() {
        return file;
    }

    /** 1-based line, or null when unknown. */
    public Integer line() {
        return line;
    }

    public String problem() {
        return problem;
    }
}
