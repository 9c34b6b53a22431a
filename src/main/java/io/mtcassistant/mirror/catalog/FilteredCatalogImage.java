package io.mtcassistant.mirror.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mtcassistant.mirror.Descriptor;
import io.mtcassistant.mirror.Digests;
import io.mtcassistant.mirror.Manifest;
import io.mtcassistant.mirror.MediaTypes;
import io.mtcassistant.mirror.archive.TarWriter;
import io.mtcassistant.mirror.engine.ImageStore;
import io.mtcassistant.mirror.layout.OciLayout;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPOutputStream;

/**
 * Rebuilds an index image around a filtered catalog, as oc-mirror does: every platform image of
 * the source gets one more layer that empties the catalog directory (opaque whiteout) and puts the
 * filtered FBC there, and removes the pre-built serve cache (whiteout), which no longer matches.
 * The config keeps the configs label, drops the cache flags from Cmd and gets the new diff_id. The
 * new blobs and manifests go into a small OCI layout; {@link #source()} serves them over the
 * original image's layers for the engine to push. Same inputs, same bytes (fixed tar times, gzip
 * without time stamp).
 */
public final class FilteredCatalogImage {

    public static final String FILTERED_LABEL = "io.mtcassistant.catalog.filtered-packages";
    public static final String CREATED = "2020-01-01T00:00:00Z";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final OciLayout overlay;
    private final ImageStore base;
    private final Manifest top;

    private FilteredCatalogImage(OciLayout overlay, ImageStore base, Manifest top) {
        this.overlay = overlay;
        this.base = base;
        this.top = top;
    }

    /** The rebuilt image's top manifest (an index when the source was one). */
    public Manifest manifest() {
        return top;
    }

    public String digest() {
        return top.digest();
    }

    /** The store to copy the rebuilt image from (reference: {@link #digest()}). */
    public ImageStore source() {
        return new OverlayStore(overlay, base);
    }

    public OciLayout overlay() {
        return overlay;
    }

    /** Builds the image; overlayDir receives the new blobs (created when missing). */
    public static FilteredCatalogImage build(ImageStore base, CatalogImage source, FileBasedCatalog filtered, OciLayout overlay) {
        overlay.create();
        String configs = source.preferred().configsDir();
        Set<String> packages = new LinkedHashSet<>(filtered.packageNames());
        Map<String, byte[]> files = FbcWriter.files(filtered);
        Manifest newTop;
        if (source.top().isIndex()) {
            ObjectNode index = (ObjectNode) readJson(source.top().bytes());
            ArrayNode children = (ArrayNode) index.path("manifests");
            for (int i = 0; i < source.platforms().size(); i++) {
                Manifest child = rebuild(source.platforms().get(i), configs, files, packages, overlay);
                ObjectNode entry = (ObjectNode) children.get(i);
                entry.put("mediaType", child.mediaType());
                entry.put("digest", child.digest());
                entry.put("size", child.size());
            }
            newTop = store(overlay, index, source.top().mediaType());
        } else {
            newTop = rebuild(source.platforms().get(0), configs, files, packages, overlay);
        }
        overlay.tag("catalog", newTop);
        return new FilteredCatalogImage(overlay, base, newTop);
    }

