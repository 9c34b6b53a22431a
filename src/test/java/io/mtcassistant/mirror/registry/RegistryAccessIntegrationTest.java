package io.mtcassistant.mirror.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtcassistant.mirror.ImageReference;
import io.mtcassistant.mirror.Manifest;
import io.mtcassistant.mirror.engine.ImageCopy;
import io.mtcassistant.mirror.engine.ImageResult;
import io.mtcassistant.mirror.engine.TransferListener;
import io.mtcassistant.mirror.layout.OciLayout;
import io.mtcassistant.mirror.testsupport.LocalRegistry;
import io.mtcassistant.mirror.testsupport.Skopeo;
import io.mtcassistant.mirror.testsupport.TestImages;
import io.mtcassistant.mirror.testsupport.TokenServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Basic auth, bearer tokens and TLS against a real registry, as users have them. */
class RegistryAccessIntegrationTest {

    @TempDir
    static Path tmp;
    static TestImages images;
    static Manifest index;

    @BeforeAll
    static void images() {
        LocalRegistry.assumeInstalled();
        images = new TestImages(new OciLayout(tmp.resolve("layout")), 3);
        index = images.write("multi", TestImages.Kind.OCI_INDEX, 2048);
    }

    private static Path authFile(String host, String user, String password) throws Exception {
        Path file = Files.createTempFile(tmp, "auth", ".json");
        String auth = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        Files.writeString(file, "{\"auths\":{\"" + host + "\":{\"auth\":\"" + auth + "\"}}}");
        return file;
    }

    private static ImageResult push(RegistryAccess access, String dest, boolean tlsVerify) {
        return new ImageCopy(access).copy(ImageReference.parse("oci:" + images.layout().dir() + ":multi"),
                ImageReference.parse(dest), true, true, tlsVerify, 4, TransferListener.NONE);
    }

    private static RegistryAccess access(Path authFile) {
        return new RegistryAccess(CredentialStore.load(authFile, Map.of(), tmp), ProxySettings.none(), Map.of());
    }

    @Test
    void basicAuthWithCredentialsFromAnAuthFile() throws Exception {
        try (LocalRegistry registry = LocalRegistry.builder(tmp).htpasswd("mirror", "s3cret").start()) {
            ImageResult ok = push(access(authFile(registry.host(), "mirror", "s3cret")), registry.ref("rhmtc/multi:v1"), false);
            assertThat(ok.ok()).as(ok.error()).isTrue();
            assertThat(Skopeo.rawDigest(registry.ref("rhmtc/multi:v1"), "--creds", "mirror:s3cret")).isEqualTo(index.digest());

            ImageResult anonymous = push(RegistryAccess.anonymous(), registry.ref("rhmtc/other:v1"), false);
            assertThat(anonymous.status()).isEqualTo(ImageResult.Status.FAILED);
            assertThat(anonymous.error()).startsWith("auth failed for registry " + registry.host()).contains("--authfile");

            ImageResult wrong = push(access(authFile(registry.host(), "mirror", "wrong")), registry.ref("rhmtc/other:v1"), false);
            assertThat(wrong.error()).contains("auth failed for registry " + registry.host()).contains("rejected");
        }
    }

    @Test
    void bearerTokensAreFetchedWithCredentialsAndCachedPerScope() throws Exception {
        try (TokenServer tokens = TokenServer.start(tmp, "robot", "t0ken-pass");
             LocalRegistry registry = LocalRegistry.builder(tmp).tokenAuth(tokens).start()) {
            RegistryAccess access = access(authFile(registry.host(), "robot", "t0ken-pass"));
            ImageResult first = push(access, registry.ref("ns/app:v1"), false);
            assertThat(first.ok()).as(first.error()).isTrue();
            // Many requests, few tokens: one per scope set (push on ns/app), not one per request.
            assertThat(tokens.tokensIssued()).isBetween(1, 3);
            assertThat(tokens.requestedScopes()).contains("repository:ns/app:pull,push");

            // Mirror within the registry: the mount asks for push on the target and pull on the source in one token.
            io.mtcassistant.mirror.engine.TransferStats stats = new io.mtcassistant.mirror.engine.TransferStats();
            ImageResult mirror = new ImageCopy(access).copy(ImageReference.parse(registry.ref("ns/app:v1")),
                    ImageReference.parse(registry.ref("copy/app:v1")), true, false, false, 2, stats);
            assertThat(mirror.ok()).as(mirror.error()).isTrue();
            assertThat(mirror.digest()).isEqualTo(index.digest());
            assertThat(stats.blobsMounted()).isPositive();
            assertThat(stats.bytesTransferred()).isZero();
            assertThat(tokens.requestedScopes()).contains("repository:ns/app:pull", "repository:copy/app:pull,push");

            ImageResult denied = push(access(authFile(registry.host(), "robot", "bad")), registry.ref("ns/app:v2"), false);
            assertThat(denied.error()).contains("auth failed for registry " + registry.host()).contains("token service");
        }
    }

    @Test
    void tlsIsVerifiedByDefaultAndTrustsAGivenCa() throws Exception {
        try (LocalRegistry registry = LocalRegistry.builder(tmp).tls().start()) {
            ImageResult untrusted = push(RegistryAccess.anonymous(), registry.ref("tls/app:v1"), true);
            assertThat(untrusted.status()).isEqualTo(ImageResult.Status.FAILED);
            assertThat(untrusted.error()).startsWith("TLS not trusted for registry " + registry.host()).contains("--dest-tls-verify=false");

            RegistryAccess withCa = new RegistryAccess(CredentialStore.empty(), ProxySettings.none(),
                    Map.of(registry.host(), List.of(registry.tls().certFile())));
            ImageResult trusted = push(withCa, registry.ref("tls/app:v1"), true);
            assertThat(trusted.ok()).as(trusted.error()).isTrue();

            ImageResult insecure = push(RegistryAccess.anonymous(), registry.ref("tls/app:v2"), false);
            assertThat(insecure.ok()).as(insecure.error()).isTrue();
            assertThat(Skopeo.rawDigest(registry.ref("tls/app:v2"))).isEqualTo(index.digest());
        }
    }
}
