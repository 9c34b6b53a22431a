package io.mtcassistant.mirror.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mtcassistant.mirror.DigestingInputStream;
import io.mtcassistant.mirror.MirrorException;
import io.mtcassistant.mirror.MirrorException.Kind;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

/** Turns what went wrong talking to a registry (I/O errors, error bodies) into words a person can act on. */
final class RegistryErrors {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RegistryErrors() {
    }

    /** The error for a low-level failure while doing {@code what} with {@code registry}. */
    static MirrorException translate(String registry, IOException e, String what) {
        DigestingInputStream.DigestMismatchIOException mismatch = findMismatch(e);
        if (mismatch != null) {
            return new MirrorException(Kind.DIGEST_MISMATCH, mismatch.getMessage(), e);
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SSLHandshakeException || (t instanceof SSLException && String.valueOf(t.getMessage()).contains("PKIX"))) {
                return new MirrorException(Kind.TLS, "TLS not trusted for registry " + registry + ": give its CA (--registry-ca "
                        + registry + "=FILE, or /etc/containers/certs.d/" + registry + "/ca.crt) or --src-tls-verify=false /"
                        + " --dest-tls-verify=false", e);
            }
            if (t instanceof SSLException) {
                return new MirrorException(Kind.TLS, "TLS failed with registry " + registry + " (" + t.getMessage()
                        + "); if it serves plain HTTP use --src-tls-verify=false / --dest-tls-verify=false", e);
            }
            if (t instanceof ConnectException) {
                return new MirrorException(Kind.NETWORK, "cannot connect to registry " + registry + ": connection refused"
                        + " (is it running, is the host:port right, is a proxy needed?)", e);
            }
            if (t instanceof UnknownHostException) {
                return new MirrorException(Kind.NETWORK, "cannot connect to registry " + registry + ": unknown host", e);
            }
            if (t instanceof HttpTimeoutException) {
                return new MirrorException(Kind.NETWORK, "registry " + registry + " did not answer in time (" + what + ")", e);
            }
        }
        return new MirrorException(Kind.NETWORK, "network error with registry " + registry + " during " + what + ": " + e.getMessage(), e);
    }

    /** The JDK client gives up on a proxy that keeps answering 407 with this IOException. */
    static boolean isProxyAuthFailure(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage());
            if (m.contains("too many authentication attempts") || m.contains("407")) {
                return true;
            }
        }
        return false;
    }

    /** The digest check that failed somewhere in this error's causes or suppressed errors, or null. */
    static DigestingInputStream.DigestMismatchIOException findMismatch(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof DigestingInputStream.DigestMismatchIOException m) {
                return m;
            }
            for (Throwable s : t.getSuppressed()) {
                if (s instanceof DigestingInputStream.DigestMismatchIOException m) {
                    return m;
                }
            }
        }
        return null;
    }

    /** The registry's error codes and messages from a distribution-API error body, else its first text, one line. */
    static String errorText(byte[] body) {
        if (body == null || body.length == 0) {
            return "";
        }
        try {
            JsonNode json = JSON.readTree(body);
            List<String> parts = new ArrayList<>();
            for (JsonNode e : json.path("errors")) {
                parts.add(e.path("code").asText("") + " " + e.path("message").asText(""));
            }
            if (!parts.isEmpty()) {
                return String.join("; ", parts).trim();
            }
        } catch (IOException e) {
            // not JSON; fall through to text
        }
        String text = new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8).trim();
        return text.replaceAll("\\s+", " ");
    }
}
