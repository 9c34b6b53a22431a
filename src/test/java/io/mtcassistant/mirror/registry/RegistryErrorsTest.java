package io.mtcassistant.mirror.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.mtcassistant.mirror.MirrorException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.http.HttpConnectTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

/** Each cause of "cannot reach the registry" gets its own words (issue 16, point 7). */
class RegistryErrorsTest {

    @Test
    void aNameThatDoesNotResolveIsHostNotFoundNotRefused() {
        MirrorException error = catchThrowableOfType(
                () -> RegistryAccess.anonymous().client("mirror.invalid:5000", "mirror.invalid:5000", false).checkReachable(),
                MirrorException.class);
        assertThat(error.getMessage()).contains("host not found").contains("mirror.invalid").doesNotContain("refused");
    }

    @Test
    void aClosedPortIsRefused() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String registry = "127.0.0.1:" + port;
        MirrorException error = catchThrowableOfType(
                () -> RegistryAccess.anonymous().client(registry, registry, false).checkReachable(), MirrorException.class);
        assertThat(error.getMessage()).contains("connection refused").doesNotContain("host not found");
    }

    @Test
    void theJdkWrappingIsSeenThrough() {
        ConnectException unresolved = new ConnectException();
        unresolved.initCause(new UnresolvedAddressException());
        assertThat(RegistryErrors.translate("r:1", unresolved, "x").getMessage()).contains("host not found");
        assertThat(RegistryErrors.translate("r:1", new HttpConnectTimeoutException("HTTP connect timed out"), "x").getMessage())
                .contains("did not answer in time").contains("no connection could be opened");
        assertThat(RegistryErrors.translate("r:1", new SSLHandshakeException("PKIX path building failed"), "x").kind())
                .isEqualTo(MirrorException.Kind.TLS);
        assertThat(RegistryErrors.translate("r:1", new ConnectException("Connection refused"), "x").getMessage())
                .contains("connection refused");
    }
}
