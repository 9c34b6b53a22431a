package io.mtcassistant.network;

/**
 * An entry the migration needs in {@code no_proxy}, and why.
 *
 * @param entry  what to add
 * @param why    one line: what would go through the proxy otherwise
 * @param missing true when the current no_proxy does not cover it yet
 */
public record NoProxySuggestion(String entry, String why, boolean missing) {
}
