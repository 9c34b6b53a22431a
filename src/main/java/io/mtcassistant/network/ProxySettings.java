package io.mtcassistant.network;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The proxy variables one program sees ({@code HTTP_PROXY}, {@code HTTPS_PROXY}, {@code NO_PROXY}), already valid.
 * {@link #decide} answers like Go's net/http does: localhost and loopback addresses are never proxied, then the first
 * matching no_proxy entry exempts, else the proxy of the URL's scheme is used.
 */
public record ProxySettings(ProxyUrl httpProxy, ProxyUrl httpsProxy, NoProxyList noProxy) {

    public static final String HTTP_FIELD = "http_proxy";
    public static final String HTTPS_FIELD = "https_proxy";

    /** Parses all three; blank means unset. Throws for the first bad field. */
    public static ProxySettings parse(String httpProxy, String httpsProxy, String noProxy) {
        return new ProxySettings(blank(httpProxy) ? null : ProxyUrl.parse(HTTP_FIELD, httpProxy, true),
                blank(httpsProxy) ? null : ProxyUrl.parse(HTTPS_FIELD, httpsProxy, true), NoProxyList.parse(noProxy));
    }

    /** Every problem of the three fields, errors and warnings, each naming its field. */
    public static List<FieldProblem> check(String httpProxy, String httpsProxy, String noProxy) {
        List<FieldProblem> problems = new ArrayList<>();
        collect(problems, () -> ProxyUrl.parse(HTTP_FIELD, httpProxy, true), httpProxy);
        collect(problems, () -> ProxyUrl.parse(HTTPS_FIELD, httpsProxy, true), httpsProxy);
        collect(problems, () -> NoProxyList.parse(noProxy), noProxy);
        if (!blank(noProxy) && blank(httpProxy) && blank(httpsProxy)) {
            problems.add(FieldProblem.warning(NoProxyList.FIELD, "is ignored: neither http_proxy nor https_proxy is set"));
        }
        if (!blank(httpProxy) && blank(httpsProxy)) {
            problems.add(FieldProblem.warning(HTTPS_FIELD, "is not set: HTTPS requests (API servers, registries, S3)"
                    + " go direct while HTTP requests use http_proxy"));
        }
        return problems;
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static void collect(List<FieldProblem> problems, Runnable parse, String value) {
        if (blank(value)) {
            return;
        }
        try {
            parse.run();
        } catch (InvalidSettingException e) {
            problems.add(FieldProblem.error(e));
        }
    }

    /** {@code target} is a URL ({@code https://api.x:6443}), {@code host:port}, or a bare host (taken as HTTPS). */
    public ProxyDecision decide(String target) {
        Address address = Address.parse(target);
        ProxyUrl proxy = address.https() ? httpsProxy : httpProxy;
        String name = address.https() ? HTTPS_FIELD : HTTP_FIELD;
        String shown = address.host() + (address.port() > 0 ? ":" + address.port() : "");
        if (address.host().equals("localhost") || isLoopback(address.host())) {
            return new ProxyDecision(shown, false, null, null, shown + " is a loopback address: never proxied");
        }
        if (proxy == null) {
            return new ProxyDecision(shown, false, null, null, name + " is not set: " + shown + " is reached directly");
        }
        NoProxyEntry rule = noProxy.firstMatch(address.host(), address.port());
        if (rule != null) {
            return new ProxyDecision(shown, false, null, rule.raw(), "no_proxy entry '" + rule.raw() + "' matches "
                    + rule.describe() + ": reached directly");
        }
        String near = nearMiss(address);
        return new ProxyDecision(shown, true, proxy.toString(), null, "no no_proxy entry matches: through " + name + " "
                + proxy + (near.isEmpty() ? "" : " (" + near + ")"));
    }

    private String nearMiss(Address address) {
        for (NoProxyEntry e : noProxy.entries()) {
            if (e.type() == NoProxyEntry.Type.SUBDOMAINS_ONLY && address.host().equals(e.host())) {
                return "'" + e.raw() + "' matches only the subdomains of " + e.host();
            }
            if (e.port() > 0 && new NoProxyEntry(e.raw(), e.type(), e.host(), -1, e.prefixLength())
                    .matches(address.host(), address.port())) {
                return "'" + e.raw() + "' matches only port " + e.port();
            }
            if (e.type() == NoProxyEntry.Type.CIDR && NoProxyEntry.ipLiteral(address.host()) == null) {
                return "CIDR entries such as '" + e.raw() + "' match IP addresses only, not names";
            }
        }
        return "";
    }

    private static boolean isLoopback(String host) {
        var ip = NoProxyEntry.ipLiteral(host);
        return ip != null && ip.isLoopbackAddress();
    }

    /** What a tester input means: host (lower case, no brackets), port (-1 unknown) and whether HTTPS applies. */
    record Address(String host, int port, boolean https) {

        static Address parse(String target) {
            String t = target == null ? "" : target.trim();
            if (t.isEmpty()) {
                throw new InvalidSettingException("address", "is empty; type a host, host:port or URL");
            }
            if (t.contains("://")) {
                try {
                    URI uri = new URI(t);
                    boolean https = !"http".equalsIgnoreCase(uri.getScheme());
                    if (uri.getHost() == null) {
                        throw new InvalidSettingException("address", "'" + t + "' has no host");
                    }
                    int port = uri.getPort() > 0 ? uri.getPort() : https ? 443 : 80;
                    return new Address(strip(uri.getHost()), port, https);
                } catch (java.net.URISyntaxException e) {
                    throw new InvalidSettingException("address", "'" + t + "' is not a URL");
                }
            }
            String host = t;
            int port = -1;
            if (t.startsWith("[") && t.contains("]:")) {
                host = t.substring(0, t.indexOf(']') + 1);
                port = Integer.parseInt(t.substring(t.indexOf("]:") + 2));
            } else if (t.chars().filter(c -> c == ':').count() == 1) {
                host = t.substring(0, t.indexOf(':'));
                String p = t.substring(t.indexOf(':') + 1);
                if (!p.matches("[0-9]{1,5}")) {
                    throw new InvalidSettingException("address", "'" + p + "' is not a port");
                }
                port = Integer.parseInt(p);
            }
            return new Address(strip(host), port, port != 80);
        }

        private static String strip(String host) {
            String h = host.toLowerCase(Locale.ROOT);
            return h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
        }
    }
}
