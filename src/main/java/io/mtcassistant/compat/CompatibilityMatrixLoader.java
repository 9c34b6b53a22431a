package io.mtcassistant.compat;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.mtcassistant.common.XdgDirs;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the compatibility data: the admin's override {@code <config>/compatibility.yaml} when it exists,
 * otherwise the built-in resource. The override replaces the built-in data completely, and a malformed
 * override is an error (never a silent fallback), so the admin knows which table the verdict used.
 */
public final class CompatibilityMatrixLoader {

    public static final String FILE_NAME = "compatibility.yaml";
    static final String RESOURCE = "/io/mtcassistant/compat/" + FILE_NAME;
    static final String BUILT_IN = "built-in compatibility data (" + RESOURCE + ")";
    static final int SCHEMA_VERSION = 1;

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** The data and where it came from. */
    public record Loaded(CompatibilityMatrix matrix, String origin, boolean override) {
    }

    private CompatibilityMatrixLoader() {
    }

    public static Path overrideFile(XdgDirs dirs) {
        return dirs.config().resolve(FILE_NAME);
    }

    /** The override in the config folder when present, else the built-in data. */
    public static Loaded load(XdgDirs dirs) throws CompatibilityDataException {
        Path override = overrideFile(dirs);
        if (Files.exists(override)) {
            return new Loaded(read(override), override.toString(), true);
        }
        return new Loaded(builtIn(), BUILT_IN, false);
    }

