package io.mtcassistant.mirror;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mtcassistant.mirror.archive.ArchiveMetadata;
import io.mtcassistant.mirror.archive.MirrorArchive;
import io.mtcassistant.mirror.engine.ImageCopy;
import io.mtcassistant.mirror.engine.ImageResult;
import io.mtcassistant.mirror.engine.TransferListener;
import io.mtcassistant.mirror.journal.MirrorJournal;
import io.mtcassistant.mirror.layout.OciLayout;
import io.mtcassistant.mirror.outputs.ClusterResources;
import io.mtcassistant.mirror.plan.DestinationNamer;
import io.mtcassistant.mirror.plan.ImageSetConfig;
import io.mtcassistant.mirror.registry.RegistryAccess;
import io.mtcassistant.mirror.testsupport.LocalRegistry;
import io.mtcassistant.mirror.testsupport.Skopeo;
import io.mtcassistant.mirror.testsupport.TestImages;
import io.mtcassistant.mirror.testsupport.TestImages.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Image-set mirroring against real registries: mirror->mirror with outputs, de-duplication and
 * mounts, a no-op re-run, resume after an interruption, and the archive round trip.
 */
class MirrorIntegrationTest {

    @TempDir
    static Path tmp;
    static LocalRegistry source;
    /** image set name -> expected top digest. */
    static final Map<String, String> EXPECTED = new LinkedHashMap<>();
    static String imageSetYaml;
    static TestImages.Layer base1;
    static TestImages.Layer base2;

    @BeforeAll
    static void populateSource() throws Exception {
        LocalRegistry.assumeInstalled();
        source = LocalRegistry.builder(tmp).start();
        TestImages images = new TestImages(new OciLayout(tmp.resolve("images")), 11);
        base1 = images.randomLayer(300_000);
        base2 = images.randomLayer(100_000);
        List<TestImages.Layer> shared = List.of(base1, base2);
        record Spec(String repo, Kind kind, boolean byDigest) { }
        List<Spec> specs = List.of(new Spec("rhmtc/controller", Kind.OCI_MANIFEST, false),
                new Spec("rhmtc/ui", Kind.DOCKER_MANIFEST, true), new Spec("oadp/velero", Kind.OCI_INDEX, false),
                new Spec("oadp/plugin", Kind.DOCKER_LIST, true), new Spec("ubi9/ubi", Kind.OCI_MANIFEST, false));
        StringBuilder yaml = new StringBuilder("kind: ImageSetConfiguration\napiVersion: mirror.openshift.io/v2alpha1\n"
                + "mirror:\n  additionalImages:\n");
        for (Spec s : specs) {
            Manifest m = images.write(s.repo(), s.kind(), 50_000, s.repo().equals("ubi9/ubi") ? List.of() : shared);
            ImageResult r = new ImageCopy(RegistryAccess.anonymous()).copy(ImageReference.parse("oci:" + images.layout().dir() + ":" + s.repo()),
                    ImageReference.parse(source.ref(s.repo() + ":v1")), true, false, false, 4, TransferListener.NONE);
            assertThat(r.ok()).as(r.error()).isTrue();
            String name = source.host() + "/" + s.repo() + (s.byDigest() ? "@" + m.digest() : ":v1");
            EXPECTED.put(name, m.digest());
            yaml.append("    - name: ").append(name).append('\n');
        }
        imageSetYaml = yaml.toString();
    }

    @AfterAll
    static void stop() {
        if (source != null) {
            source.close();
        }
    }

    private static ImageSetConfig imageSet() {
        return ImageSetConfig.parse(imageSetYaml, "test image set");
    }

    private static MirrorService service(int jobs, TransferListener listener) {
        return new MirrorService(RegistryAccess.anonymous(), new MirrorOptions(jobs, false, false, 0), listener);
    }

    private static long uploadsOf(LocalRegistry registry, String digest) throws IOException {
        String hex = Digests.hex(digest);
        return registry.logLines().stream().filter(l -> l.contains("\"PUT ") && l.contains("/blobs/uploads/") && l.contains(hex)).count();
    }

    private static long allBlobUploads(LocalRegistry registry) throws IOException {
        return registry.countRequests("PUT", "/blobs/uploads/");
    }

