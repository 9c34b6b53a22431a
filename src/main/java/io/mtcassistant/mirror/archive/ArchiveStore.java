package io.mtcassistant.mirror.archive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mtcassistant.mirror.Descriptor;
import io.mtcassistant.mirror.DigestingInputStream;
import io.mtcassistant.mirror.Digests;
import io.mtcassistant.mirror.Manifest;
import io.mtcassistant.mirror.MediaTypes;
import io.mtcassistant.mirror.MirrorException;
import io.mtcassistant.mirror.MirrorException.Kind;
import io.mtcassistant.mirror.engine.ImageStore;
import io.mtcassistant.mirror.layout.OciLayout;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongConsumer;

/** The OCI layout inside an archive's tar volumes, read in place (read-only source). */
public final class ArchiveStore implements ImageStore {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ArchiveVolumes volumes;
    private final Map<String, Descriptor> refs = new LinkedHashMap<>();

    public ArchiveStore(ArchiveVolumes volumes) {
        this.volumes = volumes;
        try {
            JsonNode index = JSON.readTree(volumes.readAll("index.json"));
            for (JsonNode m : index.path("manifests")) {
                String name = m.path("annotations").path(OciLayout.REF_NAME).asText(null);
                String digest = m.path("digest").asText("");
                if (name != null && Digests.isValid(digest)) {
                    refs.put(name, new Descriptor(m.path("mediaType").asText(MediaTypes.OCI_MANIFEST), digest, m.path("size").asLong(-1)));
                }
            }
        } catch (IOException e) {
            throw new MirrorException(Kind.CORRUPT_ARCHIVE, "index.json in the archive is not valid JSON", e);
        }
    }

    @Override
    public String describe() {
        return "archive";
    }

    private ArchiveVolumes.Entry entry(String digest) {
        ArchiveVolumes.Entry e = volumes.entries().get("blobs/sha256/" + Digests.hex(digest));
        if (e == null) {
            throw new MirrorException(Kind.CORRUPT_ARCHIVE, "the archive lacks blob " + digest + " (incomplete archive)");
        }
        return e;
    }

    @Override
    public Manifest fetchManifest(String reference, Descriptor expected) {
        Descriptor d = expected;
        if (d == null) {
            d = reference != null && reference.startsWith("sha256:") ? new Descriptor(null, reference, -1) : refs.get(reference);
            if (d == null) {
                throw new MirrorException(Kind.CORRUPT_ARCHIVE, "the archive has no image named " + reference);
            }
        }
        ArchiveVolumes.Entry e = entry(d.digest());
        try (InputStream in = new DigestingInputStream(volumes.open(e.offset(), e.size()), d.digest(), d.size(), "archived manifest", null)) {
            return Manifest.parse(in.readAllBytes(), d.mediaType(), "manifest " + d.digest() + " in the archive");
        } catch (DigestingInputStream.DigestMismatchIOException ex) {
            throw new MirrorException(Kind.DIGEST_MISMATCH, ex.getMessage(), ex);
        } catch (IOException ex) {
            throw new MirrorException(Kind.CORRUPT_ARCHIVE, "cannot read manifest " + d.digest() + " from the archive: " + ex.getMessage(), ex);
        }
    }

    @Override
    public InputStream openBlob(Descriptor blob, LongConsumer progress) {
        ArchiveVolumes.Entry e = entry(blob.digest());
        return new DigestingInputStream(volumes.open(e.offset(), e.size()), blob.digest(), blob.size(), "archived blob", progress);
    }

    @Override
    public boolean hasBlob(Descriptor blob) {
        return volumes.entries().containsKey("blobs/sha256/" + Digests.hex(blob.digest()));
    }

    @Override
    public void putBlob(Descriptor blob, InputStream verified) {
        throw new UnsupportedOperationException("an archive is read-only");
    }

    @Override
    public Optional<String> manifestDigest(String reference) {
        return Optional.ofNullable(refs.get(reference)).map(Descriptor::digest);
    }

    @Override
    public void putManifest(Manifest manifest, String reference) {
        throw new UnsupportedOperationException("an archive is read-only");
    }

    @Override
    public String blobKey(String digest) {
        return "archive@" + digest;
    }

    @Override
    public String limiterKey() {
        return "local";
    }
}
