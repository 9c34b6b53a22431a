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
import io.mtcassistant.mirror.testsupport.Squid;
import io.mtcassistant.mirror.testsupport.TestImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Registry traffic over HTTPS through a real squid (CONNECT tunnels), without and with Basic proxy
 * authentication, NO_PROXY honoured, and a wrong proxy password reported as exactly that.
 */
class SquidProxyIntegrationTest {

    private static Path tmp;
    private static LocalRegistry registry;
    private static Squid open;
    private static Squid guarded;
    private static OciLayout layout;
    private static Manifest image;
    private static int run;

    @BeforeAll
    static void start() throws Exception {
        LocalRegistry.assumeInstalled();
        Squid.assumeInstalled();
        tmp = Files.createTempDirectory("squid-test");
        registry = LocalRegistry.builder(tmp).tls().start();
        open = Squid.start(null, null);
        guarded = Squid.start("mirror", "pa55-w0rd!");
        TestImages images = new TestImages(new OciLayout(tmp.resolve("images")), 21);
        image = images.write("app", TestImages.Kind.OCI_INDEX, 200_000);
        layout = images.layout();
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable c : new AutoCloseable[] {open, guarded, registry}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                // best effort
            }
        }
    }

    private static ImageResult copyWith(Map<String, String> env) {
        RegistryAccess access = new RegistryAccess(CredentialStore.empty(), ProxySettings.fromEnvironment(env),
                Map.of(registry.host(), List.of(registry.tls().certFile())));
        return new ImageCopy(access).copy(ImageReference.parse("oci:" + layout.dir() + ":app"),
                ImageReference.parse(registry.ref("proxied" + (++run) + "/app:v1")), true, true, true, 2, TransferListener.NONE);
    }

    private static boolean tunnelled(Squid squid) throws Exception {
        return squid.accessLog().stream().anyMatch(l -> l.contains("CONNECT " + registry.host()));
    }

    @Test
    void httpsGoesThroughAnOpenProxyAsATunnel() throws Exception {
        ImageResult r = copyWith(Map.of("HTTPS_PROXY", open.url(null, null)));
        assertThat(r.ok()).as(r.error()).isTrue();
        assertThat(Skopeo.rawDigest(registry.ref("proxied" + run + "/app:v1"))).isEqualTo(image.digest());
        // The client keeps its tunnels open; squid logs them as it shuts down.
        open.stop();
        assertThat(tunnelled(open)).as("squid access log").isTrue();
    }

    @Test
    void theProxyPasswordFromTheUrlAuthenticatesTheTunnel() throws Exception {
        ImageResult r = copyWith(Map.of("https_proxy", guarded.url("mirror", "pa55-w0rd%21")));
        assertThat(r.ok()).as(r.error()).isTrue();
        assertThat(Skopeo.rawDigest(registry.ref("proxied" + run + "/app:v1"))).isEqualTo(image.digest());
    }

    @Test
    void aWrongProxyPasswordIsItsOwnClearMessage() {
        ImageResult r = copyWith(Map.of("HTTPS_PROXY", guarded.url("mirror", "wrong-secret")));
        assertThat(r.ok()).isFalse();
        assertThat(r.error()).contains("proxy http://127.0.0.1:").contains("refused the user name or password")
                .contains("407").doesNotContain("wrong-secret");
    }

    @Test
    void aProxyThatWantsCredentialsAndGetsNoneSaysSo() {
        ImageResult r = copyWith(Map.of("HTTPS_PROXY", guarded.url(null, null)));
        assertThat(r.ok()).isFalse();
        assertThat(r.error()).contains("requires authentication (HTTP 407)");
    }

    @Test
    void noProxyHostsBypassTheProxy() throws Exception {
        // The proxy would refuse these credentials: success means it was not asked.
        ImageResult r = copyWith(Map.of("HTTPS_PROXY", guarded.url("mirror", "wrong-secret"), "NO_PROXY", "localhost,127.0.0.1"));
        assertThat(r.ok()).as(r.error()).isTrue();
    }
}
