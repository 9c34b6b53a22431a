package io.mtcassistant.mirror.session;

import io.mtcassistant.common.AtomicFiles;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * The last run's setup and whether it finished, kept in a small file so that after a restart of the app the step can
 * offer to resume an interrupted run (the journal then skips what was already copied). The password is never written.
 */
public final class RunRecord {

    public enum Status { RUNNING, STOPPED, FINISHED }

    private final Path file;

    public RunRecord(Path file) {
        this.file = file;
    }

    public void save(MirrorSetup setup, Status status) {
        Properties p = new Properties();
        p.setProperty("status", status.name());
        p.setProperty("mode", setup.mode().name());
        p.setProperty("indexImage", setup.indexImage());
        p.setProperty("channel", setup.channel() == null ? "" : setup.channel());
        p.setProperty("legacyOperator", Boolean.toString(setup.legacyOperator()));
        p.setProperty("registry", setup.registry());
        p.setProperty("username", setup.username());
        p.setProperty("caFile", setup.caFile() == null ? "" : setup.caFile().toString());
        p.setProperty("insecure", Boolean.toString(setup.insecure()));
        p.setProperty("archiveDir", setup.archiveDir() == null ? "" : setup.archiveDir().toString());
        p.setProperty("resultsDir", setup.resultsDir() == null ? "" : setup.resultsDir().toString());
        StringWriter text = new StringWriter();
        try {
            p.store(text, "MTC Assistant: last mirror run (no secrets)");
            Files.createDirectories(file.getParent());
            AtomicFiles.writeString(file, text.toString());
        } catch (IOException e) {
            // Only the offer to resume after a restart is lost; the run itself and its journal are unaffected.
        }
    }

    /** The setup of a run that did not finish (the app closed or the admin paused it); empty otherwise. */
    public Optional<MirrorSetup> unfinished() {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try {
            p.load(new StringReader(Files.readString(file, StandardCharsets.UTF_8)));
            if (Status.valueOf(p.getProperty("status", "FINISHED")) == Status.FINISHED) {
                return Optional.empty();
            }
            return Optional.of(new MirrorSetup(MirrorMode.valueOf(p.getProperty("mode")), p.getProperty("indexImage", ""),
                    emptyToNull(p.getProperty("channel")), Boolean.parseBoolean(p.getProperty("legacyOperator")),
                    p.getProperty("registry", ""), p.getProperty("username", ""), "", path(p.getProperty("caFile")),
                    Boolean.parseBoolean(p.getProperty("insecure")), path(p.getProperty("archiveDir")),
                    path(p.getProperty("resultsDir"))));
        } catch (IOException | IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static Path path(String s) {
        return s == null || s.isEmpty() ? null : Path.of(s);
    }
}
