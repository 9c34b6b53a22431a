package io.mtcassistant.sim;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The simulation's answer to exec / attach / port-forward: with an {@code Upgrade} header (SPDY/3.1 as kubectl and the
 * MTC controller send it, or a websocket with the {@code v4.channel.k8s.io} subprotocol) it is 101 Switching
 * Protocols and then the end of the stream; without one it is what kube-apiserver says: 400 "Upgrade request
 * required". No command runs: a simulation of the handshake, which is what proxies break.
 */
final class ExecUpgrades {

    static final Pattern STREAM_PATH = Pattern.compile("/api/v1/namespaces/[^/]+/pods/[^/]+/(exec|attach|portforward)");
    private static final String WEBSOCKET_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    private ExecUpgrades() {
    }

    /** The request line and headers (names lower-cased), or null when the head is not an upgrade to a stream path. */
    static Map<String, String> upgradeRequest(String head) {
        String[] lines = head.split("\r\n");
        String[] requestLine = lines[0].split(" ");
        if (requestLine.length < 2) {
            return null;
        }
        String path = requestLine[1].contains("?") ? requestLine[1].substring(0, requestLine[1].indexOf('?'))
                : requestLine[1];
        if (!STREAM_PATH.matcher(path).matches()) {
            return null;
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
            }
        }
        return headers.containsKey("upgrade") ? headers : null;
    }

    /** The raw HTTP response for an upgrade request that passed authentication. */
    static byte[] switchingProtocols(Map<String, String> headers) {
        String upgrade = headers.get("upgrade");
        StringBuilder response = new StringBuilder("HTTP/1.1 101 Switching Protocols\r\nConnection: Upgrade\r\n");
        if (upgrade.equalsIgnoreCase("websocket")) {
            response.append("Upgrade: websocket\r\n").append("Sec-WebSocket-Accept: ")
                    .append(accept(headers.getOrDefault("sec-websocket-key", ""))).append("\r\n");
            String protocols = headers.getOrDefault("sec-websocket-protocol", "");
            if (protocols.contains("v4.channel.k8s.io")) {
                response.append("Sec-WebSocket-Protocol: v4.channel.k8s.io\r\n");
            }
        } else {
            response.append("Upgrade: ").append(upgrade).append("\r\n")
                    .append("X-Stream-Protocol-Version: v4.channel.k8s.io\r\n");
        }
        return response.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    static byte[] unauthorized() {
        String body = "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"message\":\"Unauthorized\","
                + "\"reason\":\"Unauthorized\",\"code\":401}";
        return ("HTTP/1.1 401 Unauthorized\r\nContent-Type: application/json\r\nContent-Length: " + body.length()
                + "\r\nConnection: close\r\n\r\n" + body).getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String accept(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest((key + WEBSOCKET_GUID).getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is missing from this Java runtime", e);
        }
    }
}
