package io.mtcassistant.mirror.catalog;

import io.mtcassistant.mirror.Descriptor;
import io.mtcassistant.mirror.MirrorException;
import io.mtcassistant.mirror.engine.ImageStore;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * Reads one file out of an image's layers, as the container would see it (later layers win,
 * whiteouts delete), without a container runtime: how {@code /operator.yml} comes out of the
 * legacy operator image instead of {@code podman cp}.
 */
public final class ImageFileReader {

    private ImageFileReader() {
    }

    public static Optional<byte[]> read(ImageStore store, CatalogImage.PlatformImage image, String path, String where) {
        String wanted = strip(path);
        byte[] current = null;
        for (Descriptor layer : image.layers()) {
            byte[] found = null;
            boolean deleted = false;
            try (InputStream blob = store.openBlob(layer, null); LayerTarReader tar = new LayerTarReader(blob)) {
                LayerTarReader.Entry e;
                while ((e = tar.next()) != null) {
                    String name = strip(e.name());
                    String base = name.substring(name.lastIndexOf('/') + 1);
                    String parent = name.contains("/") ? name.substring(0, name.lastIndexOf('/')) : "";
                    if (base.equals(".wh..wh..opq")) {
                        deleted |= parent.isEmpty() || wanted.startsWith(parent + "/");
                    } else if (base.startsWith(".wh.")) {
                        String gone = (parent.isEmpty() ? "" : parent + "/") + base.substring(4);
                        deleted |= wanted.equals(gone) || wanted.startsWith(gone + "/");
                    } else if (name.equals(wanted) && e.type() == LayerTarReader.Type.FILE) {
                        found = tar.content();
                    }
                }
            } catch (IOException e) {
                throw MirrorException.badInput(where + ": layer " + layer.digest() + " is not a readable tar: " + e.getMessage());
            }
            // A layer's whiteouts hide lower layers only; its own files stay.
            if (deleted) {
                current = null;
            }
            if (found != null) {
                current = found;
            }
        }
        return Optional.ofNullable(current);
    }

    private static String strip(String name) {
        String n = name;
        while (n.startsWith("./") || n.startsWith("/")) {
            n = n.startsWith("./") ? n.substring(2) : n.substring(1);
        }
        return n.endsWith("/") ? n.substring(0, n.length() - 1) : n;
    }
}
