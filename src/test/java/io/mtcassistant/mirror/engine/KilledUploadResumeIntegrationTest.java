package io.mtcassistant.mirror.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtcassistant.mirror.ImageReference;
import io.mtcassistant.mirror.Manifest;
import io.mtcassistant.mirror.layout.OciLayout;
import io.mtcassistant.mirror.registry.RegistryAccess;
import io.mtcassistant.mirror.testsupport.ChildJvm;
import io.mtcassistant.mirror.testsupport.FaultProxy;
import io.mtcassistant.mirror.testsupport.FaultProxy.Fault;
import io.mtcassistant.mirror.testsupport.LocalRegistry;
import io.mtcassistant.mirror.testsupport.Skopeo;
import io.mtcassistant.mirror.testsupport.TestImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of a mirror run 60% into a large blob's chunked upload, then the same command again: it
 * asks the registry how much it has and sends only the rest. Bytes are counted where they reach
 * the registry (the proxy in front of it forwards them).
 */
class KilledUploadResumeIntegrationTest {

    private static final int CHUNK = 1 << 20;
    private static final int BLOB = 16 << 20;

    @TempDir
    Path tmp;

    @Test
    void theRerunSendsOnlyWhatTheRegistryDoesNotHave() throws Exception {
        LocalRegistry.assumeInstalled();
        try (LocalRegistry source = LocalRegistry.builder(tmp).start();
             LocalRegistry destination = LocalRegistry.builder(tmp).start();
             FaultProxy proxy = new FaultProxy(destination.host())) {
            TestImages images = new TestImages(new OciLayout(tmp.resolve("images")), 33);
            Manifest image = images.write("big", TestImages.Kind.OCI_MANIFEST, BLOB);
            long blobSize = image.blobs().stream().mapToLong(b -> b.size()).max().orElseThrow();
            ImageResult seeded = new ImageCopy(RegistryAccess.anonymous()).copy(ImageReference.parse("oci:" + images.layout().dir() + ":big"),
                    ImageReference.parse(source.ref("team/big:v1")), true, true, false, 2, TransferListener.NONE);
            assertThat(seeded.ok()).as(seeded.error()).isTrue();
            Path isc = Files.writeString(tmp.resolve("isc.yaml"), "kind: ImageSetConfiguration\napiVersion: mirror.openshift.io/v2alpha1\n"
                    + "mirror:\n  additionalImages:\n  - name: " + source.host() + "/team/big:v1\n");
            int chunksBeforeKill = (int) Math.ceil(blobSize * 0.6 / CHUNK);
            proxy.add(Fault.holdRequest("PATCH", "/blobs/uploads/", 1).afterMatches(chunksBeforeKill));
            List<String> jvm = List.of("-Dmtc.transfer.chunk-size=" + CHUNK, "-Dmtc.transfer.chunk-threshold=" + 2 * CHUNK);
            String[] args = {"mirror", "--image-set", isc.toString(), "--to", "docker://" + proxy.host() + "/mirror",
                    "--src-tls-verify=false", "--dest-tls-verify=false", "--journal", tmp.resolve("journal.jsonl").toString(),
                    "--results", tmp.resolve("results").toString()};

            Process first = ChildJvm.start(tmp.resolve("first.log"), Map.of(), jvm, args);
            Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
            while (proxy.hits().stream().noneMatch(h -> h.outcome().equals("held request")) && Instant.now().isBefore(deadline)
                    && first.isAlive()) {
                Thread.sleep(100);
            }
            assertThat(proxy.hits()).as(Files.readString(tmp.resolve("first.log"))).anyMatch(h -> h.outcome().equals("held request"));
            first.destroyForcibly(); // SIGKILL: no shutdown hook, no goodbye to the registry
            first.waitFor(30, TimeUnit.SECONDS);
            long sentBeforeKill = proxy.forwardedBodyBytes("PATCH");
            proxy.clear();

            Process second = ChildJvm.start(tmp.resolve("second.log"), Map.of(), jvm, args);
            assertThat(second.waitFor(5, TimeUnit.MINUTES)).isTrue();
            assertThat(second.exitValue()).as(Files.readString(tmp.resolve("second.log"))).isZero();
            long resent = proxy.forwardedBodyBytes("PATCH") + proxy.forwardedBodyBytes("PUT");

            assertThat(Skopeo.rawDigest(destination.ref("mirror/team/big:v1"))).isEqualTo(image.digest());
            String line = String.format("resume after kill -9 at %.0f%% of a %d-byte blob (chunk %d): %d bytes had reached the registry,"
                    + " the rerun sent %d bytes (%.1f%% of the blob; goal <= 40%% + one chunk = %d)%n", 100.0 * sentBeforeKill / blobSize,
                    blobSize, CHUNK, sentBeforeKill, resent, 100.0 * resent / blobSize, (long) (blobSize * 0.4) + CHUNK);
            System.out.print(line);
            Path measurements = Files.createDirectories(Path.of("target", "measurements"));
            Files.writeString(measurements.resolve("resume-after-kill.txt"), line);
            assertThat(sentBeforeKill).isGreaterThanOrEqualTo((long) (blobSize * 0.55));
            assertThat(resent).isLessThanOrEqualTo((long) (blobSize * 0.4) + CHUNK + 200_000);
        }
    }
}
