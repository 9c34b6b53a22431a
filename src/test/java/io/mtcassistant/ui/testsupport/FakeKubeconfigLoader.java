package io.mtcassistant.ui.testsupport;

import io.mtcassistant.cluster.ContextEntry;
import io.mtcassistant.cluster.KubeconfigException;
import io.mtcassistant.cluster.KubeconfigLoader;
import io.mtcassistant.cluster.KubeconfigSet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Kubeconfig "files" whose contexts the test declares; merges by first-wins on context names like kubectl. */
public final class FakeKubeconfigLoader implements KubeconfigLoader {

    private final Map<Path, List<ContextEntry>> contexts = new HashMap<>();
    private final Map<Path, String> broken = new HashMap<>();
    public final List<List<Path>> loads = new ArrayList<>();

    /** Declares a file with contexts named like the arguments; server https://NAME.example:6443, user NAME-admin. */
    public FakeKubeconfigLoader file(Path file, String... contextNames) {
        List<ContextEntry> entries = new ArrayList<>();
        for (String name : contextNames) {
            entries.add(new ContextEntry(name, file, name + "-cluster", "https://" + name + ".example:6443", name + "-admin", null));
        }
        contexts.put(file.toAbsolutePath().normalize(), entries);
        return this;
    }

    public FakeKubeconfigLoader broken(Path file, String problem) {
        broken.put(file.toAbsolutePath().normalize(), problem);
        return this;
    }

    @Override
    public KubeconfigSet load(List<Path> files) throws KubeconfigException {
        loads.add(List.copyOf(files));
        List<ContextEntry> merged = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Path file : files) {
            Path key = file.toAbsolutePath().normalize();
            if (broken.containsKey(key)) {
                throw new KubeconfigException(file, 3, broken.get(key));
            }
            for (ContextEntry entry : contexts.getOrDefault(key, List.of())) {
                if (seen.add(entry.name())) {
                    merged.add(entry);
                }
            }
        }
        return new Set_(List.copyOf(files), List.copyOf(merged));
    }

    private record Set_(List<Path> files, List<ContextEntry> contexts) implements KubeconfigSet {
        @Override
        public Optional<String> currentContext() {
            return Optional.empty();
        }
    }
}
