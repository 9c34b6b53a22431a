package io.mtcassistant.cluster;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Several kubeconfig files merged the way kubectl merges them (the first file wins for duplicate names). */
public interface KubeconfigSet {

    /** The files, in merge order. */
    List<Path> files();

    /** Every context of the merged view, in a stable order (file order, then the order inside the file). */
    List<ContextEntry> contexts();

    /** current-context of the first file that sets one. */
    Optional<String> currentContext();

    default Optional<ContextEntry> context(String name) {
        return contexts().stream().filter(c -> c.name().equals(name)).findFirst();
    }
}