    public static CompatibilityMatrix builtIn() throws CompatibilityDataException {
        try (InputStream in = CompatibilityMatrixLoader.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new CompatibilityDataException(BUILT_IN, null, "missing from the application", null);
            }
            return parse(in, BUILT_IN);
        } catch (IOException e) {
            throw new CompatibilityDataException(BUILT_IN, null, "cannot be read: " + e.getMessage(), e);
        }
    }

    public static CompatibilityMatrix read(Path file) throws CompatibilityDataException {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in, file.toString());
        } catch (IOException e) {
            throw new CompatibilityDataException(file.toString(), null, "cannot be read: " + e.getMessage(), e);
        }
    }

    static CompatibilityMatrix parse(InputStream in, String name) throws CompatibilityDataException {
        CompatibilityMatrix matrix;
        try {
            matrix = YAML.readValue(in, CompatibilityMatrix.class);
        } catch (JsonProcessingException e) {
            JsonLocation location = e.getLocation();
            Integer line = location == null || location.getLineNr() < 1 ? null : location.getLineNr();
            throw new CompatibilityDataException(name, line, "malformed compatibility data: " + rootMessage(e), e);
        } catch (IOException e) {
            throw new CompatibilityDataException(name, null, "cannot be read: " + e.getMessage(), e);
        }
        if (matrix == null) {
            throw new CompatibilityDataException(name, null, "the file is empty", null);
        }
        List<String> problems = validate(matrix);
        if (!problems.isEmpty()) {
            throw new CompatibilityDataException(name, null, String.join("; ", problems), null);
        }
        return matrix;
    }

    private static String rootMessage(JsonProcessingException e) {
        Throwable cause = e.getCause();
        while (cause != null && cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        if (cause instanceof IllegalArgumentException && cause.getMessage() != null) {
            return cause.getMessage();
        }
        String message = e.getOriginalMessage();
        // Jackson appends Java class details after the first line; the admin needs the first sentence only.
        int cut = message.indexOf("\n");
        return cut > 0 ? message.substring(0, cut) : message;
    }

    /** Everything the checks rely on; each problem names the entry. */
    static List<String> validate(CompatibilityMatrix matrix) {
        List<String> problems = new java.util.ArrayList<>();
        if (matrix.schemaVersion() != SCHEMA_VERSION) {
            problems.add("schemaVersion must be " + SCHEMA_VERSION + ", found " + matrix.schemaVersion());
        }
        if (matrix.rules() == null || blank(matrix.rules().sameVersion()) || blank(matrix.rules().controlCluster())
                || blank(matrix.rules().edgeCase()) || blank(matrix.rules().tunnelApi())) {
            problems.add("rules needs sameVersion, controlCluster, edgeCase and tunnelApi");
        }
        if (matrix.mtcReleases().isEmpty()) {
            problems.add("mtcReleases is empty");
        }
        Set<MtcVersion> releases = new HashSet<>();
        for (MtcRelease release : matrix.mtcReleases()) {
            if (release.version() == null || blank(release.label()) || blank(release.supportStatement())) {
                problems.add("every mtcReleases entry needs version, label and supportStatement");
            } else if (!releases.add(release.version())) {
                problems.add("mtcReleases lists " + release.version() + " twice");
            }
        }
        if (matrix.platforms().isEmpty()) {
            problems.add("platforms is empty");
        }
        Set<String> ids = new HashSet<>();
        for (PlatformColumn column : matrix.platforms()) {
            String id = blank(column.id()) ? "(platform without id)" : column.id();
            if (!ids.add(id)) {
                problems.add("platform " + id + " appears twice");
            }
            if (blank(column.label()) || column.from() == null || column.stableMtc() == null) {
                problems.add("platform " + id + " needs label, from and stableMtc");
                continue;
            }
            if (!"legacy".equals(column.platformClassName()) && !"modern".equals(column.platformClassName())) {
                problems.add("platform " + id + ": platformClass must be legacy or modern, found " + column.platformClassName());
            }
            if (column.to() != null && column.to().isBefore(column.from())) {
                problems.add("platform " + id + ": to " + column.to() + " is before from " + column.from());
            }
            if (!releases.contains(column.stableMtc())) {
                problems.add("platform " + id + ": stableMtc " + column.stableMtc() + " is not in mtcReleases");
            }
            if (column.installFor(column.stableMtc()).isEmpty()) {
                problems.add("platform " + id + ": no install entry for its stableMtc " + column.stableMtc());
            }
            for (InstallOption option : column.install()) {
                if (option.mtc() == null || option.method() == null || blank(option.text())) {
                    problems.add("platform " + id + ": every install entry needs mtc, method and text");
                } else if (!releases.contains(option.mtc())) {
                    problems.add("platform " + id + ": install mtc " + option.mtc() + " is not in mtcReleases");
                } else if (option.method() == InstallMethod.OLM && blank(option.channel())) {
                    problems.add("platform " + id + ": OLM install of " + option.mtc() + " needs a channel");
                }
            }
        }
        List<PlatformColumn> columns = matrix.platforms().stream().filter(c -> c.from() != null).toList();
        for (int i = 0; i < columns.size(); i++) {
            for (int j = i + 1; j < columns.size(); j++) {
                if (overlap(columns.get(i), columns.get(j))) {
                    problems.add("platforms " + columns.get(i).id() + " and " + columns.get(j).id() + " overlap");
                }
            }
        }
        TunnelApiData tunnel = matrix.tunnelApi();
        if (tunnel == null || blank(tunnel.command()) || !tunnel.command().contains("{unreachable}")
                || !tunnel.command().contains("{control}") || blank(tunnel.imageOptions()) || blank(tunnel.openvpnImage())) {
            problems.add("tunnelApi needs command (with {unreachable} and {control}), imageOptions and openvpnImage");
        }
        if (matrix.mirrorPolicy() == null || matrix.mirrorPolicy().idmsFrom() == null) {
            problems.add("mirrorPolicy.idmsFrom is missing");
        }
        return problems;
    }

    private static boolean overlap(PlatformColumn a, PlatformColumn b) {
        boolean aEndsBeforeB = a.to() != null && a.to().isBefore(b.from());
        boolean bEndsBeforeA = b.to() != null && b.to().isBefore(a.from());
        return !aEndsBeforeB && !bEndsBeforeA;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
