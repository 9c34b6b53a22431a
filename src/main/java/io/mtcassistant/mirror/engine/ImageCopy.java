package io.mtcassistant.mirror.engine;

import io.mtcassistant.mirror.ImageReference;
import io.mtcassistant.mirror.registry.RegistryAccess;

/** The skopeo-like single-image copy: SRC to DEST, any transport pair. */
public final class ImageCopy {

    private final RegistryAccess access;

    public ImageCopy(RegistryAccess access) {
        this.access = access;
    }

    public ImageResult copy(ImageReference source, ImageReference destination, boolean all, boolean srcTlsVerify,
                            boolean destTlsVerify, int jobs, TransferListener listener) {
        ImageStore from = Stores.source(source, access, srcTlsVerify);
        ImageStore to = Stores.destination(destination, access, destTlsVerify);
        try (TransferEngine engine = new TransferEngine(jobs, listener)) {
            return engine.copy(from, Stores.sourceReference(source), to, Stores.destinationReference(source, destination),
                    all, source.toString(), destination.toString());
        }
    }
}
