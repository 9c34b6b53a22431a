package io.mtcassistant.network;

import io.mtcassistant.common.SecretMasker;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * A proxy URL of the form {@code http://[user:password@]host:port}. The operator passes it to Go programs (controller,
 * Velero, stunnel), which need the port and accept no path; {@link #toString()} never shows the password.
 */
public record ProxyUrl(String scheme, String user, String password, String host, int port) {

    /** Parses {@code text}; {@code allowHttps} for http_proxy / https_proxy (a TLS connection to the proxy itself). */
    public static ProxyUrl parse(String field, String text, boolean allowHttps) {
        String value = text == null ? "" : text.trim();
        if (value.isEmpty()) {
            throw new InvalidSettingException(field, "is empty");
        }
        if (!value.contains("://")) {
            throw new InvalidSettingException(field, "'" + SecretMasker.mask(value) + "' has no scheme; write http://HOST:PORT");
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw new InvalidSettingException(field, "'" + SecretMasker.mask(value) + "' is not a URL ("
                    + SecretMasker.mask(e.getReason()) + ")");
        }
        String scheme = uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!scheme.equals("http") && !(allowHttps && scheme.equals("https"))) {
            throw new InvalidSettingException(field, "the scheme must be http" + (allowHttps ? " or https" : "")
                    + ", not " + scheme + (allowHttps ? "" : " (a TCP proxy reached with CONNECT, basic authentication only)"));
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw new InvalidSettingException(field, "'" + SecretMasker.mask(value) + "' has no host name");
        }
        if (uri.getPort() < 1 || uri.getPort() > 65535) {
            throw new InvalidSettingException(field, "'" + SecretMasker.mask(value) + "' needs a port (http://" + host + ":3128)");
        }
        String path = uri.getRawPath();
        if ((path != null && !path.isEmpty() && !path.equals("/")) || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new InvalidSettingException(field, "a proxy URL has no path, query or fragment");
        }
        String user = null;
        String password = null;
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            if (colon <= 0) {
                throw new InvalidSettingException(field, "write the credentials as user:password@ (basic authentication)");
            }
            user = URLDecoder.decode(userInfo.substring(0, colon), StandardCharsets.UTF_8);
            password = URLDecoder.decode(userInfo.substring(colon + 1), StandardCharsets.UTF_8);
        }
        return new ProxyUrl(scheme, user, password, host, uri.getPort());
    }

    public boolean hasCredentials() {
        return user != null;
    }

    /** With the password replaced by {@code passwordText} (the raw, still URL-encoded form is not kept). */
    public String withPassword(String passwordText) {
        String credentials = user == null ? "" : encode(user) + ":" + passwordText + "@";
        String h = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return scheme + "://" + credentials + h + ":" + port;
    }

    /** The URL as the operator needs it, password included: only for the patch sent to the cluster. */
    public String full() {
        return withPassword(password == null ? "" : encode(password));
    }

    @Override
    public String toString() {
        return withPassword(SecretMasker.MASK);
    }

    private static String encode(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