    @Test
    void mirrorToMirrorKeepsDigestsWritesOutputsDeduplicatesAndRerunsWithoutSendingBlobs() throws Exception {
        try (LocalRegistry dest = LocalRegistry.builder(tmp).start()) {
            Path results = tmp.resolve("results-m2m");
            Path journalFile = tmp.resolve("m2m-journal.jsonl");
            MirrorReport report = service(4, TransferListener.NONE).mirrorToRegistry(imageSet(), "docker://" + dest.host() + "/mirror",
                    results, MirrorJournal.open(journalFile));
            assertThat(report.images()).allSatisfy(r -> assertThat(r.ok()).as(r.error()).isTrue());
            List<String> expectedMapping = new ArrayList<>();
            for (Map.Entry<String, String> e : EXPECTED.entrySet()) {
                ImageReference src = ImageReference.parseRegistry(e.getKey());
                String tag = src.tag() != null ? src.tag() : DestinationNamer.fnv32a(e.getKey());
                String destRef = dest.host() + "/mirror/" + src.repository() + ":" + tag;
                assertThat(Skopeo.rawDigest("docker://" + destRef)).as(destRef).isEqualTo(e.getValue());
                expectedMapping.add(e.getKey() + "=" + destRef);
            }
            assertThat(Files.readAllLines(results.resolve("mapping.txt"))).containsExactlyElementsOf(expectedMapping);
            assertThat(Files.readString(results.resolve("imageDigestMirrorSet.yaml"))).startsWith("""
                    apiVersion: config.openshift.io/v1
                    kind: ImageDigestMirrorSet
                    metadata:
                      name: idms-generic-0
                    spec:
                      imageDigestMirrors:
                      - mirrors:
                        - %s/mirror/rhmtc/controller
                        source: %s/rhmtc/controller
                    """.formatted(dest.host(), source.host()));
            assertThat(Files.readString(results.resolve("imageContentSourcePolicy.yaml"))).contains("kind: ImageContentSourcePolicy")
                    .contains("    - " + dest.host() + "/mirror/oadp/plugin\n    source: " + source.host() + "/oadp/plugin\n");
            // ITMS only for the three tagged images (by-digest rhmtc/ui and oadp/plugin are not in it).
            String itms = Files.readString(results.resolve("imageTagMirrorSet.yaml"));
            assertThat(itms).contains("name: " + ClusterResources.ITMS_NAME).contains(source.host() + "/ubi9/ubi")
                    .doesNotContain("/rhmtc/ui").doesNotContain("/oadp/plugin");
            JsonNode summary = new ObjectMapper().readTree(results.resolve("summary.json").toFile());
            assertThat(summary.path("result").asText()).isEqualTo("succeeded");
            assertThat(summary.path("images")).hasSize(EXPECTED.size());
            for (JsonNode image : summary.path("images")) {
                assertThat(image.path("digest").asText()).isEqualTo(EXPECTED.get(image.path("source").asText()));
                assertThat(image.path("sizeBytes").asLong()).isPositive();
                assertThat(image.path("result").asText()).isEqualTo("mirrored");
            }

            // Shared base layers went over the wire once; the other repositories mounted them.
            assertThat(uploadsOf(dest, base1.digest())).isEqualTo(1);
            assertThat(uploadsOf(dest, base2.digest())).isEqualTo(1);
            assertThat(report.stats().blobsMounted()).isGreaterThanOrEqualTo(6);
            assertThat(allBlobUploads(dest)).isEqualTo(report.stats().blobsCopied());

            // A re-run without the journal: every blob found by HEAD, no blob bytes sent.
            long uploadsBefore = allBlobUploads(dest);
            MirrorReport again = service(4, TransferListener.NONE).mirrorToRegistry(imageSet(), "docker://" + dest.host() + "/mirror",
                    tmp.resolve("results-m2m-2"), MirrorJournal.none());
            assertThat(again.ok()).isTrue();
            assertThat(again.stats().bytesTransferred()).isZero();
            assertThat(again.stats().blobsCopied()).isZero();
            assertThat(allBlobUploads(dest)).isEqualTo(uploadsBefore);
            assertThat(again.images()).allMatch(r -> r.status() == ImageResult.Status.ALREADY_PRESENT);

            // With the journal: finished images are not even read from the source again.
            long sourceGetsBefore = source.countRequests("GET", "/manifests/");
            MirrorReport journaled = service(4, TransferListener.NONE).mirrorToRegistry(imageSet(), "docker://" + dest.host() + "/mirror",
                    tmp.resolve("results-m2m-3"), MirrorJournal.open(journalFile));
            assertThat(journaled.ok()).isTrue();
            assertThat(journaled.stats().bytesTransferred()).isZero();
            assertThat(source.countRequests("GET", "/manifests/")).isEqualTo(sourceGetsBefore);
        }
    }

