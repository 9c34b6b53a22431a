package io.mtcassistant.storage.testsupport;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.FileAppender;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;

/** The log file this test JVM writes (the app's own FILE appender), read from a mark so tests see their own lines. */
public final class TestLogFile {

    private final Path file;
    private final long start;

    private TestLogFile(Path file, long start) {
        this.file = file;
        this.start = start;
    }

    /** Marks the file's current end. */
    public static TestLogFile mark() throws IOException {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        FileAppender<?> appender = (FileAppender<?>) root.getAppender("FILE");
        Path file = Path.of(appender.getFile());
        return new TestLogFile(file, Files.exists(file) ? Files.size(file) : 0);
    }

    /** What was logged since the mark. */
    public String written() throws IOException {
        byte[] all = Files.readAllBytes(file);
        int from = (int) Math.min(start, all.length);
        return new String(all, from, all.length - from, StandardCharsets.UTF_8);
    }
}
