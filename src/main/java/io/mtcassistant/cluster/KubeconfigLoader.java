package io.mtcassistant.cluster;

import java.nio.file.Path;
import java.util.List;

/** Reads and merges kubeconfig files. */
public interface KubeconfigLoader {

    /**
     * @throws KubeconfigException for a missing or unreadable file or malformed YAML, naming the file (and line)
     */
    KubeconfigSet load(List<Path> files) throws KubeconfigException;
}
