package io.mtcassistant.settings;

import io.mtcassistant.common.AtomicFiles;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.mtcassistant.common.XdgDirs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Settings as a JSON file, by default $XDG_CONFIG_HOME/mtc-assistant/settings.json. */
public final class JsonSettingsStore implements SettingsStore {

    public static final String FILE_NAME = "settings.json";

    private static final Logger LOG = LoggerFactory.getLogger(JsonSettingsStore.class);

    private final Path file;
    private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public JsonSettingsStore(Path file) {
        this.file = file;
    }

    public static JsonSettingsStore inConfigDir(XdgDirs dirs) {
        return new JsonSettingsStore(dirs.config().resolve(FILE_NAME));
    }

    public Path file() {
        return file;
    }

    @Override
    public Settings load() {
        try {
            Settings settings = mapper.readValue(Files.readAllBytes(file), Settings.class);
            return settings == null ? Settings.defaults() : settings;
        } catch (NoSuchFileException e) {
            return Settings.defaults();
        } catch (IOException e) {
            // A damaged settings file must not keep the app from starting; the next save replaces it.
            LOG.warn("Ignoring unreadable settings file {}: {}", file, e.getMessage());
            return Settings.defaults();
        }
    }

    @Override
    public void save(Settings settings) throws SettingsException {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            AtomicFiles.write(file, mapper.writeValueAsBytes(settings), false);
        } catch (IOException e) {
            throw new SettingsException(file, "cannot save settings: " + e.getMessage(), e);
        }
    }
}