    private static Manifest rebuild(CatalogImage.PlatformImage image, String configs, Map<String, byte[]> files, Set<String> packages,
                                    OciLayout overlay) {
        boolean docker = MediaTypes.DOCKER_MANIFEST.equals(image.manifest().mediaType());
        ObjectNode config = image.config().deepCopy();
        ObjectNode runConfig = config.has("config") && config.get("config").isObject() ? (ObjectNode) config.get("config")
                : config.putObject("config");
        String cacheDir = cacheDir(runConfig.path("Cmd"));
        byte[] tar = layerTar(configs, files, cacheDir);
        byte[] gz = gzip(tar);
        String layerType = docker ? MediaTypes.DOCKER_LAYER_GZIP : MediaTypes.OCI_LAYER_GZIP;
        Descriptor layer = put(overlay, layerType, gz);

        ObjectNode labels = runConfig.has("Labels") && runConfig.get("Labels").isObject() ? (ObjectNode) runConfig.get("Labels")
                : runConfig.putObject("Labels");
        labels.put(CatalogImage.CONFIGS_LABEL, "/" + configs);
        labels.put(FILTERED_LABEL, String.join(",", packages));
        ArrayNode cmd = JSON.createArrayNode();
        JsonNode oldCmd = runConfig.path("Cmd");
        if (oldCmd.isArray() && oldCmd.size() > 0) {
            for (int i = 0; i < oldCmd.size(); i++) {
                String arg = oldCmd.get(i).asText();
                if (arg.startsWith("--cache-dir=") || arg.equals("--cache-only") || arg.startsWith("--cache-enforce-integrity")) {
                    continue;
                }
                if (arg.equals("--cache-dir")) {
                    i++;
                    continue;
                }
                cmd.add(arg);
            }
        } else {
            cmd.add("serve").add("/" + configs);
        }
        runConfig.set("Cmd", cmd);
        ObjectNode rootfs = config.has("rootfs") && config.get("rootfs").isObject() ? (ObjectNode) config.get("rootfs")
                : config.putObject("rootfs");
        rootfs.put("type", "layers");
        rootfs.withArray("diff_ids").add(Digests.sha256(tar));
        if (config.has("history") && config.get("history").isArray()) {
            ObjectNode h = ((ArrayNode) config.get("history")).addObject();
            h.put("created", CREATED);
            h.put("created_by", "mtc-assistant: replace /" + configs + " with the filtered catalog (" + String.join(", ", packages) + ")");
        }
        Descriptor configDescriptor = put(overlay, docker ? MediaTypes.DOCKER_CONFIG : MediaTypes.OCI_CONFIG, writeJson(config));

        ObjectNode manifest = (ObjectNode) readJson(image.manifest().bytes());
        ObjectNode c = manifest.putObject("config");
        c.put("mediaType", configDescriptor.mediaType());
        c.put("digest", configDescriptor.digest());
        c.put("size", configDescriptor.size());
        ObjectNode l = manifest.withArray("layers").addObject();
        l.put("mediaType", layer.mediaType());
        l.put("digest", layer.digest());
        l.put("size", layer.size());
        return store(overlay, manifest, image.manifest().mediaType());
    }

    /** The --cache-dir of opm serve in Cmd, without leading slash; null when none. */
    static String cacheDir(JsonNode cmd) {
        for (int i = 0; i < cmd.size(); i++) {
            String arg = cmd.get(i).asText();
            String dir = arg.startsWith("--cache-dir=") ? arg.substring("--cache-dir=".length())
                    : arg.equals("--cache-dir") && i + 1 < cmd.size() ? cmd.get(i + 1).asText() : null;
            if (dir != null && !dir.isBlank()) {
                String d = dir.trim();
                while (d.startsWith("/")) {
                    d = d.substring(1);
                }
                while (d.endsWith("/")) {
                    d = d.substring(0, d.length() - 1);
                }
                return d.isEmpty() || d.contains("..") ? null : d;
            }
        }
        return null;
    }

    /** The new layer: configs/ made opaque and refilled, plus a whiteout for the cache directory. */
    static byte[] layerTar(String configs, Map<String, byte[]> files, String cacheDir) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TarWriter tar = new TarWriter(out)) {
            if (cacheDir != null) {
                int slash = cacheDir.lastIndexOf('/');
                String parent = slash < 0 ? "" : cacheDir.substring(0, slash + 1);
                tar.addFile(parent + ".wh." + cacheDir.substring(slash + 1), new byte[0]);
            }
            tar.addDirectory(configs);
            tar.addFile(configs + "/.wh..wh..opq", new byte[0]);
            Set<String> dirs = new LinkedHashSet<>();
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                String path = f.getKey();
                int slash = path.lastIndexOf('/');
                if (slash > 0 && dirs.add(path.substring(0, slash))) {
                    tar.addDirectory(configs + "/" + path.substring(0, slash));
                }
                tar.addFile(configs + "/" + path, f.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] gzip(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // java.util.zip writes a zero time stamp: the same tar always gives the same digest.
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static Descriptor put(OciLayout layout, String mediaType, byte[] bytes) {
        Descriptor d = new Descriptor(mediaType, Digests.sha256(bytes), bytes.length);
        if (!layout.hasBlob(d.digest())) {
            layout.writeBlob(d, new ByteArrayInputStream(bytes));
        }
        return d;
    }

    private static Manifest store(OciLayout layout, ObjectNode json, String mediaType) {
        Manifest m = Manifest.parse(writeJson(json), mediaType, "rebuilt catalog manifest");
        layout.writeManifest(m);
        return m;
    }

    static JsonNode readJson(byte[] bytes) {
        try {
            return JSON.readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] writeJson(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
