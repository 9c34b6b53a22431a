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

    public LayoutStore(OciLayout layout) {
        this.layout = layout;
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
        return layout.hasBlob(blob.digest());
    }

    @Override
    public void putBlob(Descriptor blob, InputStream verified) {
        layout.writeBlob(blob, verified);
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
