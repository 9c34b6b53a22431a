package io.mtcassistant.mirror.engine;

import io.mtcassistant.mirror.ImageReference;
import io.mtcassistant.mirror.layout.OciLayout;
import io.mtcassistant.mirror.registry.RegistryAccess;

/** Turns an image reference into the store it names. */
public final class Stores {

    private Stores() {
    }

    public static ImageStore source(ImageReference ref, RegistryAccess access, boolean tlsVerify) {
        if (ref.isRegistry()) {
            return new RegistryStore(access.client(ref.registry(), ref.registryEndpoint(), !tlsVerify), ref.repository());
        }
        return new LayoutStore(OciLayout.open(ref.layoutDir()));
    }

    public static ImageStore destination(ImageReference ref, RegistryAccess access, boolean tlsVerify) {
        if (ref.isRegistry()) {
            return new RegistryStore(access.client(ref.registry(), ref.registryEndpoint(), !tlsVerify), ref.repository());
        }
        return new LayoutStore(new OciLayout(ref.layoutDir()).create());
    }

    /** What to read from a source: its digest when pinned, else its tag (null for "the only image" of a layout). */
    public static String sourceReference(ImageReference ref) {
        if (ref.digest() != null) {
            return ref.digest();
        }
        if (ref.isRegistry()) {
            return ref.tag() != null ? ref.tag() : "latest";
        }
        return ref.tag();
    }

    /**
     * Where to write: the destination's tag; for a registry without a tag, the source's tag or
     * (for a digest-only source) the digest itself; for a layout without a name, the source tag or "latest".
     */
    public static String destinationReference(ImageReference source, ImageReference dest) {
        if (dest.tag() != null) {
            return dest.tag();
        }
        if (dest.digest() != null) {
            return dest.digest();
        }
        if (source.tag() != null) {
            return source.tag();
        }
        if (dest.isRegistry()) {
            return source.digest() != null ? null : "latest";
        }
        return "latest";
    }
}
