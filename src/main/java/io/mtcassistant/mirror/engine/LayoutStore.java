package io.mtcassistant.mirror.engine;

import io.mtcassistant.mirror.Descriptor;
import io.mtcassistant.mirror.Manifest;
import io.mtcassistant.mirror.MirrorException;
import io.mtcassistant.mirror.layout.OciLayout;
import java.io.InputStream;
import java.util.Optional;
import java.util.function.LongConsumer;

/** An OCI image layout; tags are index.json ref names. */
public final class LayoutStore implements ImageStore {

    private final OciLayout layout;
    private final BlobSink sink;

    /**
     * Where complete blobs (not manifests) go on from the layout, and where they count as present:
     * an archive being written packs each one as it arrives.
     */
    public interface BlobSink {
        BlobSink NONE = new BlobSink() {
            @Override
            public boolean holds(String digest) {
                return false;
            }

            @Override
            public void stored(Descriptor blob, java.nio.file.Path file) {
            }
        };

        boolean holds(String digest);

        /** The blob is complete and verified at file. */
        void stored(Descriptor blob, java.nio.file.Path file);
    }

    public LayoutStore(OciLayout layout) {
        this(layout, BlobSink.NONE);
    }

    public LayoutStore(OciLayout layout, BlobSink sink) {
        this.layout = layout;
        this.sink = sink;
    }

    public OciLayout layout() {
        return layout;
    }

    @Override
    public String describe() {
        return "oci:" + layout.dir();
    }

    @Override
    public Manifest fetchManifest(String reference, Descriptor expected) {
        Descriptor d = expected;
        if (d == null) {
            boolean isDigest = reference != null && reference.startsWith("sha256:");
            d = layout.resolve(isDigest ? null : reference, isDigest ? reference : null).orElseThrow(() ->
                    new MirrorException(MirrorException.Kind.NOT_FOUND, "no image " + (reference == null ? "" : "'" + reference + "' ")
                            + "in OCI layout " + layout.dir() + (reference == null ? " (it holds several; name one with oci:DIR:REF)" : "")));
        }
        return layout.readManifest(d);
    }

    @Override
    public InputStream openBlob(Descriptor blob, LongConsumer progress) {
        return layout.openBlob(blob, progress);
    }

    @Override
    public boolean hasBlob(Descriptor blob) {
        return sink.holds(blob.digest()) || layout.hasBlob(blob.digest());
    }

    @Override
    public void putBlob(Descriptor blob, InputStream verified) {
        layout.writeBlob(blob, verified);
        sink.stored(blob, layout.blobPath(blob.digest()));
    }

    /** Continues a download kept in the layout (see {@link OciLayout#writeBlobResumable}). */
    public void putBlobResumable(Descriptor blob, InputStream in, long start, LongConsumer progress) {
        layout.writeBlobResumable(blob, in, start, progress);
        sink.stored(blob, layout.blobPath(blob.digest()));
    }

    @Override
    public Optional<String> manifestDigest(String reference) {
        if (reference != null && reference.startsWith("sha256:")) {
            return layout.hasBlob(reference) ? Optional.of(reference) : Optional.empty();
        }
        // A name whose manifest blob is gone (consumed by packing) does not count as present.
        return layout.resolve(reference, null).map(Descriptor::digest).filter(layout::hasBlob);
    }

    @Override
    public void putManifest(Manifest manifest, String reference) {
        layout.writeManifest(manifest);
        if (reference == null || !reference.startsWith("sha256:")) {
            layout.tag(reference, manifest);
        }
    }

    @Override
    public String blobKey(String digest) {
        return "oci:" + layout.dir().toAbsolutePath() + "@" + digest;
    }

    @Override
    public String limiterKey() {
        return "local";
    }
}
