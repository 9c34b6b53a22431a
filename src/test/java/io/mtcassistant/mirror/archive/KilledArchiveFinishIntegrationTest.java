package io.mtcassistant.mirror.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mtcassistant.mirror.ImageReference;
import io.mtcassistant.mirror.Manifest;
import io.mtcassistant.mirror.MirrorException;
import io.mtcassistant.mirror.MirrorOptions;
import io.mtcassistant.mirror.MirrorReport;
import io.mtcassistant.mirror.MirrorService;
import io.mtcassistant.mirror.engine.ImageCopy;
import io.mtcassistant.mirror.engine.ImageResult;
import io.mtcassistant.mirror.engine.TransferListener;
import io.mtcassistant.mirror.journal.MirrorJournal;
import io.mtcassistant.mirror.layout.OciLayout;
import io.mtcassistant.mirror.outputs.ResultsWriter;
import io.mtcassistant.mirror.registry.RegistryAccess;
import io.mtcassistant.mirror.testsupport.ChildJvm;
import io.mtcassistant.mirror.testsupport.LocalRegistry;
import io.mtcassistant.mirror.testsupport.Skopeo;
import io.mtcassistant.mirror.testsupport.TestImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * kill -9 of {@code mirror --to-archive} in the archive's final step (manifests going into the tar, the last volume
 * closed, SHA256SUMS written), then the same command again: the rerun completes the archive from what the killed run
 * packed (no blob fetched again, also once SHA256SUMS exists), and the archive pushes with the source's digests. What the killed run left is never taken for a complete archive.
 */
class KilledArchiveFinishIntegrationTest {

    @TempDir
    static Path tmp;
    static LocalRegistry source;
    static Path imageSet;
    /** source image (host/repo:tag) -> its digest. */
    static final Map<String, String> EXPECTED = new LinkedHashMap<>();

    @BeforeAll
    static void populateSource() throws Exception {
        LocalRegistry.assumeInstalled();
        source = LocalRegistry.builder(tmp).start();
        TestImages images = new TestImages(new OciLayout(tmp.resolve("images")), 23);
        List<TestImages.Layer> shared = List.of(images.randomLayer(700_000));
        StringBuilder yaml = new StringBuilder("kind: ImageSetConfiguration\napiVersion: mirror.openshift.io/v2alpha1\n"
                + "mirror:\n  additionalImages:\n");
        // Indexes give the finish step several manifests to pack, children and parents.
        Map<String, TestImages.Kind> specs = Map.of("rhmtc/controller", TestImages.Kind.OCI_INDEX, "oadp/velero", TestImages.Kind.DOCKER_LIST,
                "rhmtc/ui", TestImages.Kind.OCI_INDEX, "ubi9/ubi", TestImages.Kind.OCI_MANIFEST);
        for (Map.Entry<String, TestImages.Kind> s : specs.entrySet()) {
            Manifest m = images.write(s.getKey(), s.getValue(), 300_000, shared);
            ImageResult r = new ImageCopy(RegistryAccess.anonymous()).copy(ImageReference.parse("oci:" + images.layout().dir() + ":" + s.getKey()),
                    ImageReference.parse(source.ref(s.getKey() + ":v1")), true, false, false, 4, TransferListener.NONE);
            assertThat(r.ok()).as(r.error()).isTrue();
            EXPECTED.put(source.host() + "/" + s.getKey() + ":v1", m.digest());
            yaml.append("  - name: ").append(source.host()).append('/').append(s.getKey()).append(":v1\n");
        }
        imageSet = Files.writeString(tmp.resolve("isc.yaml"), yaml);
    }

    @AfterAll
    static void stop() {
        if (source != null) {
            source.close();
        }
    }

