package io.mtcassistant.mirror.layout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mtcassistant.mirror.Descriptor;
import io.mtcassistant.mirror.DigestingInputStream;
import io.mtcassistant.mirror.Digests;
import io.mtcassistant.mirror.Manifest;
import io.mtcassistant.mirror.MediaTypes;
import io.mtcassistant.mirror.MirrorException;
import io.mtcassistant.mirror.MirrorException.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * An OCI image layout directory ({@code oci-layout}, {@code index.json}, {@code blobs/sha256/<hex>}),
 * the format skopeo's {@code oci:} transport reads and writes. Blobs are written to a temp file,
 * verified, then renamed, so a blob file that exists is always complete and correct; index.json
 * is rewritten atomically and only after everything it points to is in place.
 */
public final class OciLayout {

    public static final String REF_NAME = "org.opencontainers.image.ref.name";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;

    public OciLayout(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    public static boolean exists(Path dir) {
        return Files.isRegularFile(dir.resolve("oci-layout")) && Files.isRegularFile(dir.resolve("index.json"));
    }

    /** Opens an existing layout for reading; a missing one is bad input. */
    public static OciLayout open(Path dir) {
        if (!exists(dir)) {
            throw MirrorException.badInput("no OCI image layout at " + dir + " (oci-layout or index.json missing)");
        }
        return new OciLayout(dir);
    }

    /** Creates the layout skeleton when missing. */
    public synchronized OciLayout create() {
        try {
            Files.createDirectories(dir.resolve("blobs/sha256"));
            if (!Files.exists(dir.resolve("oci-layout"))) {
                writeAtomically(dir.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}".getBytes(StandardCharsets.UTF_8));
            }
            if (!Files.exists(dir.resolve("index.json"))) {
                writeAtomically(dir.resolve("index.json"),
                        ("{\"schemaVersion\":2,\"mediaType\":\"" + MediaTypes.OCI_INDEX + "\",\"manifests\":[]}").getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw fileError(e, "creating OCI layout " + dir);
        }
        return this;
    }

    public Path blobPath(String digest) {
        return dir.resolve("blobs/sha256").resolve(Digests.hex(digest));
    }

    public boolean hasBlob(String digest) {
        return Files.isRegularFile(blobPath(digest));
    }

    /** The blob's bytes, verified against digest and size as they are read. */
    public InputStream openBlob(Descriptor d, LongConsumer progress) {
        try {
            return new DigestingInputStream(Files.newInputStream(blobPath(d.digest())), d.digest(), d.size(),
                    "blob in " + dir, progress);
        } catch (NoSuchFileException e) {
            throw new MirrorException(Kind.NOT_FOUND, "blob " + d.digest() + " is missing from OCI layout " + dir);
        } catch (IOException e) {
            throw fileError(e, "reading blob " + d.digest() + " in " + dir);
        }
    }

    /** Writes a blob from a (verifying) stream: temp file, then rename. */
    public void writeBlob(Descriptor d, InputStream in) {
        Path target = blobPath(d.digest());
        Path temp = null;
        try {
            Files.createDirectories(target.getParent());
            temp = Files.createTempFile(target.getParent(), ".tmp-" + Digests.hex(d.digest()).substring(0, 12), ".partial");
            try (OutputStream out = Files.newOutputStream(temp)) {
                in.transferTo(out);
            }
            // Re-check on disk: a stream that was not verifying must not produce a wrong blob either.
            if (!(in instanceof DigestingInputStream)) {
                verifyFile(temp, d);
            }
            move(temp, target);
            temp = null;
        } catch (DigestingInputStream.DigestMismatchIOException e) {
            throw new MirrorException(Kind.DIGEST_MISMATCH, e.getMessage(), e);
        } catch (IOException e) {
            throw fileError(e, "writing blob " + d.digest() + " to " + dir);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // best effort cleanup of our own temp file
                }
            }
        }
    }

    /** Bytes of an interrupted download kept for resume, 0 when none. */
    public long partialSize(String digest) {
        Path partial = partialPath(digest);
        try {
            return Files.isRegularFile(partial) ? Files.size(partial) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private Path partialPath(String digest) {
        return dir.resolve("blobs/sha256").resolve(Digests.hex(digest) + ".partial");
    }

    /**
     * Writes a blob whose bytes from {@code start} on come from {@code in}, keeping what arrived in
     * {@code <hex>.partial} when the stream breaks, so the next attempt (or the next run) asks only
     * for the rest (HTTP Range). The whole file is hashed before it gets its final name; wrong
     * bytes are thrown away.
     */
    public void writeBlobResumable(Descriptor d, InputStream in, long start, LongConsumer progress) {
        Path partial = partialPath(d.digest());
        java.security.MessageDigest sha = Digests.newSha256();
        long count = 0;
        try {
            Files.createDirectories(partial.getParent());
            if (start > 0) {
                try (InputStream existing = Files.newInputStream(partial)) {
                    byte[] buffer = new byte[1 << 16];
                    long left = start;
                    int n;
                    while (left > 0 && (n = existing.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0) {
                        sha.update(buffer, 0, n);
                        left -= n;
                    }
                    if (left != 0) {
                        throw new IOException("partial file shorter than expected");
                    }
                }
                count = start;
            }
        } catch (IOException e) {
            throw fileError(e, "reading partial blob " + partial);
        }
        try (OutputStream out = start > 0
                ? Files.newOutputStream(partial, java.nio.file.StandardOpenOption.WRITE, java.nio.file.StandardOpenOption.APPEND)
                : Files.newOutputStream(partial)) {
            byte[] buffer = new byte[1 << 16];
            while (true) {
                int n;
                try {
                    n = in.read(buffer);
                } catch (DigestingInputStream.DigestMismatchIOException e) {
                    Files.deleteIfExists(partial);
                    throw new MirrorException(Kind.DIGEST_MISMATCH, e.getMessage(), e);
                } catch (IOException e) {
                    throw new MirrorException(Kind.NETWORK, "download of blob " + d.digest() + " broke off after " + count
                            + " bytes (" + e.getMessage() + "); it resumes from there", e);
                }
                if (n < 0) {
                    break;
                }
                out.write(buffer, 0, n);
                sha.update(buffer, 0, n);
                count += n;
                if (progress != null) {
                    progress.accept(n);
                }
                if (d.size() >= 0 && count > d.size()) {
                    break;
                }
            }
        } catch (MirrorException e) {
            throw e;
        } catch (IOException e) {
            throw fileError(e, "writing blob " + d.digest() + " to " + dir);
        } finally {
            try {
                in.close();
            } catch (IOException ignored) {
                // the source connection is done either way
            }
        }
        if (d.size() >= 0 && count < d.size()) {
            throw new MirrorException(Kind.NETWORK, "download of blob " + d.digest() + " ended after " + count + " of " + d.size()
                    + " bytes; it resumes from there");
        }
        String actual = Digests.format(sha);
        if ((d.size() >= 0 && count != d.size()) || !actual.equals(d.digest())) {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // it is rewritten from zero next time anyway
            }
            throw new MirrorException(Kind.DIGEST_MISMATCH, "digest mismatch for blob " + d.digest() + ": the downloaded "
                    + count + " bytes hash to " + actual);
        }
        try {
            move(partial, blobPath(d.digest()));
        } catch (IOException e) {
            throw fileError(e, "storing blob " + d.digest() + " in " + dir);
        }
    }

    public void writeManifest(Manifest m) {
        if (!hasBlob(m.digest())) {
            writeBlob(m.asDescriptor(), new java.io.ByteArrayInputStream(m.bytes()));
        }
    }

    private static void verifyFile(Path file, Descriptor d) throws IOException {
        try (InputStream in = new DigestingInputStream(Files.newInputStream(file), d.digest(), d.size(), "blob", null)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
    }

    /** Reads a manifest blob and checks it against its descriptor. */
    public Manifest readManifest(Descriptor d) {
        try (InputStream in = openBlob(d, null)) {
            byte[] bytes = in.readAllBytes();
            return Manifest.parse(bytes, d.mediaType(), "manifest " + d.digest() + " in " + dir);
        } catch (DigestingInputStream.DigestMismatchIOException e) {
            throw new MirrorException(Kind.DIGEST_MISMATCH, e.getMessage(), e);
        } catch (IOException e) {
            throw fileError(e, "reading manifest " + d.digest() + " in " + dir);
        }
    }

    /** Top-level entries of index.json with their ref names (null when unnamed). */
    public List<Entry> entries() {
        List<Entry> result = new ArrayList<>();
        JsonNode index = readIndex();
        for (JsonNode m : index.path("manifests")) {
            String digest = m.path("digest").asText("");
            if (!Digests.isValid(digest)) {
                throw new MirrorException(Kind.CORRUPT_ARCHIVE, "index.json in " + dir + " lists an invalid digest " + digest);
            }
            result.add(new Entry(m.path("annotations").path(REF_NAME).asText(null),
                    new Descriptor(m.path("mediaType").asText(MediaTypes.OCI_MANIFEST), digest, m.path("size").asLong(-1))));
        }
        return result;
    }

    public record Entry(String refName, Descriptor descriptor) {
    }

    /** Finds the entry for a ref name (or the single entry when no name is given, as skopeo does). */
    public Optional<Descriptor> resolve(String refName, String digest) {
        List<Entry> entries = entries();
        if (digest != null) {
            return entries.stream().filter(e -> e.descriptor().digest().equals(digest)).map(Entry::descriptor).findFirst()
                    .or(() -> hasBlob(digest) ? Optional.of(new Descriptor(null, digest, -1)) : Optional.empty());
        }
        if (refName == null) {
            return entries.size() == 1 ? Optional.of(entries.get(0).descriptor()) : Optional.empty();
        }
        return entries.stream().filter(e -> refName.equals(e.refName())).map(Entry::descriptor).findFirst();
    }

    /** Adds (or replaces) the index.json entry for refName; written atomically. */
    public synchronized void tag(String refName, Manifest m) {
        ObjectNode index = (ObjectNode) readIndex();
        ArrayNode manifests = index.withArray("manifests");
        ArrayNode kept = JSON.createArrayNode();
        for (JsonNode e : manifests) {
            String name = e.path("annotations").path(REF_NAME).asText(null);
            boolean sameName = refName != null && refName.equals(name);
            boolean sameUnnamed = refName == null && name == null && m.digest().equals(e.path("digest").asText());
            if (!sameName && !sameUnnamed) {
                kept.add(e);
            }
        }
        ObjectNode entry = JSON.createObjectNode();
        entry.put("mediaType", m.mediaType());
        entry.put("digest", m.digest());
        entry.put("size", m.size());
        if (refName != null) {
            entry.putObject("annotations").put(REF_NAME, refName);
        }
        kept.add(entry);
        index.set("manifests", kept);
        try {
            writeAtomically(dir.resolve("index.json"), JSON.writeValueAsBytes(index));
        } catch (IOException e) {
            throw fileError(e, "writing index.json in " + dir);
        }
    }

    private JsonNode readIndex() {
        try {
            JsonNode index = JSON.readTree(Files.readAllBytes(dir.resolve("index.json")));
            if (index == null || !index.isObject()) {
                throw new MirrorException(Kind.CORRUPT_ARCHIVE, "index.json in " + dir + " is not a JSON object");
            }
            return index;
        } catch (NoSuchFileException e) {
            throw MirrorException.badInput("no OCI image layout at " + dir + " (index.json missing)");
        } catch (IOException e) {
            throw new MirrorException(Kind.CORRUPT_ARCHIVE, "index.json in " + dir + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** Writes to a temp file in the same directory and renames it over the target. */
    public static void writeAtomically(Path target, byte[] bytes) throws IOException {
        Path parent = target.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temp = Files.createTempFile(parent, "." + target.getFileName(), ".tmp");
        try {
            Files.write(temp, bytes);
            move(temp, target);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** File errors in plain words; a full disk is named as such. */
    public static MirrorException fileError(IOException e, String what) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("No space left on device") || message.contains("Disk quota exceeded")) {
            return new MirrorException(Kind.DISK_FULL, "disk full while " + what + ": free space or choose another directory", e);
        }
        return new MirrorException(Kind.FILE, "file error while " + what + ": " + e, e);
    }
}
