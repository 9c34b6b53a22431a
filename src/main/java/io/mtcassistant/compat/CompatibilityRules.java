package io.mtcassistant.compat;

/** The procedure's sentences the checks quote when they explain themselves. */
public record CompatibilityRules(String sameVersion, String controlCluster, String edgeCase, String tunnelApi) {
}
