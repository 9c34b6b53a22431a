package io.mtcassistant.mirror.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtcassistant.mirror.Descriptor;
import io.mtcassistant.mirror.ImageReference;
import io.mtcassistant.mirror.Manifest;
import io.mtcassistant.mirror.layout.OciLayout;
import io.mtcassistant.mirror.registry.CredentialStore;
import io.mtcassistant.mirror.registry.ProxySettings;
import io.mtcassistant.mirror.registry.RegistryAccess;
import io.mtcassistant.mirror.registry.TransportSettings;
import io.mtcassistant.mirror.testsupport.FaultProxy;
import io.mtcassistant.mirror.testsupport.FaultProxy.Fault;
import io.mtcassistant.mirror.testsupport.LocalRegistry;
import io.mtcassistant.mirror.testsupport.Skopeo;
import io.mtcassistant.mirror.testsupport.TestImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Mirror registry to registry through a fault-injecting proxy on each side of real
 * docker-registry instances: every fault the engine must survive ends with the source's digests
 * at the destination; a fault that does not go away ends in a clear failure and no tag.
 */
class FaultInjectionIntegrationTest {

    private static final TransportSettings FAST = TransportSettings.defaults()
            .withAttempts(4)
            .withDelays(Duration.ofMillis(50), Duration.ofSeconds(2))
            .withReadTimeout(Duration.ofSeconds(3))
            .withChunks(256 * 1024, 512 * 1024);

    private static Path tmp;
    private static LocalRegistry source;
    private static LocalRegistry destination;
    private static FaultProxy sourceProxy;
    private static FaultProxy destinationProxy;
    private static Manifest image;
    private static Descriptor bigLayer;
    private static Descriptor smallLayer;
    private static int run;

