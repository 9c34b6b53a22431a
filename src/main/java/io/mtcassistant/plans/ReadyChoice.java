package io.mtcassistant.plans;

/**
 * A MigCluster or MigStorage a plan could use: offered only when Ready; otherwise {@code why} says what its
 * conditions say.
 *
 * @param registryPath for a MigCluster: its exposed registry route (needed for direct image migration), or null
 */
public record ReadyChoice(String name, boolean ready, String why, String registryPath) {

    public static ReadyChoice ready(String name, String registryPath) {
        return new ReadyChoice(name, true, "Ready", registryPath);
    }
}
