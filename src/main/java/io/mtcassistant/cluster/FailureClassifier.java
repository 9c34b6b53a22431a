package io.mtcassistant.cluster;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.mtcassistant.common.SecretMasker;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;

/** Sorts what went wrong while connecting into the failure classes the user is told apart, in plain words. */
final class FailureClassifier {

    private FailureClassifier() {
    }

    static ConnectionFailure timedOut(String url, long seconds, String detail) {
        return new ConnectionFailure(FailureKind.TIMED_OUT,
                "The API server at " + url + " did not answer within " + Math.max(1, seconds) + " s.",
                "Check that this machine can reach " + hostPort(url) + " (VPN, firewall, proxy-url in the kubeconfig); "
                        + "if the cluster is only slow, Retry (on the command line, --timeout SECONDS waits longer).", detail);
    }

    static ConnectionFailure classify(Throwable error, ConnectionTarget target, String url, long timeoutSeconds) {
        if (error instanceof ConnectionProblem problem) {
            return problem.failure();
        }
        String detail = detail(error);
        KubernetesClientException api = find(error, KubernetesClientException.class);
        int code = api == null ? 0 : api.getCode();
        if (code == 401) {
            return unauthorized(target, url, detail);
        }
        if (code == 403) {
            return forbidden(target, url, detail);
        }
        if (has(error, java.security.spec.InvalidKeySpecException.class) || mentions(error, "Invalid DER")
                || has(error, java.security.UnrecoverableKeyException.class)) {
            String who = target == null || target.userName() == null ? "" : " of user '" + target.userName() + "'";
            return new ConnectionFailure(FailureKind.MALFORMED_KUBECONFIG,
                    "The client certificate or key" + who + " in the kubeconfig cannot be read.",
                    "Check client-certificate(-data) and client-key(-data): PEM, RSA or EC (\"EC PRIVATE KEY\"), "
                            + "base64-encoded in the -data fields; or get a fresh kubeconfig.", detail);
        }
        if (mentions(error, "not issued for tls-server-name")) {
            return new ConnectionFailure(FailureKind.TLS_UNTRUSTED,
                    "The certificate of the API server at " + url + " is not issued for the tls-server-name the "
                            + "kubeconfig gives.",
                    "Correct tls-server-name in the kubeconfig's cluster entry (it must be a name in the server "
                            + "certificate), or remove it to check the URL's host name instead.", detail);
        }
        if (has(error, SSLPeerUnverifiedException.class) || mentions(error, "No subject alternative")
                || mentions(error, "doesn't match any of the subject alternative names")) {
            return new ConnectionFailure(FailureKind.TLS_UNTRUSTED,
                    "The certificate of the API server at " + url + " is not issued for the name "
                            + host(url) + ".",
                    "Use the URL the certificate was issued for (check the server entry of the kubeconfig), or set "
                            + "tls-server-name; only on a network you trust, switch on \"Skip TLS verification\".",
                    detail);
        }
        if (has(error, CertPathValidatorException.class) || mentions(error, "PKIX path")
                || mentions(error, "unable to find valid certification path")
                || (has(error, SSLHandshakeException.class) && has(error, CertificateException.class))) {
            return new ConnectionFailure(FailureKind.TLS_UNTRUSTED,
                    "The API server at " + url + " presented a certificate that this machine does not trust "
                            + "(self-signed or from a private CA).",
                    "Choose the cluster's CA file to trust it (\"Trust a CA file\", or --certificate-authority); only on "
                            + "a network you trust, switch on \"Skip TLS verification\" (--insecure-skip-tls-verify).",
                    detail);
        }
        if (has(error, HttpConnectTimeoutException.class) || has(error, SocketTimeoutException.class)
                || has(error, HttpTimeoutException.class) || has(error, TimeoutException.class)
                || (has(error, InterruptedIOException.class) && mentions(error, "timed out"))) {
            return timedOut(url, timeoutSeconds, detail);
        }
        if (has(error, UnknownHostException.class) || has(error, UnresolvedAddressException.class)) {
            return new ConnectionFailure(FailureKind.UNREACHABLE,
                    "The host name " + host(url) + " of the API server cannot be resolved.",
                    "Check the server URL in the kubeconfig and this machine's DNS (or add the name to /etc/hosts).",
                    detail);
        }
        ConnectionFailure tunnel = refusedTunnel(error, url, detail);
        if (tunnel != null) {
            return tunnel;
        }
        if (has(error, ConnectException.class) || has(error, NoRouteToHostException.class)
                || mentions(error, "Connection refused")) {
            return new ConnectionFailure(FailureKind.UNREACHABLE,
                    "Nothing answered at " + url + " (the connection was refused or there is no route).",
                    "Check that the cluster is running and that this machine can reach " + hostPort(url)
                            + " (VPN, firewall, proxy-url in the kubeconfig).", detail);
        }
        if (has(error, SSLHandshakeException.class)) {
            return new ConnectionFailure(FailureKind.TLS_UNTRUSTED,
                    "The TLS handshake with " + url + " failed.",
                    "Check that the URL points at the API server (usually port 6443 or 8443) and that its certificate "
                            + "is trusted; see the detail.", detail);
        }
        return new ConnectionFailure(FailureKind.UNEXPECTED,
                "Connecting to " + url + " failed" + (code > 0 ? " with HTTP " + code : "") + ".",
                "Read the detail below; the full report is in the log file.", detail);
    }

