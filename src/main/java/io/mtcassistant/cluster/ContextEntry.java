package io.mtcassistant.cluster;

import java.nio.file.Path;

/**
 * One kubeconfig context after merging, with where it came from.
 *
 * @param name        context name
 * @param file        the kubeconfig file that defined this context (first file wins on duplicates)
 * @param clusterName name of the cluster entry the context points at
 * @param server      API server URL of that cluster entry (null when the cluster entry is missing)
 * @param user        name of the user entry (null when the context names no user)
 * @param namespace   default namespace of the context (may be null)
 */
public record ContextEntry(String name, Path file, String clusterName, String server, String user, String namespace) {
}
