package io.mtcassistant.network;

/**
 * The answer to "is this address proxied?".
 *
 * @param target  the address asked about, as understood (host and port)
 * @param proxied true when the request goes through {@code proxy}
 * @param proxy   the proxy used (password masked), or null
 * @param rule    the no_proxy entry that decided, or null when no entry matched
 * @param why     one line that explains the answer
 */
public record ProxyDecision(String target, boolean proxied, String proxy, String rule, String why) {
}
