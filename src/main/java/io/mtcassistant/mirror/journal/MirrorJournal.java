package io.mtcassistant.mirror.journal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mtcassistant.mirror.layout.OciLayout;
import io.mtcassistant.mirror.registry.UploadSessions;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers which images of a run are completely at their destination, one JSON line per image,
 * appended as each finishes (one write, which a kill -9 does not undo; not synced to the disk, like
 * {@link UploadJournal}: after a machine crash a lost line costs one manifest check). A re-run after an interruption skips those (after a
 * cheap check that the destination still has that digest) and continues with the rest; blobs of
 * half-done images are then skipped by the destination check, so no finished work is redone.
 */
public final class MirrorJournal {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final Map<String, String> done = new ConcurrentHashMap<>();
    private UploadSessions uploads;

    private MirrorJournal(Path file) {
        this.file = file;
    }

    /** Opens (or starts) the journal at file; a damaged last line (cut by the interruption) is ignored. */
    public static MirrorJournal open(Path file) {
        MirrorJournal journal = new MirrorJournal(file);
        if (Files.isRegularFile(file)) {
            try {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    try {
                        JsonNode n = JSON.readTree(line);
                        if (n != null && n.has("source") && n.has("destination") && n.has("digest")) {
                            journal.done.put(key(n.path("source").asText(), n.path("destination").asText()), n.path("digest").asText());
                        }
                    } catch (IOException e) {
                        // a line cut short by a crash: that image is simply done again
                    }
                }
            } catch (IOException e) {
                throw OciLayout.fileError(e, "reading journal " + file);
            }
        }
        return journal;
    }

    /** A journal that remembers nothing (for runs without resume). */
    public static MirrorJournal none() {
        return new MirrorJournal(null);
    }

    private static String key(String source, String destination) {
        return source + "=" + destination;
    }

    public Optional<String> completed(String source, String destination) {
        return Optional.ofNullable(done.get(key(source, destination)));
    }

    public int size() {
        return done.size();
    }

    public synchronized void recordDone(String source, String destination, String digest) {
        done.put(key(source, destination), digest);
        if (file == null) {
            return;
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            String line = JSON.writeValueAsString(JSON.createObjectNode().put("source", source).put("destination", destination)
                    .put("digest", digest).put("at", Instant.now().toString())) + "\n";
            try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                    StandardOpenOption.WRITE)) {
                out.write(line.getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw OciLayout.fileError(e, "writing journal " + file);
        }
    }

    public Path file() {
        return file;
    }

    /** Open chunked uploads of this run, kept next to the journal ({@code FILE.uploads}), in memory without a file. */
    public synchronized UploadSessions uploads() {
        if (uploads == null) {
            uploads = file == null ? UploadSessions.inMemory()
                    : UploadJournal.open(file.resolveSibling(file.getFileName() + ".uploads"));
        }
        return uploads;
    }
}
