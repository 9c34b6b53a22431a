package io.mtcassistant.mirror.catalog;

import io.mtcassistant.mirror.Descriptor;
import io.mtcassistant.mirror.Manifest;
import io.mtcassistant.mirror.engine.ImageStore;
import io.mtcassistant.mirror.layout.OciLayout;
import java.io.InputStream;
import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * A source store made of a small OCI layout holding what was built here (the new layer, configs,
 * manifests) over the store the rest comes from (the original index image's layers), so the
 * engine can push the rebuilt image without copying the unchanged layers to disk first.
 */
final class OverlayStore implements ImageStore {

    private final OciLayout overlay;
    private final ImageStore base;

    OverlayStore(OciLayout overlay, ImageStore base) {
        this.overlay = overlay;
        this.base = base;
    }

    @Override
    public String describe() {
        return base.describe() + " (rebuilt in " + overlay.dir() + ")";
    }

    @Override
    public Manifest fetchManifest(String reference, Descriptor expected) {
        if (reference != null && reference.startsWith("sha256:") && overlay.hasBlob(reference)) {
            Descriptor d = expected != null ? expected : new Descriptor(null, reference, -1);
            return overlay.readManifest(d);
        }
        if (reference != null && !reference.startsWith("sha256:")) {
            Optional<Descriptor> tagged = overlay.resolve(reference, null);
            if (tagged.isPresent()) {
                return overlay.readManifest(tagged.get());
            }
        }
        return base.fetchManifest(reference, expected);
    }

    @Override
    public InputStream openBlob(Descriptor blob, LongConsumer progress) {
        return overlay.hasBlob(blob.digest()) ? overlay.openBlob(blob, progress) : base.openBlob(blob, progress);
    }

    @Override
    public BlobBody openBlobFrom(Descriptor blob, long offset) {
        return overlay.hasBlob(blob.digest()) ? new BlobBody(overlay.openBlob(blob, null), 0, true) : base.openBlobFrom(blob, offset);
    }

    @Override
    public boolean hasBlob(Descriptor blob) {
        return overlay.hasBlob(blob.digest()) || base.hasBlob(blob);
    }

    @Override
    public void putBlob(Descriptor blob, InputStream verified) {
        throw new UnsupportedOperationException("an overlay is a source only");
    }

    @Override
    public Optional<String> manifestDigest(String reference) {
        return overlay.resolve(reference, null).map(Descriptor::digest).or(() -> base.manifestDigest(reference));
    }

    @Override
    public void putManifest(Manifest manifest, String reference) {
        throw new UnsupportedOperationException("an overlay is a source only");
    }

    @Override
    public String blobKey(String digest) {
        return base.blobKey(digest);
    }

    @Override
    public String mountDomain() {
        return base.mountDomain();
    }

    @Override
    public String repository() {
        return base.repository();
    }

    @Override
    public String limiterKey() {
        return base.limiterKey();
    }
}