    private static final java.util.regex.Pattern TUNNEL_FAILED = java.util.regex.Pattern.compile("Tunnel failed, got: (\\d{3})");

    /** The JDK client's answer when the kubeconfig's proxy-url did not open the CONNECT tunnel; null otherwise. */
    private static ConnectionFailure refusedTunnel(Throwable error, String url, String detail) {
        for (Throwable t : chain(error)) {
            java.util.regex.Matcher m = t.getMessage() == null ? null : TUNNEL_FAILED.matcher(t.getMessage());
            if (m == null || !m.find()) {
                continue;
            }
            int status = Integer.parseInt(m.group(1));
            // the proxy's own address is not named: proxy-url may carry a password
            if (status == 401 || status == 407) {
                return new ConnectionFailure(FailureKind.PROXY_REFUSED,
                        "The proxy in the kubeconfig's proxy-url did not accept its user name and password (HTTP "
                                + status + " to CONNECT " + hostPort(url) + ").",
                        "Check the user and password in proxy-url (special characters percent-encoded, for example"
                                + " @ as %40), or ask the proxy's administrator for an account.", detail);
            }
            return new ConnectionFailure(FailureKind.PROXY_REFUSED,
                    "The proxy in the kubeconfig's proxy-url refused to open a tunnel to " + hostPort(url) + " (HTTP "
                            + status + ").",
                    "Ask the proxy's administrator to allow CONNECT to " + hostPort(url)
                            + ", or reach the cluster without that proxy.", detail);
        }
        return null;
    }

    static ConnectionFailure unauthorized(ConnectionTarget target, String url, String detail) {
        CredentialKind kind = target == null ? CredentialKind.NONE : target.credential();
        String who = target == null || target.userName() == null ? "" : " of user '" + target.userName() + "'";
        String next = switch (kind) {
            case TOKEN, TOKEN_FILE, AUTH_PROVIDER -> "The token has probably expired. Log in again (for example `oc "
                    + "login " + url + "`) and load the kubeconfig again.";
            case CLIENT_CERTIFICATE -> "The client certificate is not accepted (expired, or issued by another "
                    + "cluster). Get a fresh kubeconfig from the cluster administrator.";
            case EXEC_PLUGIN -> "The exec plugin's credentials were refused. Run the plugin's log-in again, then "
                    + "retry.";
            case PASSWORD -> "Check the user name and password, or log in with `oc login` and use its token.";
            case NONE -> "The context has no credentials. Add a user with a token or certificate to it.";
        };
        return new ConnectionFailure(FailureKind.UNAUTHORIZED,
                "The API server at " + url + " did not accept the credentials" + who + " (" + kind.description()
                        + ", HTTP 401 Unauthorized).", next, detail);
    }

    static ConnectionFailure forbidden(ConnectionTarget target, String url, String detail) {
        String who = target == null || target.userName() == null ? "the anonymous user" : "user '" + target.userName()
                + "'";
        String next = target == null || target.credential() == CredentialKind.NONE
                ? "The context has no credentials, so the request was anonymous. Add a user with a token or "
                        + "certificate to the context."
                : "Ask a cluster administrator to grant access (installing MTC needs cluster-admin), or use a context "
                        + "with a cluster-admin user.";
        return new ConnectionFailure(FailureKind.FORBIDDEN,
                "The API server at " + url + " refused " + who + " (HTTP 403 Forbidden).", next, detail);
    }

    /** The messages of the cause chain, without stack traces, class names of wrappers, or secrets. */
    static String detail(Throwable error) {
        Set<String> messages = new LinkedHashSet<>();
        for (Throwable t : chain(error)) {
            String message = t.getMessage();
            if (message == null || message.isBlank() || message.equals("An error has occurred.")) {
                continue;
            }
            messages.add(t.getClass().getSimpleName() + ": " + message.strip());
        }
        String text = String.join(" <- ", messages);
        if (text.length() > 1000) {
            text = text.substring(0, 1000) + "…";
        }
        return SecretMasker.mask(text);
    }

    private static List<Throwable> chain(Throwable error) {
        List<Throwable> list = new ArrayList<>();
        for (Throwable t = error; t != null && !list.contains(t); t = t.getCause()) {
            list.add(t);
            for (Throwable suppressed : t.getSuppressed()) {
                list.add(suppressed);
            }
        }
        return list;
    }

    private static boolean has(Throwable error, Class<? extends Throwable> type) {
        return find(error, type) != null;
    }

    private static <T extends Throwable> T find(Throwable error, Class<T> type) {
        for (Throwable t : chain(error)) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static boolean mentions(Throwable error, String text) {
        return chain(error).stream().anyMatch(t -> t.getMessage() != null && t.getMessage().contains(text));
    }

    static String host(String url) {
        try {
            String host = URI.create(url).getHost();
            return host == null ? url : host;
        } catch (IllegalArgumentException e) {
            return url;
        }
    }

    static String hostPort(String url) {
        try {
            URI uri = URI.create(url);
            int port = uri.getPort() > 0 ? uri.getPort() : "http".equalsIgnoreCase(uri.getScheme()) ? 80 : 443;
            return uri.getHost() + ":" + port;
        } catch (IllegalArgumentException e) {
            return url;
        }
    }
}
