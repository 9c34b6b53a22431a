package io.mtcassistant.mirror.catalog;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mtcassistant.mirror.Descriptor;
import io.mtcassistant.mirror.Manifest;
import io.mtcassistant.mirror.MirrorException;
import io.mtcassistant.mirror.engine.ImageStore;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * An operator index image as read from a store: its top manifest (an index or an image), each
 * platform image with its config, and the directory its label says holds the file-based catalog.
 */
public record CatalogImage(Manifest top, List<PlatformImage> platforms) {

    public static final String CONFIGS_LABEL = "operators.operatorframework.io.index.configs.v1";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One platform's image manifest and parsed config. */
    public record PlatformImage(Descriptor descriptor, Manifest manifest, ObjectNode config) {

        /** The configs directory from the label, without leading slash ("configs"); null when the label is missing. */
        public String configsDir() {
            String dir = config.path("config").path("Labels").path(CONFIGS_LABEL).asText(null);
            if (dir == null || dir.isBlank()) {
                return null;
            }
            String d = dir.trim();
            while (d.startsWith("/")) {
                d = d.substring(1);
            }
            while (d.endsWith("/")) {
                d = d.substring(0, d.length() - 1);
            }
            return d;
        }

        public List<Descriptor> layers() {
            List<Descriptor> blobs = manifest.blobs();
            return blobs.subList(1, blobs.size());
        }
    }

    /** Reads the manifests and configs (not the layers). */
    public static CatalogImage read(ImageStore store, String reference, String where) {
        Manifest top = store.fetchManifest(reference, null);
        List<PlatformImage> platforms = new ArrayList<>();
        if (top.isIndex()) {
            for (Descriptor child : top.children()) {
                platforms.add(platform(store, child, store.fetchManifest(child.digest(), child), where));
            }
        } else {
            platforms.add(platform(store, top.asDescriptor(), top, where));
        }
        if (platforms.isEmpty()) {
            throw MirrorException.badInput("catalog " + where + " is an empty index");
        }
        return new CatalogImage(top, platforms);
    }

    private static PlatformImage platform(ImageStore store, Descriptor d, Manifest m, String where) {
        List<Descriptor> blobs = m.blobs();
        if (blobs.isEmpty()) {
            throw MirrorException.badInput("catalog " + where + ": manifest " + m.digest() + " has no config");
        }
        Descriptor configDescriptor = blobs.get(0);
        try (InputStream in = store.openBlob(configDescriptor, null)) {
            ObjectNode config = (ObjectNode) JSON.readTree(in.readAllBytes());
            return new PlatformImage(d, m, config);
        } catch (IOException | ClassCastException e) {
            throw MirrorException.badInput("catalog " + where + ": the image config " + configDescriptor.digest()
                    + " cannot be read: " + e.getMessage());
        }
    }

    /** The image to read the catalog from: linux/amd64 when there is one (as oc adm catalog mirror), else the first. */
    public PlatformImage preferred() {
        for (PlatformImage p : platforms) {
            if ("linux/amd64".equals(p.descriptor().platform())) {
                return p;
            }
        }
        return platforms.get(0);
    }
}
