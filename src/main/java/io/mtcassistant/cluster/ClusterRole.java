package io.mtcassistant.cluster;

/** The part a cluster plays in a migration: exactly one source, one target, any number of extra remotes. */
public enum ClusterRole {
    SOURCE("source"),
    TARGET("target"),
    REMOTE("extra remote");

    private final String label;

    ClusterRole(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