    @ParameterizedTest
    @EnumSource(StreamingArchive.FinishStep.class)
    void aRunKilledInTheFinalStepIsCompletedByTheRerunWithIdenticalDigests(StreamingArchive.FinishStep step) throws Exception {
        Path work = Files.createDirectories(tmp.resolve(step.name()));
        Path archive = work.resolve("archive");
        Path marker = work.resolve("halted");
        String[] args = {"mirror", "--image-set", imageSet.toString(), "--to-archive", archive.toString(), "--volume-size", "1M",
                "--src-tls-verify=false", "--results", work.resolve("results").toString()};
        String[] halting = new String[args.length + 2];
        halting[0] = step.name();
        halting[1] = marker.toString();
        System.arraycopy(args, 0, halting, 2, args.length);

        Process first = ChildJvm.startMain(work.resolve("first.log"), Map.of(), List.of(), HaltAtFinishStep.class.getName(), halting);
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (!Files.exists(marker) && first.isAlive() && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        assertThat(marker).as(Files.readString(work.resolve("first.log"))).exists();
        first.destroyForcibly(); // SIGKILL in the middle of the final step
        assertThat(first.waitFor(60, TimeUnit.SECONDS)).isTrue();

        if (step == StreamingArchive.FinishStep.SUMS_WRITTEN) {
            // SHA256SUMS is written last and atomically: once it is there, the archive is whole.
            assertThat(MirrorArchive.verify(archive)).hasSizeGreaterThan(2);
        } else {
            assertThatThrownBy(() -> MirrorArchive.verify(archive)).isInstanceOf(MirrorException.class)
                    .hasMessageContaining("is incomplete: SHA256SUMS is missing");
            assertThatThrownBy(() -> new MirrorService(RegistryAccess.anonymous(), MirrorOptions.defaults(), TransferListener.NONE)
                    .archiveToRegistry(archive, "docker://127.0.0.1:1/ocp", null, MirrorJournal.none()))
                    .isInstanceOf(MirrorException.class).hasMessageContaining("SHA256SUMS is missing");
        }

        Process second = ChildJvm.start(work.resolve("second.log"), Map.of(), List.of(), args);
        assertThat(second.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(second.exitValue()).as(Files.readString(work.resolve("second.log"))).isZero();
        // Every blob was packed before the kill: the rerun continues that archive instead of starting it afresh.
        JsonNode totals = new ObjectMapper().readTree(work.resolve("results").resolve(ResultsWriter.SUMMARY).toFile()).path("totals");
        assertThat(totals.path("blobsCopied").asLong()).as(totals.toString()).isZero();
        assertThat(archive.resolve(StreamingArchive.JOURNAL)).doesNotExist();
        assertThat(archive.resolve(MirrorService.STAGING)).doesNotExist();
        List<Path> volumes = MirrorArchive.verify(archive);
        assertThat(volumes).hasSizeGreaterThan(2);
        Process check = new ProcessBuilder("sha256sum", "--check", "--quiet", "SHA256SUMS").directory(archive.toFile())
                .redirectErrorStream(true).start();
        assertThat(check.waitFor()).as(new String(check.getInputStream().readAllBytes())).isZero();

        try (LocalRegistry airGapped = LocalRegistry.builder(work).start()) {
            MirrorReport pushed = new MirrorService(RegistryAccess.anonymous(), new MirrorOptions(4, false, false, 0), TransferListener.NONE)
                    .archiveToRegistry(archive, "docker://" + airGapped.host() + "/ocp", null, MirrorJournal.none());
            assertThat(pushed.images()).allSatisfy(r -> assertThat(r.ok()).as(r.error()).isTrue());
            for (Map.Entry<String, String> e : EXPECTED.entrySet()) {
                String repoAndTag = e.getKey().substring(source.host().length() + 1);
                assertThat(Skopeo.rawDigest("docker://" + airGapped.host() + "/ocp/" + repoAndTag))
                        .as(repoAndTag).isEqualTo(e.getValue());
                // Every platform of an index is there too, not only the index.
                Skopeo.ok("copy", "--all", "--src-tls-verify=false", "docker://" + airGapped.host() + "/ocp/" + repoAndTag,
                        "oci:" + work.resolve("check") + ":" + repoAndTag.replace('/', '-').replace(':', '-'));
            }
        }
    }
}
