package io.mtcassistant.network;

/**
 * What one exec upgrade got back.
 *
 * @param protocol   SPDY or websocket
 * @param path       how the connection went ("direct", "through proxy http://p:3128")
 * @param status     the HTTP status code, or -1 when there was no answer
 * @param statusLine the first line of the answer, or the connection error
 * @param passed     true for 101 Switching Protocols
 * @param message    what it means
 * @param fix        what to do; "" when passed
 */
public record UpgradeResult(UpgradeProtocol protocol, String path, int status, String statusLine, boolean passed,
        String message, String fix) {
}
