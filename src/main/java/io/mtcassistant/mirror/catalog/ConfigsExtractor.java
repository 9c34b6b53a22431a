package io.mtcassistant.mirror.catalog;

import io.mtcassistant.mirror.Descriptor;
import io.mtcassistant.mirror.MirrorException;
import io.mtcassistant.mirror.engine.ImageStore;
import io.mtcassistant.mirror.layout.OciLayout;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Unpacks the catalog directory (/configs) of an index image into a local directory, applying the
 * layers in order with OCI whiteouts ({@code .wh.NAME} removes NAME, {@code .wh..wh..opq} empties a
 * directory of what lower layers put there). Everything outside the catalog directory is skipped.
 */
public final class ConfigsExtractor {

    private static final String WHITEOUT = ".wh.";
    private static final String OPAQUE = ".wh..wh..opq";

    private ConfigsExtractor() {
    }

    /** Extracts into target (created, must be empty or absent) and returns it. */
    public static Path extract(ImageStore store, CatalogImage.PlatformImage image, Path target, String where) {
        return extract(store, image, target, where, null);
    }

    /** As above, reporting downloaded bytes to progress (may be null). */
    public static Path extract(ImageStore store, CatalogImage.PlatformImage image, Path target, String where,
                               java.util.function.LongConsumer progress) {
        String configs = image.configsDir();
        if (configs == null) {
            throw MirrorException.badInput("catalog " + where + " is not a file-based catalog: its config has no label "
                    + CatalogImage.CONFIGS_LABEL + " (SQLite catalogs from before OpenShift 4.11 are not supported)");
        }
        try {
            Files.createDirectories(target);
            for (Descriptor layer : image.layers()) {
                applyLayer(store, layer, configs, target, where, progress);
            }
        } catch (IOException e) {
            throw OciLayout.fileError(e, "extracting the catalog of " + where + " into " + target);
        }
        return target;
    }

    private static void applyLayer(ImageStore store, Descriptor layer, String configs, Path target, String where,
                                   java.util.function.LongConsumer progress) throws IOException {
        // Whiteouts apply only to lower layers, so this layer is unpacked aside and merged afterwards.
        Path staged = Files.createTempDirectory(target.getParent(), ".layer-");
        List<String> removed = new ArrayList<>();
        List<String> opaque = new ArrayList<>();
        try {
            try (InputStream blob = store.openBlob(layer, progress); LayerTarReader tar = new LayerTarReader(blob)) {
                LayerTarReader.Entry e;
                while ((e = tar.next()) != null) {
                    String name = normalize(e.name());
                    if (name == null) {
                        throw MirrorException.badInput("catalog " + where + ": layer " + layer.digest() + " has an unsafe path " + e.name());
                    }
                    String base = name.substring(name.lastIndexOf('/') + 1);
                    String parent = name.contains("/") ? name.substring(0, name.lastIndexOf('/')) : "";
                    if (base.equals(OPAQUE)) {
                        if (within(parent, configs)) {
                            opaque.add(relative(parent, configs));
                        }
                        continue;
                    }
                    if (base.startsWith(WHITEOUT)) {
                        String gone = (parent.isEmpty() ? "" : parent + "/") + base.substring(WHITEOUT.length());
                        if (within(gone, configs)) {
                            removed.add(relative(gone, configs));
                        } else if (within(configs, gone)) {
                            removed.add("");
                        }
                        continue;
                    }
                    if (!within(name, configs)) {
                        continue;
                    }
                    Path out = resolve(staged, relative(name, configs));
                    switch (e.type()) {
                        case DIRECTORY -> Files.createDirectories(out);
                        case FILE -> {
                            Files.createDirectories(out.getParent());
                            Files.write(out, tar.content());
                        }
                        case HARDLINK -> {
                            String linked = normalize(e.linkName());
                            if (linked != null && within(linked, configs)) {
                                Path from = resolve(staged, relative(linked, configs));
                                if (Files.isRegularFile(from)) {
                                    Files.createDirectories(out.getParent());
                                    Files.copy(from, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                                }
                            }
                        }
                        default -> {
                            // Symlinks and devices do not occur in catalogs; opm would not follow them out of /configs either.
                        }
                    }
                }
            } catch (java.util.zip.ZipException | java.io.EOFException e) {
                throw MirrorException.badInput("catalog " + where + ": layer " + layer.digest() + " is not a readable tar: " + e.getMessage());
            }
            for (String gone : removed) {
                delete(gone.isEmpty() ? target : resolve(target, gone), gone.isEmpty());
            }
            for (String dir : opaque) {
                delete(dir.isEmpty() ? target : resolve(target, dir), true);
            }
            merge(staged, target);
        } finally {
            delete(staged, false);
        }
    }

    /** Strips "./" and "/", refuses "..". */
    private static String normalize(String name) {
        if (name == null) {
            return null;
        }
        String n = name;
        while (n.startsWith("./") || n.startsWith("/")) {
            n = n.startsWith("./") ? n.substring(2) : n.substring(1);
        }
        while (n.endsWith("/")) {
            n = n.substring(0, n.length() - 1);
        }
        for (String part : n.split("/")) {
            if (part.equals("..")) {
                return null;
            }
        }
        return n;
    }

    private static boolean within(String path, String dir) {
        return path.equals(dir) || path.startsWith(dir + "/");
    }

    private static String relative(String path, String dir) {
        return path.equals(dir) ? "" : path.substring(dir.length() + 1);
    }

    private static Path resolve(Path root, String relative) {
        return relative.isEmpty() ? root : root.resolve(relative);
    }

    private static void merge(Path from, Path to) throws IOException {
        List<Path> all;
        try (Stream<Path> walk = Files.walk(from)) {
            all = walk.sorted().toList();
        }
        for (Path p : all) {
            Path dest = to.resolve(from.relativize(p).toString());
            if (Files.isDirectory(p)) {
                if (Files.exists(dest) && !Files.isDirectory(dest)) {
                    Files.delete(dest);
                }
                Files.createDirectories(dest);
            } else {
                if (Files.isDirectory(dest)) {
                    delete(dest, false);
                }
                Files.createDirectories(dest.getParent());
                Files.move(p, dest, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    /** Deletes a tree; with keepRoot only its content. */
    static void delete(Path root, boolean keepRoot) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                if (!(keepRoot && p.equals(root))) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
