package io.mtcassistant.install.plan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Writes a plan as numbered manifests plus {@code apply.sh}, which does the same as Apply with {@code oc} commands
 * ({@code KUBECTL=kubectl ./apply.sh} works too), for change review. The folder appears whole or not at all: it is
 * written beside the target and renamed.
 */
public final class ChangePlanExporter {

    public static final String SCRIPT = "apply.sh";

    private ChangePlanExporter() {
    }

    /** Writes into {@code dir}, which must not exist or be empty; returns the files written, script last. */
    public static List<Path> export(ChangePlan plan, Path dir) {
        try {
            if (Files.isDirectory(dir)) {
                try (Stream<Path> entries = Files.list(dir)) {
                    if (entries.findAny().isPresent()) {
                        throw new IllegalArgumentException(dir + ": the folder is not empty; choose a new or empty folder");
                    }
                }
                Files.delete(dir);
            } else if (Files.exists(dir)) {
                throw new IllegalArgumentException(dir + ": exists and is not a folder");
            }
            Path parent = dir.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path staging = Files.createTempDirectory(parent, "." + dir.getFileName() + ".");
            try {
                StringBuilder script = new StringBuilder(header(plan));
                StringBuilder baselines = new StringBuilder();
                for (int i = 0; i < plan.actions().size(); i++) {
                    String line = ShellCommands.baseline(plan.actions().get(i), i + 1);
                    if (!line.isEmpty()) {
                        baselines.append(line).append('\n');
                    }
                }
                if (!baselines.isEmpty()) {
                    script.append("\n# before any change: what the rollout waits compare against\n").append(baselines)
                            .append("if [ -f \"$kept\" ]; then . \"./$kept\"; changed=1; echo \"a stopped run changed the "
                                    + "cluster: the rollout waits compare against what it read before ($kept)\"; fi\n");
                }
                int number = 1;
                for (ChangeAction action : plan.actions()) {
                    String file = null;
                    if (action.object() != null) {
                        file = fileName(number, action);
                        Object content = action.kind() == ActionKind.MERGE_PATCH
                                ? ChangePlanApplier.patchBody(action.object()) : action.object();
                        Files.writeString(staging.resolve(file), KubeObjects.yaml(content));
                    }
                    script.append('\n').append("step ").append(quote(String.format("%02d %s", number, action.title())))
                            .append('\n').append("# ").append(action.reason().replace('\n', ' ')).append('\n')
                            .append(ShellCommands.command(action, file, number)).append('\n');
                    number++;
                }
                script.append("\nrm -f \"$kept\"\necho \"== all ").append(plan.actions().size()).append(" steps done\"\n");
                Path scriptFile = staging.resolve(SCRIPT);
                Files.writeString(scriptFile, script.toString());
                try {
                    Files.setPosixFilePermissions(scriptFile, PosixFilePermissions.fromString("rwxr-xr-x"));
                } catch (UnsupportedOperationException ignored) {
                    // not a POSIX file system: the reviewer runs "sh apply.sh"
                }
                Files.move(staging, dir, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException | RuntimeException e) {
                deleteTree(staging);
                throw e;
            }
            try (Stream<Path> files = Files.list(dir)) {
                return files.sorted(Comparator.comparing(p -> p.getFileName().toString().equals(SCRIPT) ? "~" : p.getFileName().toString()))
                        .toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(dir + ": cannot write the exported plan: " + e.getMessage(), e);
        }
    }

    static String fileName(int number, ChangeAction action) {
        String name = action.target().name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.-]+", "-");
        return String.format("%02d-%s-%s-%s.yaml", number, action.kind().id(),
                action.target().kind().toLowerCase(Locale.ROOT), name);
    }

    private static String header(ChangePlan plan) {
        StringBuilder s = new StringBuilder();
        s.append("#!/bin/sh\n");
        s.append("# ").append(plan.title()).append(" on cluster ").append(plan.cluster()).append('\n');
        s.append("# Written by MTC Assistant for change review; it does what the app's Apply does, step by step.\n");
        s.append("# Run it against the right cluster: oc config use-context ").append(plan.cluster()).append('\n');
        s.append("# With kubectl instead of oc: KUBECTL=kubectl ./apply.sh\n");
        for (String note : plan.notes()) {
            s.append("# NOTE: ").append(note.replace('\n', ' ')).append('\n');
        }
        s.append(ShellCommands.FUNCTIONS);
        return s.toString();
    }

    static String quote(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }

    private static void deleteTree(Path dir) {
        // best effort: a leftover hidden staging folder is harmless
        io.mtcassistant.common.FileTrees.delete(dir);
    }
}
