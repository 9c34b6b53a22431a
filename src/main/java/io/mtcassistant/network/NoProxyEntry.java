package io.mtcassistant.network;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * One {@code no_proxy} entry, read the way MTC's Go programs read it (golang.org/x/net/http/httpproxy): {@code *}
 * matches everything; {@code example.com} matches that host and its subdomains; {@code .example.com} (or
 * {@code *.example.com}) matches subdomains only; an IP matches that address; a CIDR matches addresses in it (IP
 * literals only, never names); host and IP entries may carry {@code :port}, and then match that port only.
 *
 * @param raw  the entry as written
 * @param type what kind of entry
 * @param host the lower-cased host, domain (without its leading dot), IP or CIDR base address
 * @param port the port the entry is limited to, or -1
 * @param prefixLength for a CIDR, the prefix length
 */
public record NoProxyEntry(String raw, Type type, String host, int port, int prefixLength) {

    public enum Type { ANY, HOST_AND_SUBDOMAINS, SUBDOMAINS_ONLY, IP, CIDR }

    public static NoProxyEntry parse(String field, String text) {
        String raw = text.trim();
        if (raw.isEmpty()) {
            throw new InvalidSettingException(field, "is empty (two commas in a row?)");
        }
        if (raw.contains("://") || raw.contains("/") && !raw.matches("[0-9a-fA-F:.]+/[0-9]{1,3}")) {
            throw new InvalidSettingException(field, "'" + raw + "' is neither a host, a .domain, an IP nor a CIDR"
                    + " (no_proxy takes no scheme or path)");
        }
        if (raw.equals("*")) {
            return new NoProxyEntry(raw, Type.ANY, "*", -1, -1);
        }
        if (raw.contains("/")) {
            String[] parts = raw.split("/");
            InetAddress base = ipLiteral(parts[0]);
            if (base == null) {
                throw new InvalidSettingException(field, "'" + raw + "': " + parts[0] + " is not an IP address");
            }
            int bits = Integer.parseInt(parts[1]);
            int max = base.getAddress().length * 8;
            if (bits > max) {
                throw new InvalidSettingException(field, "'" + raw + "': the prefix length must be at most " + max);
            }
            return new NoProxyEntry(raw, Type.CIDR, base.getHostAddress(), -1, bits);
        }
        String hostPart = raw;
        int port = -1;
        if (raw.startsWith("[")) {
            int close = raw.indexOf(']');
            if (close < 0) {
                throw new InvalidSettingException(field, "'" + raw + "': missing ']'");
            }
            hostPart = raw.substring(1, close);
            port = port(field, raw, raw.substring(close + 1));
        } else if (raw.chars().filter(c -> c == ':').count() == 1) {
            int colon = raw.indexOf(':');
            hostPart = raw.substring(0, colon);
            port = port(field, raw, raw.substring(colon));
        }
        InetAddress ip = ipLiteral(hostPart);
        if (ip != null) {
            return new NoProxyEntry(raw, Type.IP, ip.getHostAddress(), port, -1);
        }
        String name = hostPart.toLowerCase(Locale.ROOT);
        boolean subdomainsOnly = false;
        if (name.startsWith("*.")) {
            name = name.substring(2);
            subdomainsOnly = true;
        } else if (name.startsWith(".")) {
            name = name.substring(1);
            subdomainsOnly = true;
        }
        if (!name.matches("[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?(\\.[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?)*")) {
            throw new InvalidSettingException(field, "'" + raw + "' is not a valid host or domain name");
        }
        return new NoProxyEntry(raw, subdomainsOnly ? Type.SUBDOMAINS_ONLY : Type.HOST_AND_SUBDOMAINS, name, port, -1);
    }

    private static int port(String field, String raw, String colonPort) {
        if (colonPort.isEmpty()) {
            return -1;
        }
        if (!colonPort.matches(":[0-9]{1,5}") || Integer.parseInt(colonPort.substring(1)) > 65535
                || Integer.parseInt(colonPort.substring(1)) == 0) {
            throw new InvalidSettingException(field, "'" + raw + "': the port must be a number from 1 to 65535");
        }
        return Integer.parseInt(colonPort.substring(1));
    }

    /** An IP literal without a name lookup, or null. */
    static InetAddress ipLiteral(String text) {
        String t = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        boolean v4 = t.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}");
        boolean v6 = t.contains(":") && t.matches("[0-9a-fA-F:.]+");
        if (!v4 && !v6) {
            return null;
        }
        if (v4) {
            for (String octet : t.split("\\.")) {
                if (Integer.parseInt(octet) > 255) {
                    return null;
                }
            }
        }
        try {
            return InetAddress.getByName(t);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** Whether this entry exempts {@code host} (lower case, no brackets) on {@code port} (-1 when unknown). */
    public boolean matches(String host, int port) {
        if (this.port > 0 && this.port != port) {
            return false;
        }
        InetAddress ip = ipLiteral(host);
        return switch (type) {
            case ANY -> true;
            case IP -> ip != null && ip.getHostAddress().equals(this.host);
            case CIDR -> ip != null && inCidr(ip);
            case HOST_AND_SUBDOMAINS -> host.equals(this.host) || host.endsWith("." + this.host);
            case SUBDOMAINS_ONLY -> host.endsWith("." + this.host);
        };
    }

    private boolean inCidr(InetAddress ip) {
        return new Cidr(ipLiteral(host), prefixLength).contains(ip);
    }

    /** "matches app.example.com and its subdomains" */
    public String describe() {
        String on = port > 0 ? " on port " + port : "";
        return switch (type) {
            case ANY -> "* (every host)";
            case IP -> "the address " + host + on;
            case CIDR -> "the addresses in " + host + "/" + prefixLength + " (IP addresses only, not names)";
            case HOST_AND_SUBDOMAINS -> host + " and its subdomains" + on;
            case SUBDOMAINS_ONLY -> "the subdomains of " + host + " (not " + host + " itself)" + on;
        };
    }
}
