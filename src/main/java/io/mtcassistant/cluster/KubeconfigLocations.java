package io.mtcassistant.cluster;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Where kubeconfig files are found when the user names none: the KUBECONFIG list, else ~/.kube/config. */
public final class KubeconfigLocations {

    private KubeconfigLocations() {
    }

    /** The defaults for this process (its environment and user.home). */
    public static List<Path> defaults() {
        return defaults(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    /**
     * Like kubectl: when KUBECONFIG is set and not empty, its entries that exist (in order, without repeats);
     * otherwise ~/.kube/config when it exists. Missing files are left out because kubectl skips them too.
     */
    public static List<Path> defaults(Map<String, String> env, Path home) {
        String list = env.get("KUBECONFIG");
        if (list != null && !list.isBlank()) {
            List<Path> existing = new ArrayList<>();
            for (Path path : parseList(list)) {
                if (Files.isRegularFile(path)) {
                    existing.add(path);
                }
            }
            return existing;
        }
        Path fallback = home.resolve(".kube").resolve("config");
        return Files.isRegularFile(fallback) ? List.of(fallback) : List.of();
    }

    /** Splits a KUBECONFIG-style list (":" on Linux, ";" on Windows), dropping empty entries and repeats. */
    public static List<Path> parseList(String list) {
        Set<Path> paths = new LinkedHashSet<>();
        for (String entry : list.split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                paths.add(Path.of(entry.trim()));
            }
        }
        return List.copyOf(paths);
    }
}
