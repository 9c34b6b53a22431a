package io.mtcassistant.settings;

/**
 * A role the user gave a context, remembered by context name and the kubeconfig file that defines it (the same name in
 * another file is another cluster, as far as the app can tell).
 *
 * @param context the context name
 * @param file    the kubeconfig file, absolute
 * @param role    the ClusterRole's name (SOURCE, TARGET, REMOTE)
 */
public record RememberedRole(String context, String file, String role) {
}
