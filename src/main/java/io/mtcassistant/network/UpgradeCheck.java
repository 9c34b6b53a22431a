package io.mtcassistant.network;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.internal.SSLUtils;
import io.mtcassistant.common.SecretMasker;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * Procedure 7.4.1.3's "Upgrade request required": an exec into a pod, upgraded with SPDY/3.1 and with a websocket
 * ({@code v4.channel.k8s.io}), over the path this workstation uses to the API server (the kubeconfig's proxy-url,
 * else HTTPS_PROXY / NO_PROXY), with the connection's TLS settings and credentials. Only the handshake is made: the
 * connection is closed after the status line, so no command runs even on a real cluster. Raw sockets, because
 * Java's HTTP client refuses to send {@code Upgrade} and {@code Connection} headers.
 */
public final class UpgradeCheck {

    public static final String FIX = "Use a proxy or load balancer that supports SPDY and passes the Upgrade and"
            + " Connection headers to the API server (nginx: proxy_http_version 1.1; proxy_set_header Upgrade"
            + " $http_upgrade; proxy_set_header Connection \"upgrade\"; HAProxy and plain TCP forwarding pass them)."
            + " The control cluster's own path to the remote clusters (the MigCluster URL) must pass them too: the"
            + " migration controller execs into the remote clusters' pods with SPDY.";

    private final Config config;
    private final Map<String, String> environment;
    private final Duration timeout;

    public UpgradeCheck(Config config, Map<String, String> environment, Duration timeout) {
        this.config = config;
        this.environment = environment;
        this.timeout = timeout;
    }

    /** A Running pod to exec into: MTC's own first, then the cluster's; null when there is none. */
    public static Pod findPod(KubernetesClient client) {
        for (String namespace : List.of("openshift-migration", "kube-system", "openshift-apiserver")) {
            Pod pod = client.pods().inNamespace(namespace).list().getItems().stream()
                    .filter(p -> p.getStatus() != null && "Running".equals(p.getStatus().getPhase())).findFirst()
                    .orElse(null);
            if (pod != null) {
                return pod;
            }
        }
        return null;
    }

    public List<UpgradeResult> run(String namespace, String pod) {
        List<UpgradeResult> results = new ArrayList<>();
        for (UpgradeProtocol protocol : UpgradeProtocol.values()) {
            results.add(run(protocol, namespace, pod));
        }
        return results;
    }

    public UpgradeResult run(UpgradeProtocol protocol, String namespace, String pod) {
        URI api = URI.create(config.getMasterUrl());
        boolean tls = "https".equalsIgnoreCase(api.getScheme());
        int port = api.getPort() > 0 ? api.getPort() : tls ? 443 : 80;
        ProxyUrl proxy = proxyFor(api);
        String path = proxy == null ? "direct" : "through the proxy " + proxy;
        try (Socket socket = open(proxy, api.getHost(), port)) {
            Socket stream = socket;
            if (tls) {
                SSLContext context = SSLUtils.sslContext(config);
                SSLSocket ssl = (SSLSocket) context.getSocketFactory().createSocket(socket, api.getHost(), port, true);
                ssl.startHandshake();
                stream = ssl;
            }
            stream.getOutputStream().write(request(protocol, api, port, namespace, pod).getBytes(StandardCharsets.ISO_8859_1));
            stream.getOutputStream().flush();
            String head = readHead(stream.getInputStream());
            return verdict(protocol, path, head);
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            String reason = SecretMasker.mask(e.getClass().getSimpleName() + ": " + e.getMessage());
            return new UpgradeResult(protocol, path, -1, reason, false, "no answer from " + config.getMasterUrl()
                    + " " + path + ": " + reason, "Check the API URL, the proxy and the CA first (the clusters step"
                    + " connects the same way).");
        }
    }

    private UpgradeResult verdict(UpgradeProtocol protocol, String path, String head) {
        String statusLine = head.lines().findFirst().orElse("");
        String[] parts = statusLine.split(" ", 3);
        int status = parts.length >= 2 && parts[1].matches("[0-9]{3}") ? Integer.parseInt(parts[1]) : -1;
        if (status == 101) {
            return new UpgradeResult(protocol, path, status, statusLine, true, protocol.label() + " upgrade reaches "
                    + apiUrl() + " " + path + ": 101 Switching Protocols", "");
        }
        if (status == 401 || status == 403 || status == 404) {
            return new UpgradeResult(protocol, path, status, statusLine, false, "the API server refused the exec ("
                    + statusLine + "), so the upgrade could not be tested", status == 404
                    ? "Choose a Running pod that exists." : "Use a user that may exec into pods (pods/exec).");
        }
        return new UpgradeResult(protocol, path, status, statusLine, false, "Upgrade request required: something"
                + " between the workstation and " + apiUrl() + " does not pass the Upgrade header or SPDY"
                + " (" + protocol.label() + " got " + (statusLine.isEmpty() ? "no status line" : statusLine) + ")", FIX);
    }

