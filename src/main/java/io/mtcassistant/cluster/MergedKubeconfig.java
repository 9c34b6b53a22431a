package io.mtcassistant.cluster;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The merged view of several kubeconfig files (first file wins for a name, like kubectl). */
record MergedKubeconfig(List<Path> files, List<ContextEntry> contexts, String current) implements KubeconfigSet {

    MergedKubeconfig {
        files = List.copyOf(files);
        contexts = List.copyOf(contexts);
    }

    @Override
    public Optional<String> currentContext() {
        return Optional.ofNullable(current);
    }
}
