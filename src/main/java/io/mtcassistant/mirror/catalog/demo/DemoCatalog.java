package io.mtcassistant.mirror.catalog.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mtcassistant.mirror.Descriptor;
import io.mtcassistant.mirror.Digests;
import io.mtcassistant.mirror.ImageReference;
import io.mtcassistant.mirror.Manifest;
import io.mtcassistant.mirror.MediaTypes;
import io.mtcassistant.mirror.MirrorException;
import io.mtcassistant.mirror.archive.TarWriter;
import io.mtcassistant.mirror.catalog.CatalogImage;
import io.mtcassistant.mirror.engine.ImageResult;
import io.mtcassistant.mirror.engine.LayoutStore;
import io.mtcassistant.mirror.engine.RegistryStore;
import io.mtcassistant.mirror.engine.TransferEngine;
import io.mtcassistant.mirror.engine.TransferListener;
import io.mtcassistant.mirror.layout.OciLayout;
import io.mtcassistant.mirror.registry.RegistryAccess;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * Synthetic, Red Hat-like demo content: an operator index image whose file-based catalog holds
 * mtc-operator (release-v1.7, release-v1.8), redhat-oadp-operator (stable-1.0, stable-1.2) and one
 * unrelated package, plus tiny images under the real repository names (rhmtc/..., oadp/...) and
 * the legacy operator. Every image carries the annotation {@value #DEMO_ANNOTATION} and a file
 * saying it is demo content; none of it is Red Hat software. Output is an OCI layout whose ref
 * names are the source references (host/repo:tag); the bytes are the same on every run, so
 * digests are stable.
 */
public final class DemoCatalog {

    public static final String DEMO_ANNOTATION = "io.mtcassistant.demo";
    public static final String DEMO_TEXT = "MTC Assistant synthetic demo content - not a Red Hat image";
    public static final String DEFAULT_HOST = "registry.redhat.io";
    public static final String INDEX_REPOSITORY = "redhat/redhat-operator-index";
    // The demo target cluster (sim-target) runs OpenShift 4.12: its index is the one of that version.
    public static final String INDEX_TAG = "v4.12";
    public static final String LEGACY_REPOSITORY = "rhmtc/openshift-migration-legacy-rhel8-operator";
    public static final String MTC_BUNDLE_REPOSITORY = "rhmtc/openshift-migration-operator-bundle";
    public static final String OADP_BUNDLE_REPOSITORY = "oadp/oadp-operator-bundle";
    // Named after the index tag: a cache written with another tag is generated again.
    private static final String MARKER = "demo-catalog-" + INDEX_TAG + ".done";

    /** MTC channels and their bundle versions (oldest first) and the OADP range each line requires. */
    public static final Map<String, List<String>> MTC_CHANNELS = Map.of(
            "release-v1.7", List.of("1.7.17", "1.7.18"),
            "release-v1.8", List.of("1.8.6", "1.8.7", "1.8.8"));
    public static final Map<String, List<String>> OADP_CHANNELS = Map.of(
            "stable-1.0", List.of("1.0.14", "1.0.15"),
            "stable-1.2", List.of("1.2.4", "1.2.5"));
    public static final Map<String, String> OADP_RANGE = Map.of("1.7", ">=1.0.0 <1.1.0", "1.8", ">=1.2.0 <1.3.0");

    private static final List<String[]> MTC_OPERANDS = List.of(
            new String[] {"operator", "rhmtc/openshift-migration-rhel8-operator"},
            new String[] {"openshift_migration_controller", "rhmtc/openshift-migration-controller-rhel8"},
            new String[] {"openshift_migration_ui", "rhmtc/openshift-migration-ui-rhel8"},
            new String[] {"openshift_migration_velero", "rhmtc/openshift-migration-velero-rhel8"},
            new String[] {"openshift_migration_log_reader", "rhmtc/openshift-migration-log-reader-rhel8"},
            new String[] {"openshift_migration_rsync_transfer", "rhmtc/openshift-migration-rsync-transfer-rhel8"});
    private static final List<String[]> OADP_OPERANDS = List.of(
            new String[] {"oadp_operator", "oadp/oadp-rhel8-operator"},
            new String[] {"velero", "oadp/oadp-velero-rhel8"},
            new String[] {"openshift_velero_plugin", "oadp/oadp-velero-plugin-rhel8"},
            new String[] {"velero_plugin_for_aws", "oadp/oadp-velero-plugin-for-aws-rhel8"});

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** What was written: the index reference, the legacy operator reference, and every ref name in the layout. */
    public record Contents(Path layoutDir, String host, String indexReference, String legacyOperatorReference, List<String> references) {
    }

    private final OciLayout layout;
    private final String host;
    private final List<String> refs = new ArrayList<>();

    private DemoCatalog(OciLayout layout, String host) {
        this.layout = layout;
        this.host = host;
    }

    /** Generates the demo content once into cacheDir/demo-catalog (registry.redhat.io names) and returns it. */
    public static Contents ensure(Path cacheDir) {
        Path dir = cacheDir.resolve("demo-catalog");
        if (Files.isRegularFile(dir.resolve(MARKER)) && OciLayout.exists(dir)) {
            return contentsOf(dir, DEFAULT_HOST);
        }
        Contents c = write(dir, DEFAULT_HOST);
        try {
            OciLayout.writeAtomically(dir.resolve(MARKER), "ok\n".getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw OciLayout.fileError(e, "writing " + dir.resolve(MARKER));
        }
        return c;
    }

    private static Contents contentsOf(Path dir, String host) {
        List<String> names = new OciLayout(dir).entries().stream().map(OciLayout.Entry::refName).toList();
        return new Contents(dir, host, host + "/" + INDEX_REPOSITORY + ":" + INDEX_TAG, host + "/" + LEGACY_REPOSITORY + ":v1.7", names);
    }

    /** Writes the whole set into an OCI layout; host is the registry named in references (registry.redhat.io for the demo). */
    public static Contents write(Path layoutDir, String host) {
        DemoCatalog demo = new DemoCatalog(new OciLayout(layoutDir).create(), host);
        demo.writeAll();
        return new Contents(layoutDir, host, host + "/" + INDEX_REPOSITORY + ":" + INDEX_TAG, host + "/" + LEGACY_REPOSITORY + ":v1.7",
                List.copyOf(demo.refs));
    }

    private void writeAll() {
        List<ObjectNode> blobs = new ArrayList<>();
        // mtc-operator
        blobs.add(packageBlob("mtc-operator", "release-v1.8", "Migration Toolkit for Containers Operator (demo)"));
        Map<String, Manifest> mtcBundles = new LinkedHashMap<>();
        List<ObjectNode> mtcBundleBlobs = new ArrayList<>();
        for (String channel : List.of("release-v1.7", "release-v1.8")) {
            List<String> versions = MTC_CHANNELS.get(channel);
            blobs.add(channelBlob("mtc-operator", channel, versions));
            for (String v : versions) {
                String line = v.substring(0, 3);
                List<String[]> related = new ArrayList<>();
                for (String[] operand : MTC_OPERANDS) {
                    Manifest m = image(operand[1], "v" + v);
                    related.add(new String[] {operand[0], ref(operand[1], m)});
                }
                Manifest bundle = image(MTC_BUNDLE_REPOSITORY, "v" + v);
                mtcBundles.put(v, bundle);
                mtcBundleBlobs.add(bundleBlob("mtc-operator", v, ref(MTC_BUNDLE_REPOSITORY, bundle), related,
                        "redhat-oadp-operator", OADP_RANGE.get(line), "migration.openshift.io", "MigrationController"));
            }
        }
        blobs.addAll(mtcBundleBlobs);
        // redhat-oadp-operator
        blobs.add(packageBlob("redhat-oadp-operator", "stable-1.2", "OADP Operator (demo)"));
        List<ObjectNode> oadpBundleBlobs = new ArrayList<>();
        for (String channel : List.of("stable-1.0", "stable-1.2")) {
            List<String> versions = OADP_CHANNELS.get(channel);
            blobs.add(channelBlob("redhat-oadp-operator", channel, versions));
            for (String v : versions) {
                List<String[]> related = new ArrayList<>();
                for (String[] operand : OADP_OPERANDS) {
                    Manifest m = image(operand[1], "v" + v);
                    related.add(new String[] {operand[0], ref(operand[1], m)});
                }
                Manifest bundle = image(OADP_BUNDLE_REPOSITORY, "v" + v);
                oadpBundleBlobs.add(bundleBlob("redhat-oadp-operator", v, ref(OADP_BUNDLE_REPOSITORY, bundle), related,
                        null, null, "oadp.openshift.io", "DataProtectionApplication"));
            }
        }
        blobs.addAll(oadpBundleBlobs);
        // an unrelated package that filtering must drop
        blobs.add(packageBlob("demo-other-operator", "stable", "Unrelated operator (demo)"));
        blobs.add(channelBlob("demo-other-operator", "stable", List.of("0.1.0")));
        Manifest other = image("demo/other-operator-bundle", "v0.1.0");
        blobs.add(bundleBlob("demo-other-operator", "0.1.0", ref("demo/other-operator-bundle", other), List.of(), null, null,
                "demo.example.com", "Other"));
        // legacy operator, pulled by tag, with the operator.yml that names what it deploys
        writeLegacyOperator();
        writeIndex(blobs);
    }

    /** Images the demo legacy operator's operator.yml deploys: env prefix -> repository (tag v1.7). */
    public static final Map<String, String> LEGACY_OPERANDS = new java.util.TreeMap<>(Map.of(
            "VELERO", "openshift-migration-velero-rhel8",
            "VELERO_PLUGIN", "openshift-velero-plugin-rhel8",
            "VELERO_AWS_PLUGIN", "openshift-migration-velero-plugin-for-aws-rhel8",
            "VELERO_RESTIC_RESTORE_HELPER", "openshift-migration-velero-restic-restore-helper-rhel8"));

    private void writeLegacyOperator() {
        StringBuilder env = new StringBuilder();
        env.append("        - name: REGISTRY\n          value: ").append(host).append('\n');
        env.append("        - name: PROJECT\n          value: rhmtc\n");
        for (Map.Entry<String, String> e : LEGACY_OPERANDS.entrySet()) {
            image("rhmtc/" + e.getValue(), "v1.7");
            env.append("        - name: ").append(e.getKey()).append("_REPO\n          value: ").append(e.getValue()).append('\n');
            env.append("        - name: ").append(e.getKey()).append("_TAG\n          value: v1.7\n");
        }
        // The downstream form: REPO ends in @sha256 and TAG is the bare hex digest.
        Manifest rsync = image("rhmtc/openshift-migration-rsync-transfer-rhel8", "v1.7.18");
        env.append("        - name: RSYNC_TRANSFER_REPO\n          value: openshift-migration-rsync-transfer-rhel8@sha256\n");
        env.append("        - name: RSYNC_TRANSFER_TAG\n          value: ").append(Digests.hex(rsync.digest())).append('\n');
        String operatorYml = "# " + DEMO_TEXT + "\n"
                + "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: openshift-migration\n---\n"
                + "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: migration-operator\n  namespace: openshift-migration\n"
                + "spec:\n  selector:\n    matchLabels:\n      app: migration\n  template:\n    metadata:\n      labels:\n        app: migration\n"
                + "    spec:\n      serviceAccountName: migration-operator\n      containers:\n      - name: operator\n"
                + "        image: " + host + "/" + LEGACY_REPOSITORY + ":v1.7\n        env:\n" + env;
        String controllerYml = "# " + DEMO_TEXT + "\n"
                + "apiVersion: migration.openshift.io/v1alpha1\nkind: MigrationController\nmetadata:\n  name: migration-controller\n"
                + "  namespace: openshift-migration\nspec:\n  migration_velero: true\n  migration_log_reader: true\n  restic_timeout: 1h\n";
        image(LEGACY_REPOSITORY, "v1.7", Map.of("operator.yml", operatorYml.getBytes(StandardCharsets.UTF_8),
                "controller.yml", controllerYml.getBytes(StandardCharsets.UTF_8)));
    }

    private String ref(String repository, Manifest m) {
        return host + "/" + repository + "@" + m.digest();
    }

    private static ObjectNode packageBlob(String name, String defaultChannel, String description) {
        ObjectNode p = JSON.createObjectNode();
        p.put("schema", "olm.package");
        p.put("name", name);
        p.put("defaultChannel", defaultChannel);
        p.put("description", description + ". " + DEMO_TEXT);
        return p;
    }

    private static ObjectNode channelBlob(String pkg, String channel, List<String> versions) {
        ObjectNode c = JSON.createObjectNode();
        c.put("schema", "olm.channel");
        c.put("package", pkg);
        c.put("name", channel);
        ArrayNode entries = c.putArray("entries");
        String previous = null;
        for (String v : versions) {
            ObjectNode e = entries.addObject();
            e.put("name", pkg + ".v" + v);
            if (previous != null) {
                e.put("replaces", pkg + ".v" + previous);
            }
            previous = v;
        }
        return c;
    }

    private static ObjectNode bundleBlob(String pkg, String version, String image, List<String[]> related, String requires,
                                         String range, String group, String kind) {
        ObjectNode b = JSON.createObjectNode();
        b.put("schema", "olm.bundle");
        b.put("package", pkg);
        b.put("name", pkg + ".v" + version);
        b.put("image", image);
        ArrayNode props = b.putArray("properties");
        ObjectNode p = props.addObject();
        p.put("type", "olm.package");
        p.putObject("value").put("packageName", pkg).put("version", version);
        ObjectNode g = props.addObject();
        g.put("type", "olm.gvk");
        g.putObject("value").put("group", group).put("kind", kind).put("version", "v1alpha1");
        if (requires != null) {
            ObjectNode r = props.addObject();
            r.put("type", "olm.package.required");
            r.putObject("value").put("packageName", requires).put("versionRange", range);
        }
        ArrayNode rel = b.putArray("relatedImages");
        rel.addObject().put("name", "").put("image", image);
        for (String[] r : related) {
            rel.addObject().put("name", r[0]).put("image", r[1]);
        }
        return b;
    }

    /** A one-layer OCI image whose only file says what it is; tagged host/repository:tag in the layout. */
    private Manifest image(String repository, String tag) {
        return image(repository, tag, Map.of());
    }

    private Manifest image(String repository, String tag, Map<String, byte[]> extraFiles) {
        String text = DEMO_TEXT + "\nimage: " + repository + ":" + tag + "\n";
        Map<String, byte[]> files = new LinkedHashMap<>(extraFiles);
        files.put("demo/README.txt", text.getBytes(StandardCharsets.UTF_8));
        byte[] tar = tar(files, List.of("demo"));
        Descriptor layer = put(MediaTypes.OCI_LAYER_GZIP, gzip(tar));
        ObjectNode config = JSON.createObjectNode();
        config.put("architecture", "amd64");
        config.put("os", "linux");
        config.put("created", "2020-01-01T00:00:00Z");
        ObjectNode run = config.putObject("config");
        run.putArray("Cmd").add("/bin/true");
        run.putObject("Labels").put(DEMO_ANNOTATION, "true").put("name", repository).put("version", tag);
        ObjectNode rootfs = config.putObject("rootfs");
        rootfs.put("type", "layers");
        rootfs.putArray("diff_ids").add(Digests.sha256(tar));
        Descriptor cfg = put(MediaTypes.OCI_CONFIG, bytes(config));
        Manifest m = manifest(cfg, List.of(layer), repository + ":" + tag);
        tag(repository + ":" + tag, m);
        return m;
    }

    private Manifest manifest(Descriptor config, List<Descriptor> layers, String title) {
        ObjectNode m = JSON.createObjectNode();
        m.put("schemaVersion", 2);
        m.put("mediaType", MediaTypes.OCI_MANIFEST);
        m.set("config", descriptor(config));
        ArrayNode l = m.putArray("layers");
        layers.forEach(d -> l.add(descriptor(d)));
        m.putObject("annotations").put(DEMO_ANNOTATION, DEMO_TEXT).put("org.opencontainers.image.title", title);
        Manifest parsed = Manifest.parse(bytes(m), MediaTypes.OCI_MANIFEST, "demo manifest");
        layout.writeManifest(parsed);
        return parsed;
    }

    /** The index image: an OCI index (amd64 + arm64) over opm placeholder, /configs and a serve cache. */
    private void writeIndex(List<ObjectNode> blobs) {
        Map<String, ByteArrayOutputStream> files = new LinkedHashMap<>();
        for (ObjectNode blob : blobs) {
            String pkg = "olm.package".equals(blob.path("schema").asText()) ? blob.path("name").asText() : blob.path("package").asText();
            ByteArrayOutputStream out = files.computeIfAbsent("configs/" + pkg + "/catalog.json", k -> new ByteArrayOutputStream());
            out.writeBytes(pretty(blob));
            out.write('\n');
        }
        Map<String, byte[]> configFiles = new LinkedHashMap<>();
        List<String> dirs = new ArrayList<>(List.of("configs"));
        files.forEach((k, v) -> {
            configFiles.put(k, v.toByteArray());
            dirs.add(k.substring(0, k.lastIndexOf('/')));
        });
        byte[] baseTar = tar(Map.of("bin/opm", ("#!/bin/sh\necho '" + DEMO_TEXT + ": no opm here'\n").getBytes(StandardCharsets.UTF_8)),
                List.of("bin"));
        byte[] configsTar = tar(configFiles, dirs);
        byte[] cacheTar = tar(Map.of("tmp/cache/cache.json", "{\"demo\":\"stale serve cache of the full catalog\"}\n"
                .getBytes(StandardCharsets.UTF_8)), List.of("tmp/cache"));
        List<byte[]> tars = List.of(baseTar, configsTar, cacheTar);
        List<Descriptor> layers = new ArrayList<>();
        for (byte[] t : tars) {
            layers.add(put(MediaTypes.OCI_LAYER_GZIP, gzip(t)));
        }
        ArrayNode children = JSON.createArrayNode();
        for (String arch : List.of("amd64", "arm64")) {
            ObjectNode config = JSON.createObjectNode();
            config.put("architecture", arch);
            config.put("os", "linux");
            config.put("created", "2020-01-01T00:00:00Z");
            ObjectNode run = config.putObject("config");
            run.putArray("Entrypoint").add("/bin/opm");
            run.putArray("Cmd").add("serve").add("/configs").add("--cache-dir=/tmp/cache");
            run.putObject("Labels").put(CatalogImage.CONFIGS_LABEL, "/configs").put(DEMO_ANNOTATION, "true");
            ObjectNode rootfs = config.putObject("rootfs");
            rootfs.put("type", "layers");
            ArrayNode diffIds = rootfs.putArray("diff_ids");
            tars.forEach(t -> diffIds.add(Digests.sha256(t)));
            ArrayNode history = config.putArray("history");
            for (String step : List.of("demo opm placeholder", "demo file-based catalog", "demo serve cache")) {
                history.addObject().put("created", "2020-01-01T00:00:00Z").put("created_by", step);
            }
            Descriptor cfg = put(MediaTypes.OCI_CONFIG, bytes(config));
            Manifest m = manifest(cfg, layers, INDEX_REPOSITORY + ":" + INDEX_TAG + " " + arch);
            ObjectNode child = descriptor(m.asDescriptor());
            child.putObject("platform").put("architecture", arch).put("os", "linux");
            children.add(child);
        }
        ObjectNode index = JSON.createObjectNode();
        index.put("schemaVersion", 2);
        index.put("mediaType", MediaTypes.OCI_INDEX);
        index.set("manifests", children);
        index.putObject("annotations").put(DEMO_ANNOTATION, DEMO_TEXT);
        Manifest top = Manifest.parse(bytes(index), MediaTypes.OCI_INDEX, "demo index");
        layout.writeManifest(top);
        tag(INDEX_REPOSITORY + ":" + INDEX_TAG, top);
    }

    private void tag(String repositoryAndTag, Manifest m) {
        String name = host + "/" + repositoryAndTag;
        if (!refs.contains(name)) {
            layout.tag(name, m);
            refs.add(name);
        }
    }

    private static ObjectNode descriptor(Descriptor d) {
        ObjectNode n = JSON.createObjectNode();
        n.put("mediaType", d.mediaType());
        n.put("digest", d.digest());
        n.put("size", d.size());
        return n;
    }

    private Descriptor put(String mediaType, byte[] bytes) {
        Descriptor d = new Descriptor(mediaType, Digests.sha256(bytes), bytes.length);
        if (!layout.hasBlob(d.digest())) {
            layout.writeBlob(d, new ByteArrayInputStream(bytes));
        }
        return d;
    }

    private static byte[] tar(Map<String, byte[]> files, List<String> dirs) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TarWriter tar = new TarWriter(out)) {
            List<String> done = new ArrayList<>();
            for (String dir : dirs) {
                String path = "";
                for (String part : dir.split("/")) {
                    path = path.isEmpty() ? part : path + "/" + part;
                    if (!done.contains(path)) {
                        tar.addDirectory(path);
                        done.add(path);
                    }
                }
            }
            for (String name : files.keySet().stream().sorted().toList()) {
                tar.addFile(name, files.get(name));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] gzip(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] bytes(ObjectNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] pretty(ObjectNode node) {
        try {
            return PRETTY.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Pushes every image of a demo layout to a registry under the same repository and tag (host
     * replaced), e.g. to serve the demo from a local registry. Returns the per-image results.
     */
    public static List<ImageResult> push(Contents contents, RegistryAccess access, String registryHost, boolean tlsVerify,
                                         TransferListener listener) {
        LayoutStore source = new LayoutStore(OciLayout.open(contents.layoutDir()));
        List<ImageResult> results = new ArrayList<>();
        try (TransferEngine engine = new TransferEngine(4, listener)) {
            for (String name : contents.references()) {
                ImageReference ref = ImageReference.parseRegistry(name);
                RegistryStore dest = new RegistryStore(access.client(registryHost, registryHost, !tlsVerify), ref.repository());
                ImageResult r = engine.copy(source, name, dest, ref.tag(), true, "oci:" + contents.layoutDir() + ":" + name,
                        registryHost + "/" + ref.repository() + ":" + ref.tag());
                if (!r.ok()) {
                    throw new MirrorException(MirrorException.Kind.REGISTRY, "pushing demo image " + name + " failed: " + r.error());
                }
                results.add(r);
            }
        }
        return results;
    }
}