    @Test
    void anInterruptedMirrorResumesWithoutRedoingFinishedWork() throws Exception {
        try (LocalRegistry dest = LocalRegistry.builder(tmp).start()) {
            Path journalFile = tmp.resolve("resume-journal.jsonl");
            AtomicBoolean stopped = new AtomicBoolean();
            MirrorService[] holder = new MirrorService[1];
            holder[0] = service(2, new TransferListener() {
                @Override
                public void imageFinished(ImageResult result) {
                    if (result.ok() && stopped.compareAndSet(false, true)) {
                        holder[0].cancel();
                    }
                }
            });
            MirrorReport first = holder[0].mirrorToRegistry(imageSet(), "docker://" + dest.host(), tmp.resolve("r1"),
                    MirrorJournal.open(journalFile));
            assertThat(first.ok()).isFalse();
            long finished = first.images().stream().filter(ImageResult::ok).count();
            assertThat(finished).isBetween(1L, (long) EXPECTED.size() - 1);
            assertThat(first.images()).anyMatch(r -> !r.ok() && r.error().contains("run it again to resume"));
            assertThat(Files.readAllLines(journalFile)).hasSize((int) finished);

            MirrorReport second = service(2, TransferListener.NONE).mirrorToRegistry(imageSet(), "docker://" + dest.host(),
                    tmp.resolve("r2"), MirrorJournal.open(journalFile));
            assertThat(second.images()).allSatisfy(r -> assertThat(r.ok()).as(r.error()).isTrue());
            assertThat(second.images().stream().filter(r -> r.status() == ImageResult.Status.ALREADY_PRESENT).count())
                    .isGreaterThanOrEqualTo(finished);
            for (Map.Entry<String, String> e : EXPECTED.entrySet()) {
                ImageReference src = ImageReference.parseRegistry(e.getKey());
                String tag = src.tag() != null ? src.tag() : DestinationNamer.fnv32a(e.getKey());
                assertThat(Skopeo.rawDigest("docker://" + dest.host() + "/" + src.repository() + ":" + tag)).isEqualTo(e.getValue());
            }
            // No blob crossed the wire twice over both runs.
            Map<String, Integer> perDigest = new HashMap<>();
            for (String line : dest.logLines()) {
                int i = line.indexOf("digest=sha256%3A");
                if (line.contains("\"PUT ") && i > 0) {
                    perDigest.merge(line.substring(i, i + 16 + 64), 1, Integer::sum);
                }
            }
            // Blobs that the first run completed in another repository are mounted from there, not sent again.
            assertThat(perDigest).isNotEmpty().allSatisfy((digest, count) -> assertThat(count).as(digest).isEqualTo(1));
        }
    }

