package io.mtcassistant.mirror.registry;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
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

    public boolean isEmpty() {
        return httpsProxy == null && httpProxy == null;
    }

    @Override
    public List<Proxy> select(URI uri) {
        URI proxy = "https".equalsIgnoreCase(uri.getScheme()) ? httpsProxy : httpProxy;
        if (proxy == null || bypass(uri.getHost(), uri.getPort())) {
            return List.of(Proxy.NO_PROXY);
        }
        int port = proxy.getPort() > 0 ? proxy.getPort() : 80;
        return List.of(new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(proxy.getHost(), port)));
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
