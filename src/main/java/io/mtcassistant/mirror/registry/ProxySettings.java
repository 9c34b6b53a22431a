package io.mtcassistant.mirror.registry;

import java.io.IOException;
import java.net.Authenticator;
import java.net.InetSocketAddress;
import java.net.PasswordAuthentication;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP(S) proxy as the container tools take it: HTTPS_PROXY / HTTP_PROXY / NO_PROXY (either case),
 * or explicit values from the settings.
 */
public final class ProxySettings extends ProxySelector {

    private final URI httpsProxy;
    private final URI httpProxy;
    private final List<String> noProxy;

    public ProxySettings(String httpsProxy, String httpProxy, String noProxy) {
        this.httpsProxy = toUri(httpsProxy);
        this.httpProxy = toUri(httpProxy);
        this.noProxy = new ArrayList<>();
        if (noProxy != null) {
            for (String part : noProxy.split(",")) {
                String p = part.trim().toLowerCase(Locale.ROOT);
                if (!p.isEmpty()) {
                    this.noProxy.add(p);
                }
            }
        }
    }

    public static ProxySettings fromEnvironment(Map<String, String> env) {
        return new ProxySettings(first(env, "HTTPS_PROXY", "https_proxy"), first(env, "HTTP_PROXY", "http_proxy"),
                first(env, "NO_PROXY", "no_proxy"));
    }

    public static ProxySettings none() {
        return new ProxySettings(null, null, null);
    }

    private static String first(Map<String, String> env, String a, String b) {
        String v = env.get(a);
        return v != null && !v.isBlank() ? v : env.get(b);
    }

    private static URI toUri(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return URI.create(value.contains("://") ? value : "http://" + value);
    }

    /**
     * Lets the JDK client answer a proxy's Basic challenge on HTTPS tunnels (CONNECT), which it
     * refuses by default; read once when the client first loads, so the launcher should call this
     * before any other HTTP client exists (and this class does it again, in case).
     */
    public static void allowBasicAuthForTunnels() {
        if (System.getProperty(TUNNEL_SCHEMES) == null) {
            System.setProperty(TUNNEL_SCHEMES, "none");
        }
    }

    private static final String TUNNEL_SCHEMES = "jdk.http.auth.tunneling.disabledSchemes";

    static {
        allowBasicAuthForTunnels();
    }

    /** Answers the proxy's challenge with the user and password of its URL (http://USER:PASSWORD@HOST:PORT). */
    public Authenticator authenticator() {
        return new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                if (getRequestorType() != RequestorType.PROXY) {
                    return null;
                }
                for (URI p : new URI[] {httpsProxy, httpProxy}) {
                    if (p != null && p.getRawUserInfo() != null && p.getHost().equalsIgnoreCase(getRequestingHost())
                            && port(p) == getRequestingPort()) {
                        String info = p.getRawUserInfo();
                        int colon = info.indexOf(':');
                        String user = decode(colon < 0 ? info : info.substring(0, colon));
                        String password = colon < 0 ? "" : decode(info.substring(colon + 1));
                        return new PasswordAuthentication(user, password.toCharArray());
                    }
                }
                return null;
            }
        };
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    public boolean hasCredentials() {
        return (httpsProxy != null && httpsProxy.getRawUserInfo() != null) || (httpProxy != null && httpProxy.getRawUserInfo() != null);
    }

    /** For messages: the proxy a scheme uses, without its credentials. */
    public String describe(boolean https) {
        URI p = https && httpsProxy != null ? httpsProxy : httpProxy != null ? httpProxy : httpsProxy;
        return p == null ? "none" : p.getScheme() + "://" + p.getHost() + ":" + port(p);
    }

    private static int port(URI p) {
        return p.getPort() > 0 ? p.getPort() : 80;
    }

    public boolean isEmpty() {
        return httpsProxy == null && httpProxy == null;
    }

    @Override
    public List<Proxy> select(URI uri) {
        URI proxy = "https".equalsIgnoreCase(uri.getScheme()) ? httpsProxy : httpProxy;
        if (proxy == null || bypass(uri.getHost(), uri.getPort())) {
            return List.of(Proxy.NO_PROXY);
        }
        return List.of(new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(proxy.getHost(), port(proxy))));
    }

    boolean bypass(String host, int port) {
        if (host == null) {
            return true;
        }
        String h = host.toLowerCase(Locale.ROOT);
        for (String rule : noProxy) {
            if (rule.equals("*")) {
                return true;
            }
            String r = rule;
            int colon = r.lastIndexOf(':');
            if (colon > 0 && r.indexOf(']') < colon) {
                if (!r.substring(colon + 1).equals(String.valueOf(port))) {
                    continue;
                }
                r = r.substring(0, colon);
            }
            if (r.startsWith("*.")) {
                r = r.substring(1);
            }
            if (h.equals(r) || (r.startsWith(".") && (h.endsWith(r) || h.equals(r.substring(1))))
                    || (!r.startsWith(".") && h.endsWith("." + r))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
        // The request itself fails and reports the error.
    }
}
