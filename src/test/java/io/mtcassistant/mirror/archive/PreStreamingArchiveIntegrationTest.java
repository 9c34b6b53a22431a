package io.mtcassistant.mirror.archive;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtcassistant.mirror.Descriptor;
import io.mtcassistant.mirror.Digests;
import io.mtcassistant.mirror.Manifest;
import io.mtcassistant.mirror.MirrorOptions;
import io.mtcassistant.mirror.MirrorReport;
import io.mtcassistant.mirror.MirrorService;
import io.mtcassistant.mirror.engine.TransferListener;
import io.mtcassistant.mirror.journal.MirrorJournal;
import io.mtcassistant.mirror.layout.OciLayout;
import io.mtcassistant.mirror.registry.RegistryAccess;
import io.mtcassistant.mirror.testsupport.LocalRegistry;
import io.mtcassistant.mirror.testsupport.Skopeo;
import io.mtcassistant.mirror.testsupport.TestImages;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Archives written before the volumes were streamed (before the blobs went in as they arrived) put
 * metadata.json right after oci-layout and index.json last, behind the blobs in digest order. The
 * reader finds entries by name, so such an archive, built here the old way, still pushes with identical digests.
 */
class PreStreamingArchiveIntegrationTest {

    private static final long VOLUME = 96 * 1024;

    @TempDir
    Path tmp;

    @Test
    void anArchiveInTheOldEntryOrderIsVerifiedAndPushedWithIdenticalDigests() throws Exception {
        LocalRegistry.assumeInstalled();
        TestImages images = new TestImages(new OciLayout(tmp.resolve("layout")), 17);
        TestImages.Layer base = images.randomLayer(150_000);
        Map<String, Manifest> written = new LinkedHashMap<>();
        written.put("quay.example.com/rhmtc/controller:v1", images.write("rhmtc/controller:v1", TestImages.Kind.OCI_MANIFEST, 40_000,
                List.of(base)));
        written.put("quay.example.com/oadp/velero:v1", images.write("oadp/velero:v1", TestImages.Kind.DOCKER_LIST, 30_000, List.of(base)));
        written.put("quay.example.com/ubi9/ubi:9", images.write("ubi9/ubi:9", TestImages.Kind.OCI_INDEX, 20_000));
        List<ArchiveMetadata.Image> meta = new ArrayList<>();
        for (Map.Entry<String, Manifest> e : written.entrySet()) {
            String refName = e.getKey().substring("quay.example.com/".length());
            meta.add(new ArchiveMetadata.Image(e.getKey(), refName, e.getValue().digest(), e.getValue().mediaType(), e.getValue().size()));
        }
        Path archive = tmp.resolve("archive");
        writeTheOldWay(images.layout(), ArchiveMetadata.now(meta), archive);

        List<Path> volumes = MirrorArchive.verify(archive);
        assertThat(volumes).hasSizeGreaterThan(3);
        List<String> order = ArchiveVolumes.index(volumes).names();
        assertThat(order.subList(0, 2)).containsExactly("oci-layout", ArchiveMetadata.FILE);
        assertThat(order.get(order.size() - 1)).isEqualTo("index.json");

        try (LocalRegistry airGapped = LocalRegistry.builder(tmp).start()) {
            MirrorReport pushed = new MirrorService(RegistryAccess.anonymous(), new MirrorOptions(4, false, false, 0), TransferListener.NONE)
                    .archiveToRegistry(archive, "docker://" + airGapped.host() + "/ocp", tmp.resolve("results"), MirrorJournal.none());
            assertThat(pushed.images()).allSatisfy(r -> assertThat(r.ok()).as(r.error()).isTrue());
            for (Map.Entry<String, Manifest> e : written.entrySet()) {
                String pushedRef = "docker://" + airGapped.host() + "/ocp/" + e.getKey().substring("quay.example.com/".length());
                assertThat(Skopeo.rawDigest(pushedRef)).as(pushedRef).isEqualTo(e.getValue().digest());
                for (Descriptor child : e.getValue().children()) {
                    Manifest platform = images.layout().readManifest(child);
                    assertThat(platform.blobs()).allSatisfy(b -> assertThat(airGapped.hasBlobStored(b.digest())).as(b.digest()).isTrue());
                }
                assertThat(e.getValue().blobs()).allSatisfy(b -> assertThat(airGapped.hasBlobStored(b.digest())).as(b.digest()).isTrue());
            }
            // Every blob the registry holds has the bytes of the layout it came from.
            try (Stream<Path> blobs = Files.list(images.layout().dir().resolve("blobs/sha256"))) {
                for (Path blob : (Iterable<Path>) blobs::iterator) {
                    String digest = "sha256:" + blob.getFileName();
                    if (airGapped.hasBlobStored(digest)) {
                        assertThat(Digests.sha256(Files.readAllBytes(airGapped.blobData(digest)))).isEqualTo(digest);
                    }
                }
            }
        }
    }

    /** The pack of the earlier releases: metadata.json second, every blob of the finished layout sorted, index.json last. */
    private static void writeTheOldWay(OciLayout layout, ArchiveMetadata metadata, Path archiveDir) throws Exception {
        Files.createDirectories(archiveDir);
        byte[] metadataJson = metadata.toJson();
        VolumeOutputStream volumes = new VolumeOutputStream(archiveDir, MirrorArchive.TAR, VOLUME);
        try (TarWriter tar = new TarWriter(volumes)) {
            tar.addFile("oci-layout", Files.readAllBytes(layout.dir().resolve("oci-layout")));
            tar.addFile(ArchiveMetadata.FILE, metadataJson);
            tar.addDirectory("blobs");
            tar.addDirectory("blobs/sha256");
            List<Path> blobs;
            try (Stream<Path> s = Files.list(layout.dir().resolve("blobs/sha256"))) {
                blobs = s.sorted().toList();
            }
            for (Path blob : blobs) {
                try (InputStream in = Files.newInputStream(blob)) {
                    tar.addFile("blobs/sha256/" + blob.getFileName(), Files.size(blob), in);
                }
            }
            tar.addFile("index.json", Files.readAllBytes(layout.dir().resolve("index.json")));
        }
        Files.write(archiveDir.resolve(ArchiveMetadata.FILE), metadataJson);
        StringBuilder sums = new StringBuilder();
        for (VolumeOutputStream.Volume v : volumes.volumes()) {
            sums.append(v.sha256Hex()).append("  ").append(v.name()).append('\n');
        }
        sums.append(Digests.hex(Digests.sha256(metadataJson))).append("  ").append(ArchiveMetadata.FILE).append('\n');
        Files.writeString(archiveDir.resolve(MirrorArchive.SUMS), sums, StandardCharsets.UTF_8);
    }
}