    @Test
    void archiveRoundTripWithSplitVolumesAndChecksums() throws Exception {
        Path archive = tmp.resolve("archive");
        long volumeSize = 256 * 1024;
        int jobs = 4;
        MirrorService toDisk = new MirrorService(RegistryAccess.anonymous(), new MirrorOptions(jobs, false, false, volumeSize),
                TransferListener.NONE);
        java.util.concurrent.atomic.AtomicLong peakStaging = new java.util.concurrent.atomic.AtomicLong();
        toDisk.stagingProbe(dir -> peakStaging.accumulateAndGet(sizeOf(dir.resolve("blobs/sha256")), Math::max));
        MirrorReport written = toDisk.mirrorToArchive(imageSet(), archive, tmp.resolve("results-m2d"));
        assertThat(written.images()).allSatisfy(r -> assertThat(r.ok()).as(r.error()).isTrue());
        // Blobs are packed as they arrive: staging never holds more than the blobs in flight (at most jobs of
        // the largest, base1) next to the small manifests, far less than the whole set the archive holds.
        long archived = sizeOf(archive);
        assertThat(peakStaging.get()).isPositive().isLessThan(volumeSize + (long) jobs * base1.gzip().length).isLessThan(archived);
        List<String> sums = Files.readAllLines(archive.resolve("SHA256SUMS"));
        assertThat(sums.stream().filter(l -> l.contains("images.tar.0")).count()).isGreaterThan(2);
        assertThat(sums).anyMatch(l -> l.endsWith("  metadata.json"));
        assertThat(archive.resolve(MirrorService.STAGING)).doesNotExist();
        Process check = new ProcessBuilder("sha256sum", "--check", "--quiet", "SHA256SUMS").directory(archive.toFile())
                .redirectErrorStream(true).start();
        assertThat(check.waitFor()).as(new String(check.getInputStream().readAllBytes())).isZero();
        ArchiveMetadata metadata = ArchiveMetadata.parse(Files.readAllBytes(archive.resolve("metadata.json")), "metadata");
        assertThat(metadata.images()).extracting(ArchiveMetadata.Image::digest).containsExactlyElementsOf(EXPECTED.values());

        // The layout inside is an OCI layout skopeo reads with the same digests.
        Path unpacked = tmp.resolve("unpacked");
        MirrorArchive.unpack(archive, unpacked);
        ArchiveMetadata.Image oci = metadata.images().get(0);
        assertThat(Skopeo.rawDigest("oci:" + unpacked + ":" + oci.refName())).isEqualTo(oci.digest());

        try (LocalRegistry airGapped = LocalRegistry.builder(tmp).start()) {
            Path results = tmp.resolve("results-d2m");
            MirrorReport pushed = service(4, TransferListener.NONE).archiveToRegistry(archive, "docker://" + airGapped.host() + "/ocp",
                    results, MirrorJournal.none());
            assertThat(pushed.images()).allSatisfy(r -> assertThat(r.ok()).as(r.error()).isTrue());
            for (Map.Entry<String, String> e : EXPECTED.entrySet()) {
                ImageReference src = ImageReference.parseRegistry(e.getKey());
                String tag = src.tag() != null ? src.tag() : DestinationNamer.fnv32a(e.getKey());
                assertThat(Skopeo.rawDigest("docker://" + airGapped.host() + "/ocp/" + src.repository() + ":" + tag)).isEqualTo(e.getValue());
            }
            assertThat(Files.readAllLines(results.resolve("mapping.txt"))).hasSize(EXPECTED.size())
                    .allMatch(l -> l.startsWith(source.host() + "/") && l.contains("=" + airGapped.host() + "/ocp/"));
        }
    }

