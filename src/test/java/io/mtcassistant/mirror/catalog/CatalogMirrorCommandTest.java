package io.mtcassistant.mirror.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mtcassistant.cli.MtcAssistantCommand;
import io.mtcassistant.mirror.Descriptor;
import io.mtcassistant.mirror.Digests;
import io.mtcassistant.mirror.ImageReference;
import io.mtcassistant.mirror.Manifest;
import io.mtcassistant.mirror.MediaTypes;
import io.mtcassistant.mirror.catalog.demo.DemoCatalog;
import io.mtcassistant.mirror.engine.ImageCopy;
import io.mtcassistant.mirror.engine.ImageResult;
import io.mtcassistant.mirror.layout.OciLayout;
import io.mtcassistant.mirror.registry.RegistryAccess;
import io.mtcassistant.mirror.testsupport.LocalRegistry;
import io.mtcassistant.mirror.testsupport.Skopeo;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mtc-assistant mirror --image-set} with mirror.operators: exit codes and results. */
class CatalogMirrorCommandTest {

    @TempDir
    Path tmp;

    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = MtcAssistantCommand.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(exit, out.toString(), err.toString());
    }

    private Path imageSet(String name, String catalog, String packages, String additional) throws Exception {
        return Files.writeString(tmp.resolve(name), """
                kind: ImageSetConfiguration
                apiVersion: mirror.openshift.io/v2alpha1
                mirror:
                  operators:
                    - catalog: %s
                      packages:
                %s
                  additionalImages:
                %s
                """.formatted(catalog, packages, additional));
    }

    private Run mirror(Path isc, String host, String results) {
        return run("mirror", "--image-set", isc.toString(), "--to", "docker://" + host + "/mirror", "--src-tls-verify=false",
                "--dest-tls-verify=false", "--results", tmp.resolve(results).toString(), "--work-dir", tmp.resolve("work").toString(),
                "--journal", tmp.resolve(results + ".jsonl").toString());
    }

    @Test
    void operatorsInTheImageSetMirrorCatalogBundlesAndRelatedImages() throws Exception {
        LocalRegistry.assumeInstalled();
        try (LocalRegistry registry = LocalRegistry.builder(tmp).start()) {
            String host = registry.host();
            DemoCatalog.Contents demo = DemoCatalog.write(tmp.resolve("demo"), host);
            DemoCatalog.push(demo, RegistryAccess.anonymous(), host, false, null);

            Path isc = imageSet("isc.yaml", demo.indexReference(), """
                        - name: mtc-operator
                          channels:
                            - name: release-v1.7
                              minVersion: 1.7.18
                """, "    - name: " + demo.legacyOperatorReference());
            Run ok = mirror(isc, host, "results");
            assertThat(ok.exit()).as(ok.err()).isZero();
            assertThat(ok.out()).contains("filtered to mtc-operator, redhat-oadp-operator", "Catalog: " + host
                    + "/mirror/redhat/redhat-operator-index:v4.12", "Legacy operator: " + host
                    + "/mirror/rhmtc/openshift-migration-legacy-rhel8-operator@sha256:");
            Path results = tmp.resolve("results");
            try (Stream<Path> files = Files.list(results)) {
                assertThat(files.map(p -> p.getFileName().toString())).contains("mapping.txt", "imageContentSourcePolicy.yaml",
                        "imageDigestMirrorSet.yaml", "catalogSource-cs-redhat-operator-index-v4-12.yaml");
            }
            List<String> mapping = Files.readAllLines(results.resolve("mapping.txt"));
            // 1 MTC bundle + 6 operands, OADP 1.0.15 bundle + 4 images, the legacy operator and the 4 images its
            // operator.yml names by tag (its rsync image by digest is the 1.7.18 one already listed), the catalog.
            assertThat(mapping).hasSize(18);
            assertThat(mapping).contains(host + "/rhmtc/openshift-velero-plugin-rhel8:v1.7=" + host + "/mirror/rhmtc/openshift-velero-plugin-rhel8:v1.7");
            assertThat(mapping).anyMatch(l -> l.startsWith(host + "/rhmtc/openshift-migration-operator-bundle@sha256:"));
            assertThat(String.join("\n", mapping)).doesNotContain("1.7.17").doesNotContain("v1.8");
            assertThat(Skopeo.run("inspect", "--tls-verify=false", "--raw", "docker://" + host + "/mirror/oadp/oadp-operator-bundle:v1.0.15")
                    .exitCode()).isNotZero(); // mirrored by digest under a hashed tag, not under the source tag

            Run noChannel = mirror(imageSet("c.yaml", demo.indexReference(), """
                        - name: mtc-operator
                          channels:
                            - name: release-v2.0
                """, "    - name: " + demo.legacyOperatorReference()), host, "r2");
            assertThat(noChannel.exit()).isEqualTo(2);
            assertThat(noChannel.err().strip()).isEqualTo("mtc-assistant: catalog " + demo.indexReference()
                    + ": package mtc-operator has no channel release-v2.0 (channels: release-v1.7, release-v1.8)");

            Run noPackage = mirror(imageSet("p.yaml", demo.indexReference(), "        - name: mtc\n", "    []"), host, "r3");
            assertThat(noPackage.exit()).isEqualTo(2);
            assertThat(noPackage.err()).contains("has no package mtc (it has: demo-other-operator, mtc-operator, redhat-oadp-operator)");
            assertThat(noPackage.err().lines().count()).isEqualTo(1);

            String broken = pushBrokenCatalog(host);
            Run malformed = mirror(imageSet("m.yaml", broken, "        - name: mtc-operator\n", "    []"), host, "r4");
            assertThat(malformed.exit()).isEqualTo(2);
            assertThat(malformed.err()).contains("configs/mtc-operator/catalog.json is not valid JSON").doesNotContain("Exception");
            assertThat(tmp.resolve("r4")).doesNotExist();
        }
    }

    /** An index image whose /configs holds a truncated JSON file. */
    private String pushBrokenCatalog(String host) throws Exception {
        OciLayout layout = new OciLayout(tmp.resolve("broken")).create();
        FileBasedCatalog nothing = new FileBasedCatalog(List.of());
        byte[] tar = FilteredCatalogImage.layerTar("configs", Map.of("mtc-operator/catalog.json",
                "{\"schema\":\"olm.package\",\"name\":\"mtc-operator\"".getBytes(StandardCharsets.UTF_8)), null);
        assertThat(nothing.blobs()).isEmpty();
        byte[] gz = FilteredCatalogImage.gzip(tar);
        Descriptor layer = new Descriptor(MediaTypes.OCI_LAYER_GZIP, Digests.sha256(gz), gz.length);
        layout.writeBlob(layer, new ByteArrayInputStream(gz));
        ObjectNode config = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
        config.put("architecture", "amd64").put("os", "linux");
        config.putObject("config").putObject("Labels").put(CatalogImage.CONFIGS_LABEL, "/configs");
        config.putObject("rootfs").put("type", "layers").putArray("diff_ids").add(Digests.sha256(tar));
        byte[] cfg = FilteredCatalogImage.writeJson(config);
        Descriptor cd = new Descriptor(MediaTypes.OCI_CONFIG, Digests.sha256(cfg), cfg.length);
        layout.writeBlob(cd, new ByteArrayInputStream(cfg));
        String manifest = "{\"schemaVersion\":2,\"mediaType\":\"" + MediaTypes.OCI_MANIFEST + "\",\"config\":{\"mediaType\":\""
                + cd.mediaType() + "\",\"digest\":\"" + cd.digest() + "\",\"size\":" + cd.size() + "},\"layers\":[{\"mediaType\":\""
                + layer.mediaType() + "\",\"digest\":\"" + layer.digest() + "\",\"size\":" + layer.size() + "}]}";
        Manifest m = Manifest.parse(manifest.getBytes(StandardCharsets.UTF_8), MediaTypes.OCI_MANIFEST, "broken");
        layout.writeManifest(m);
        layout.tag("broken", m);
        ImageResult r = new ImageCopy(RegistryAccess.anonymous()).copy(ImageReference.parse("oci:" + layout.dir() + ":broken"),
                ImageReference.parse("docker://" + host + "/broken/index:v1"), true, false, false, 2, null);
        assertThat(r.ok()).as(String.valueOf(r.error())).isTrue();
        return host + "/broken/index:v1";
    }

    @Test
    void operatorsThroughAnArchive() throws Exception {
        LocalRegistry.assumeInstalled();
        try (LocalRegistry registry = LocalRegistry.builder(tmp).start()) {
            String host = registry.host();
            DemoCatalog.Contents demo = DemoCatalog.write(tmp.resolve("demo"), host);
            DemoCatalog.push(demo, RegistryAccess.anonymous(), host, false, null);
            Path isc = imageSet("isc.yaml", demo.indexReference(), """
                        - name: mtc-operator
                          channels:
                            - name: release-v1.8
                              minVersion: 1.8.8
                """, "    - name: " + demo.legacyOperatorReference());
            Path archive = tmp.resolve("archive");
            Run toDisk = run("mirror", "--image-set", isc.toString(), "--to-archive", archive.toString(), "--src-tls-verify=false",
                    "--results", tmp.resolve("r1").toString(), "--work-dir", tmp.resolve("work").toString());
            assertThat(toDisk.exit()).as(toDisk.err()).isZero();
            assertThat(archive.resolve(CatalogMirror.ARCHIVE_CATALOG_FILE)).exists();
            assertThat(toDisk.out()).contains("Catalog (in the archive): " + demo.indexReference());
            String archivedDigest = toDisk.out().replaceAll("(?s).*Catalog \\(in the archive\\): \\S+ \\((sha256:[0-9a-f]{64})\\).*", "$1");

            Path results = tmp.resolve("r2");
            Run fromDisk = run("mirror", "--from-archive", archive.toString(), "--to", "docker://" + host + "/restored",
                    "--dest-tls-verify=false", "--results", results.toString(),
                    "--journal", tmp.resolve("j2.jsonl").toString());
            assertThat(fromDisk.exit()).as(fromDisk.err()).isZero();
            String catalogRef = host + "/restored/redhat/redhat-operator-index:v4.12";
            assertThat(Skopeo.rawDigest("docker://" + catalogRef)).isEqualTo(archivedDigest);
            assertThat(fromDisk.out()).contains("Legacy operator: " + host + "/restored/rhmtc/openshift-migration-legacy-rhel8-operator@sha256:");
            List<String> mapping = Files.readAllLines(results.resolve("mapping.txt"));
            // The catalog, the 1.8.8 bundle and its 6 images, OADP 1.2.5 bundle and its 4 images, the legacy operator
            // with the 5 images of its operator.yml.
            assertThat(mapping).hasSize(19).contains(demo.indexReference() + "=" + catalogRef);
            assertThat(Files.readString(results.resolve("catalogSource-cs-redhat-operator-index-v4-12.yaml")))
                    .contains("  image: " + catalogRef + "\n", "  sourceType: grpc\n", "  namespace: openshift-marketplace\n");
            for (String line : mapping) {
                String[] parts = line.split("=");
                if (parts[0].contains("@sha256:")) {
                    assertThat(Skopeo.rawDigest("docker://" + parts[1])).isEqualTo(parts[0].substring(parts[0].indexOf('@') + 1));
                }
            }
        }
    }
}