    private String apiUrl() {
        return config.getMasterUrl().replaceAll("/+$", "");
    }

    /** The proxy-url of the kubeconfig, else HTTPS_PROXY / HTTP_PROXY unless NO_PROXY exempts the API host. */
    ProxyUrl proxyFor(URI api) {
        boolean tls = "https".equalsIgnoreCase(api.getScheme());
        String configured = tls ? config.getHttpsProxy() : config.getHttpProxy();
        if (configured != null && !configured.isBlank()) {
            return ProxyUrl.parse("proxy-url", configured, true);
        }
        String https = env("HTTPS_PROXY");
        String http = env("HTTP_PROXY");
        if (https == null && http == null) {
            return null;
        }
        ProxySettings settings = ProxySettings.parse(http, https, env("NO_PROXY"));
        ProxyDecision decision = settings.decide(api.toString());
        return decision.proxied() ? (tls ? settings.httpsProxy() : settings.httpProxy()) : null;
    }

    private String env(String name) {
        String value = environment.get(name);
        if (value == null) {
            value = environment.get(name.toLowerCase(java.util.Locale.ROOT));
        }
        return value == null || value.isBlank() ? null : value;
    }

    private Socket open(ProxyUrl proxy, String host, int port) throws IOException {
        int millis = (int) timeout.toMillis();
        Socket socket = new Socket();
        socket.setSoTimeout(millis);
        if (proxy == null) {
            socket.connect(new InetSocketAddress(host, port), millis);
            return socket;
        }
        socket.connect(new InetSocketAddress(proxy.host(), proxy.port()), millis);
        String target = (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
        StringBuilder connect = new StringBuilder("CONNECT ").append(target).append(" HTTP/1.1\r\nHost: ")
                .append(target).append("\r\n");
        if (proxy.hasCredentials()) {
            connect.append("Proxy-Authorization: Basic ").append(Base64.getEncoder().encodeToString(
                    (proxy.user() + ":" + proxy.password()).getBytes(StandardCharsets.UTF_8))).append("\r\n");
        }
        connect.append("\r\n");
        OutputStream out = socket.getOutputStream();
        out.write(connect.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        String answer = readHead(socket.getInputStream());
        String line = answer.lines().findFirst().orElse("");
        if (!line.matches("HTTP/1\\.[01] 200.*")) {
            socket.close();
            throw new IOException("the proxy " + proxy + " refused CONNECT " + target + ": " + line);
        }
        return socket;
    }

    private String request(UpgradeProtocol protocol, URI api, int port, String namespace, String pod) {
        String host = api.getHost() + (api.getPort() > 0 ? ":" + port : "");
        String query = "command=" + URLEncoder.encode("true", StandardCharsets.UTF_8) + "&stdout=true&stderr=true";
        String base = api.getRawPath() == null ? "" : api.getRawPath().replaceAll("/$", "");
        String target = base + "/api/v1/namespaces/" + namespace + "/pods/" + pod + "/exec?" + query;
        StringBuilder r = new StringBuilder();
        if (protocol == UpgradeProtocol.SPDY) {
            r.append("POST ").append(target).append(" HTTP/1.1\r\n").append("Host: ").append(host).append("\r\n")
                    .append("Connection: Upgrade\r\nUpgrade: SPDY/3.1\r\n")
                    .append("X-Stream-Protocol-Version: v4.channel.k8s.io\r\nContent-Length: 0\r\n");
        } else {
            byte[] key = new byte[16];
            new SecureRandom().nextBytes(key);
            r.append("GET ").append(target).append(" HTTP/1.1\r\n").append("Host: ").append(host).append("\r\n")
                    .append("Connection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\n")
                    .append("Sec-WebSocket-Key: ").append(Base64.getEncoder().encodeToString(key)).append("\r\n")
                    .append("Sec-WebSocket-Protocol: v4.channel.k8s.io\r\n");
        }
        String token = token();
        if (token != null) {
            r.append("Authorization: Bearer ").append(token).append("\r\n");
        } else if (config.getUsername() != null && config.getPassword() != null) {
            r.append("Authorization: Basic ").append(Base64.getEncoder().encodeToString((config.getUsername() + ":"
                    + config.getPassword()).getBytes(StandardCharsets.UTF_8))).append("\r\n");
        }
        return r.append("User-Agent: mtc-assistant-upgrade-check\r\n\r\n").toString();
    }

    private String token() {
        if (config.getOauthTokenProvider() != null) {
            return config.getOauthTokenProvider().getToken();
        }
        if (config.getOauthToken() != null && !config.getOauthToken().isBlank()) {
            return config.getOauthToken();
        }
        return config.getAutoOAuthToken();
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        int b;
        while (head.size() < 64 * 1024 && (b = in.read()) >= 0) {
            head.write(b);
            matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3))
                    ? matched + 1 : (b == '\r' ? 1 : 0);
            if (matched == 4) {
                break;
            }
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }
}