    @Test
    void anInterruptedMirrorToArchiveResumesWithoutFetchingWhatIsAlreadyPacked() throws Exception {
        Path archive = tmp.resolve("archive-resume");
        long volumeSize = 64 * 1024;
        java.util.Set<String> copiedFirst = java.util.concurrent.ConcurrentHashMap.newKeySet();
        MirrorService[] holder = new MirrorService[1];
        holder[0] = new MirrorService(RegistryAccess.anonymous(), new MirrorOptions(2, false, false, volumeSize), new TransferListener() {
            @Override
            public void blobFinished(String digest, io.mtcassistant.mirror.engine.BlobOutcome outcome, long size) {
                copiedFirst.add(digest);
                if (copiedFirst.size() == 4) {
                    holder[0].cancel();
                }
            }
        });
        MirrorReport first = holder[0].mirrorToArchive(imageSet(), archive, null);
        assertThat(first.ok()).isFalse();
        assertThat(archive.resolve("SHA256SUMS")).as("no archive from an unfinished run").doesNotExist();
        assertThat(archive.resolve(io.mtcassistant.mirror.archive.StreamingArchive.JOURNAL)).isRegularFile();
        // Packed blobs left staging; closed volumes are in the archive folder already.
        assertThat(copiedFirst).anySatisfy(d -> assertThat(new OciLayout(archive.resolve(MirrorService.STAGING)).hasBlob(d)).isFalse());
        // As if the process died while appending: half an entry after the last journaled one.
        Path partial;
        try (Stream<Path> s = Files.list(archive)) {
            partial = s.filter(p -> p.getFileName().toString().endsWith(".partial")).findFirst().orElse(null);
        }
        if (partial != null) {
            Files.write(partial, new byte[3000], java.nio.file.StandardOpenOption.APPEND);
        }

        java.util.Set<String> copiedAgain = java.util.concurrent.ConcurrentHashMap.newKeySet();
        MirrorReport second = new MirrorService(RegistryAccess.anonymous(), new MirrorOptions(2, false, false, volumeSize),
                new TransferListener() {
                    @Override
                    public void blobFinished(String digest, io.mtcassistant.mirror.engine.BlobOutcome outcome, long size) {
                        if (outcome == io.mtcassistant.mirror.engine.BlobOutcome.COPIED) {
                            copiedAgain.add(digest);
                        }
                    }
                }).mirrorToArchive(imageSet(), archive, null);
        assertThat(second.images()).allSatisfy(r -> assertThat(r.ok()).as(r.error()).isTrue());
        assertThat(copiedAgain).as("blobs packed by the first run are not fetched again").doesNotContainAnyElementsOf(copiedFirst);
        assertThat(archive.resolve("SHA256SUMS")).exists();
        assertThat(archive.resolve(MirrorService.STAGING)).doesNotExist();
        assertThat(MirrorArchive.verify(archive)).hasSizeGreaterThan(2);
        // Every image in the archive is complete: it copies out of the unpacked layout with all blobs verified.
        Path unpacked = tmp.resolve("unpacked-resume");
        ArchiveMetadata metadata = MirrorArchive.unpack(archive, unpacked);
        assertThat(metadata.images()).extracting(ArchiveMetadata.Image::digest).containsExactlyElementsOf(EXPECTED.values());
        for (ArchiveMetadata.Image image : metadata.images()) {
            ImageResult out = new ImageCopy(RegistryAccess.anonymous()).copy(ImageReference.parse("oci:" + unpacked + ":" + image.refName()),
                    ImageReference.parse("oci:" + tmp.resolve("check-resume") + ":x"), true, true, true, 2, TransferListener.NONE);
            assertThat(out.ok()).as(out.error()).isTrue();
            assertThat(out.digest()).isEqualTo(image.digest());
        }
    }

    static long sizeOf(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        } catch (IOException | java.io.UncheckedIOException e) {
            // a blob renamed or packed while walking: count what is there
            return 0;
        }
    }

    @Test
    void aTruncatedOrIncompleteArchiveIsRefusedBeforeAnythingIsPushed() throws Exception {
        Path archive = tmp.resolve("archive-small");
        MirrorService toDisk = new MirrorService(RegistryAccess.anonymous(), new MirrorOptions(4, false, false, 128 * 1024),
                TransferListener.NONE);
        assertThat(toDisk.mirrorToArchive(imageSet(), archive, null).ok()).isTrue();
        List<Path> volumes;
        try (Stream<Path> s = Files.list(archive)) {
            volumes = s.filter(p -> p.getFileName().toString().startsWith("images.tar.")).sorted().toList();
        }
        Path truncated = copyDir(archive, tmp.resolve("archive-truncated"));
        Path last = truncated.resolve(volumes.get(volumes.size() - 1).getFileName());
        byte[] bytes = Files.readAllBytes(last);
        Files.write(last, java.util.Arrays.copyOf(bytes, bytes.length - 700));
        assertThatThrownBy(() -> service(2, TransferListener.NONE).archiveToRegistry(truncated, "docker://127.0.0.1:1",
                null, MirrorJournal.none()))
                .isInstanceOf(MirrorException.class).hasMessageContaining("is truncated or corrupt")
                .matches(e -> ((MirrorException) e).isBadInput());

        Path missing = copyDir(archive, tmp.resolve("archive-missing"));
        Files.delete(missing.resolve(volumes.get(1).getFileName()));
        assertThatThrownBy(() -> MirrorArchive.verify(missing)).hasMessageContaining(volumes.get(1).getFileName() + " is missing");

        assertThatThrownBy(() -> MirrorArchive.verify(tmp.resolve("no-such-archive"))).hasMessageContaining("does not exist")
                .matches(e -> ((MirrorException) e).isBadInput());
    }

    static Path copyDir(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> s = Files.list(from)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Files.copy(p, to.resolve(p.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return to;
    }
}
