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
import java.nio.channels.UnresolvedAddressException;
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
        // The causes are searched by what a person can act on, not in chain order: the JDK wraps a name that does not
        // resolve (UnresolvedAddressException) in a ConnectException, which alone reads as "refused".
        if (find(e, UnresolvedAddressException.class) != null || find(e, UnknownHostException.class) != null) {
            return new MirrorException(Kind.NETWORK, "cannot connect to registry " + registry + ": host not found (the name "
                    + hostOf(registry) + " does not resolve; check the spelling and the DNS of this machine)", e);
        }
        if (find(e, HttpTimeoutException.class) != null || find(e, java.net.SocketTimeoutException.class) != null) {
            boolean connecting = find(e, java.net.http.HttpConnectTimeoutException.class) != null;
            return new MirrorException(Kind.NETWORK, "registry " + registry + " did not answer in time ("
                    + (connecting ? "no connection could be opened; check the host:port, the firewall and whether a proxy is needed"
                    : what) + ")", e);
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
        }
        if (find(e, ConnectException.class) != null) {
            return new MirrorException(Kind.NETWORK, "cannot connect to registry " + registry + ": connection refused"
                    + " (is it running, is the host:port right, is a proxy needed?)", e);
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

    private static <T extends Throwable> T find(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static String hostOf(String registry) {
        int colon = registry.lastIndexOf(':');
        return colon > 0 && !registry.endsWith("]") ? registry.substring(0, colon) : registry;
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
