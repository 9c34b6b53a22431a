package io.mtcassistant.sim.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.mtcassistant.mirror.Manifest;
import io.mtcassistant.mirror.catalog.demo.DemoCatalog;
import io.mtcassistant.mirror.engine.ImageResult;
import io.mtcassistant.mirror.engine.TransferListener;
import io.mtcassistant.mirror.registry.CredentialStore;
import io.mtcassistant.mirror.registry.ProxySettings;
import io.mtcassistant.mirror.registry.RegistryAccess;
import io.mtcassistant.mirror.registry.RegistryClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The writable simulated mirror registry, written to by our transfer engine and by Debian's skopeo. */
class SimulatedMirrorRegistryTest {

    @TempDir
    static Path dir;
    static SimulatedMirrorRegistry registry;
    static DemoCatalog.Contents contents;
    static List<ImageResult> pushed;
    static RegistryAccess access;

    @BeforeAll
    static void pushDemoContent() {
        registry = SimulatedMirrorRegistry.start(dir.resolve("ca.pem"));
        contents = DemoCatalog.write(dir.resolve("layout"), DemoCatalog.DEFAULT_HOST);
        access = new RegistryAccess(CredentialStore.empty(), ProxySettings.none(),
                Map.of(registry.endpoint(), List.of(registry.caFile())));
        pushed = DemoCatalog.push(contents, access, registry.endpoint(), true, TransferListener.NONE);
    }

    @AfterAll
    static void stop() {
        if (registry != null) {
            registry.close();
        }
    }

    @Test
    void ourEngineMirrorsEveryDemoImageWithItsDigest() {
        assertThat(pushed).hasSameSizeAs(contents.references()).allSatisfy(r -> assertThat(r.ok()).isTrue());
        RegistryClient client = access.client(registry.endpoint(), registry.endpoint(), false);
        Manifest index = client.getManifest(DemoCatalog.INDEX_REPOSITORY, DemoCatalog.INDEX_TAG, null);
        assertThat(client.headManifest(DemoCatalog.INDEX_REPOSITORY, index.digest())).contains(index.digest());
        for (var blob : index.blobs()) {
            assertThat(client.headBlob(DemoCatalog.INDEX_REPOSITORY, blob.digest()).isPresent()).isTrue();
        }
        assertThat(registry.tags()).contains(DemoCatalog.INDEX_REPOSITORY + ":" + DemoCatalog.INDEX_TAG,
                DemoCatalog.LEGACY_REPOSITORY + ":v1.7");
    }

    @Test
    void aMissingManifestIsMissing() {
        RegistryClient client = access.client(registry.endpoint(), registry.endpoint(), false);
        assertThat(client.headManifest("rhmtc/nothing", "v1")).isEmpty();
        assertThat(client.headManifest(DemoCatalog.LEGACY_REPOSITORY, "sha256:" + "0".repeat(64))).isEmpty();
    }

    @Test
    void skopeoCopiesIntoItAndReadsBack() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/skopeo")), "Debian's skopeo is not installed");
        Path certs = Files.createDirectories(dir.resolve("certs"));
        Files.copy(registry.caFile(), certs.resolve("ca.crt"));
        String source = "docker://" + registry.endpoint() + "/" + DemoCatalog.LEGACY_REPOSITORY + ":v1.7";
        String target = "docker://" + registry.endpoint() + "/copied/legacy-operator:v1.7";
        run("skopeo", "copy", "--all", "--preserve-digests", "--src-cert-dir", certs.toString(), "--dest-cert-dir",
                certs.toString(), source, target);
        String inspected = run("skopeo", "inspect", "--raw", "--cert-dir", certs.toString(), target);
        RegistryClient client = access.client(registry.endpoint(), registry.endpoint(), false);
        Manifest original = client.getManifest(DemoCatalog.LEGACY_REPOSITORY, "v1.7", null);
        assertThat(client.headManifest("copied/legacy-operator", "v1.7")).contains(original.digest());
        assertThat(inspected).contains("schemaVersion");
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }
}