    @BeforeAll
    static void start() throws Exception {
        LocalRegistry.assumeInstalled();
        tmp = Files.createTempDirectory("faults");
        source = LocalRegistry.builder(tmp).start();
        destination = LocalRegistry.builder(tmp).start();
        sourceProxy = new FaultProxy(source.host());
        destinationProxy = new FaultProxy(destination.host());
        TestImages images = new TestImages(new OciLayout(tmp.resolve("images")), 15);
        TestImages.Layer big = images.randomLayer(3 << 20);
        image = images.write("app", TestImages.Kind.OCI_MANIFEST, 100_000, List.of(big));
        bigLayer = image.blobs().stream().filter(b -> b.digest().equals(big.digest())).findFirst().orElseThrow();
        smallLayer = image.blobs().stream().filter(b -> b.size() > 50_000 && !b.digest().equals(big.digest())).findFirst().orElseThrow();
        ImageResult seeded = new ImageCopy(RegistryAccess.anonymous()).copy(ImageReference.parse("oci:" + images.layout().dir() + ":app"),
                ImageReference.parse(source.ref("team/app:v1")), true, true, false, 2, TransferListener.NONE);
        assertThat(seeded.ok()).as(seeded.error()).isTrue();
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable c : new AutoCloseable[] {sourceProxy, destinationProxy, source, destination}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                // best effort
            }
        }
    }

    @BeforeEach
    void resetFaults() {
        sourceProxy.clear();
        destinationProxy.clear();
    }

    /** Copies through both proxies into a fresh destination repository; returns the result and that repository. */
    private static Copy copyThroughProxies() {
        String repo = "case" + (++run) + "/app";
        RegistryAccess access = new RegistryAccess(CredentialStore.empty(), ProxySettings.none(), Map.of(), Map.of(), FAST);
        ImageResult r = new ImageCopy(access).copy(ImageReference.parse("docker://" + sourceProxy.host() + "/team/app:v1"),
                ImageReference.parse("docker://" + destinationProxy.host() + "/" + repo + ":v1"), true, false, false, 2,
                TransferListener.NONE);
        return new Copy(r, repo);
    }

    private record Copy(ImageResult result, String repo) {
    }

    private static void assertIdenticalAtDestination(Copy c) throws Exception {
        assertThat(c.result().ok()).as(c.result().error()).isTrue();
        assertThat(Skopeo.rawDigest(destination.ref(c.repo() + ":v1"))).isEqualTo(image.digest());
        for (Descriptor b : image.blobs()) {
            assertThat(destination.hasBlobStored(b.digest())).as(b.digest()).isTrue();
        }
        // The registry re-hashes what it stored; skopeo reading it back verifies every blob against the manifest.
        Skopeo.ok("copy", "--src-tls-verify=false", destination.ref(c.repo() + ":v1"), "oci:" + tmp.resolve("check-" + run) + ":x");
    }

    @Test
    void aConnectionDroppedMidBlobIsResumedWithRange() throws Exception {
        sourceProxy.add(Fault.dropResponse("GET", "/blobs/" + bigLayer.digest(), 1, 1_000_000));
        Copy c = copyThroughProxies();
        assertIdenticalAtDestination(c);
        assertThat(sourceProxy.hits()).anyMatch(h -> h.outcome().startsWith("DROP_RESPONSE"));
        assertThat(source.logLines()).anyMatch(l -> l.contains("/blobs/" + bigLayer.digest()) && l.contains("\" 206 "));
    }

    @Test
    void serverErrorsAreRetried() throws Exception {
        sourceProxy.add(Fault.status("GET", "/manifests/v1", 1, 500, Map.of()));
        sourceProxy.add(Fault.status("GET", "/blobs/" + smallLayer.digest(), 1, 502, Map.of()));
        destinationProxy.add(Fault.status("POST", "/blobs/uploads/", 1, 503, Map.of()));
        destinationProxy.add(Fault.status("PATCH", "/blobs/uploads/", 1, 503, Map.of()).afterMatches(2));
        Copy c = copyThroughProxies();
        assertIdenticalAtDestination(c);
        assertThat(sourceProxy.hits()).anyMatch(h -> h.outcome().equals("fault 500")).anyMatch(h -> h.outcome().equals("fault 502"));
        assertThat(destinationProxy.hits()).filteredOn(h -> h.outcome().equals("fault 503")).hasSize(2);
    }

    @Test
    void retryAfterIsHonoured() throws Exception {
        destinationProxy.add(Fault.status("HEAD", "/manifests/v1", 1, 429, Map.of("Retry-After", "2")));
        Copy c = copyThroughProxies();
        assertIdenticalAtDestination(c);
        List<FaultProxy.Hit> heads = destinationProxy.hits().stream().filter(h -> h.method().equals("HEAD") && h.path().endsWith("/manifests/v1"))
                .toList();
        assertThat(heads.get(0).outcome()).isEqualTo("fault 429");
        // A lower bound only: the retry came no earlier than the registry asked.
        assertThat(Duration.between(heads.get(0).at(), heads.get(1).at())).isGreaterThanOrEqualTo(Duration.ofMillis(1900));
    }

    @Test
    void aStalledConnectionIsDetectedAndTheBlobContinued() throws Exception {
        sourceProxy.add(Fault.stallResponse("GET", "/blobs/" + bigLayer.digest(), 1, 700_000));
        Copy c = copyThroughProxies();
        assertIdenticalAtDestination(c);
        assertThat(sourceProxy.hits()).anyMatch(h -> h.outcome().startsWith("STALL_RESPONSE"));
        assertThat(source.logLines()).anyMatch(l -> l.contains("/blobs/" + bigLayer.digest()) && l.contains("\" 206 "));
    }

    @Test
    void aTruncatedBodyIsCaughtAndFetchedAgain() throws Exception {
        sourceProxy.add(Fault.truncateResponse("GET", "/blobs/" + smallLayer.digest(), 1, 30_000));
        sourceProxy.add(Fault.truncateResponse("GET", "/blobs/" + bigLayer.digest(), 1, 600_000));
        Copy c = copyThroughProxies();
        assertIdenticalAtDestination(c);
        assertThat(sourceProxy.hits()).filteredOn(h -> h.outcome().startsWith("TRUNCATE_RESPONSE")).hasSize(2);
    }

    @Test
    void aBlobThatStaysBrokenFailsTheImageClearlyAndNothingIsTagged() throws Exception {
        sourceProxy.add(Fault.truncateResponse("GET", "/blobs/" + smallLayer.digest(), 100, 30_000));
        Copy c = copyThroughProxies();
        assertThat(c.result().ok()).isFalse();
        assertThat(c.result().source()).contains("team/app:v1");
        assertThat(c.result().error()).contains(smallLayer.digest()).contains("truncated");
        assertThat(destinationProxy.hits()).noneMatch(h -> h.method().equals("PUT") && h.path().contains("/manifests/"));
        assertThat(Skopeo.run("inspect", "--raw", "--tls-verify=false", destination.ref(c.repo() + ":v1")).exitCode()).isNotZero();
    }

    @Test
    void aChunkLostBeforeTheRegistryIsSentAgainFromTheRegistrysCount() throws Exception {
        destinationProxy.add(Fault.dropRequest("PATCH", "/blobs/uploads/", 1, 100_000).afterMatches(4));
        Copy c = copyThroughProxies();
        assertIdenticalAtDestination(c);
        assertThat(destinationProxy.hits()).anyMatch(h -> h.outcome().startsWith("dropped request"));
        // The status query told where to continue: one upload session, the rest sent once.
        assertThat(destination.logLines()).anyMatch(l -> l.contains("\"GET /v2/" + c.repo() + "/blobs/uploads/") && l.contains("\" 204 "));
        assertThat(destinationProxy.forwardedBodyBytes("PATCH")).isLessThan(bigLayer.size() + 300_000);
    }

    @Test
    void aChunkCutPartWayThroughStartsTheUploadAgainWhenTheRegistryDroppedIt() throws Exception {
        destinationProxy.add(Fault.cutRequest("PATCH", "/blobs/uploads/", 1, 100_000).afterMatches(4));
        Copy c = copyThroughProxies();
        assertIdenticalAtDestination(c);
        assertThat(destinationProxy.hits()).anyMatch(h -> h.outcome().startsWith("cut request"));
    }

    @Test
    void aRegistryThatRefusesChunksGetsTheBlobInOnePut() throws Exception {
        destinationProxy.add(Fault.status("PATCH", "/blobs/uploads/", 1000, 405, Map.of()));
        Copy c = copyThroughProxies();
        assertIdenticalAtDestination(c);
        assertThat(destinationProxy.hits()).anyMatch(h -> h.method().equals("PUT") && h.path().contains("/blobs/uploads/")
                && h.outcome().equals("201"));
    }
}
