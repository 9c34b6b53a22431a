package io.mtcassistant.install.plan;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mtcassistant.common.XdgDirs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rollout baselines an apply read before it first changed the cluster, kept on disk until their waits pass. An
 * apply that was stopped during a rollout wait (the app closed, the machine rebooted) finds the objects it created
 * already there, so without these it would wait as if it had changed nothing, and pass on the pool's Updated=True
 * from before the change while the new config is still being rendered.
 * One small JSON file per API server, cluster name and plan title under $XDG_STATE_HOME/mtc-assistant/rollout-baselines.
 */
public final class RolloutBaselines {

    private static final Logger LOG = LoggerFactory.getLogger(RolloutBaselines.class);
    private static final TypeReference<LinkedHashMap<String, String>> MAP = new TypeReference<>() { };

    private final Path directory;

    public RolloutBaselines(Path directory) {
        this.directory = directory;
    }

    public static RolloutBaselines inStateDirectory() {
        return new RolloutBaselines(XdgDirs.system().state().resolve("rollout-baselines"));
    }

    /** Which value a wait's baseline is: its object and the path that moves on a rollout. */
    static String key(ChangeAction wait) {
        return wait.target() + " " + wait.condition().baselinePath();
    }

    /** The baselines kept for this plan; empty when none (or the file cannot be read: the wait is then a plain one). */
    public Map<String, String> load(String server, ChangePlan plan) {
        Path file = file(server, plan);
        if (!Files.isRegularFile(file)) {
            return new LinkedHashMap<>();
        }
        try {
            return new ObjectMapper().readValue(file.toFile(), MAP);
        } catch (IOException e) {
            LOG.warn("{}: rollout baselines not read, the waits go without them: {}", file, e.getMessage());
            return new LinkedHashMap<>();
        }
    }

    /** Keeps these baselines for the plan, or forgets the plan's file when there are none left. */
    public void save(String server, ChangePlan plan, Map<String, String> baselines) {
        Path file = file(server, plan);
        try {
            if (baselines.isEmpty()) {
                Files.deleteIfExists(file);
                return;
            }
            Files.createDirectories(directory);
            Path temporary = Files.createTempFile(directory, ".baselines", ".tmp");
            Files.write(temporary, new ObjectMapper().writeValueAsBytes(baselines));
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // losing them only matters if this apply is stopped during its rollout wait
            LOG.warn("{}: rollout baselines not kept: {}", file, e.getMessage());
        }
    }

    private Path file(String server, ChangePlan plan) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((server + "\n" + plan.cluster() + "\n" + plan.title()).getBytes(StandardCharsets.UTF_8));
            return directory.resolve(HexFormat.of().formatHex(digest, 0, 16) + ".json");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
