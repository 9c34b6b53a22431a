package io.mtcassistant.monitor;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Per-PVC direct volume progress from DirectVolumeMigrationProgress objects, grouped by their MigMigration. */
final class VolumeProgresses {

    private static final Pattern RATE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([kKMGT]?i?B)/s");
    private static final Pattern PVC_PREFIX = Pattern.compile("^\\[[^]]*]\\s*");
    private static final Pattern FIRST_WORD_END = Pattern.compile("[ ,]");

    private VolumeProgresses() {
    }

    static Map<String, List<VolumeProgress>> from(List<JsonNode> progresses, Map<String, String> dvmToMigration) {
        Map<String, List<VolumeProgress>> byMigration = new LinkedHashMap<>();
        for (JsonNode dvmp : progresses) {
            String migration = MonitorModel.ownerName(dvmp, "MigMigration");
            if (migration == null) {
                String dvm = MonitorModel.ownerName(dvmp, "DirectVolumeMigration");
                migration = dvm == null ? null : dvmToMigration.get(dvm);
            }
            if (migration == null) {
                continue;
            }
            JsonNode status = dvmp.path("status");
            String rate = Json.text(status, "lastObservedTransferRate");
            String percentText = Json.text(status, "totalProgressPercentage");
            if (percentText == null) {
                percentText = Json.text(status, "lastObservedProgressPercent");
            }
            byMigration.computeIfAbsent(migration, k -> new ArrayList<>()).add(new VolumeProgress(pvcOf(dvmp),
                    firstNonNull(Json.text(status, "podName"), Json.text(dvmp.path("spec").path("podRef"), "name")),
                    Json.text(status, "phase"), percent(percentText), rate, bytesPerSecond(rate),
                    firstNonNull(Json.text(status, "rsyncElapsedTime"), Json.text(status, "containerElapsedTime")),
                    migration));
        }
        return byMigration;
    }

    /** From the DirectVolume step's pod lines, when no DVMP object is visible (a file, or no rights on them). */
    static List<VolumeProgress> fromLines(String migration, List<StepView> steps) {
        List<VolumeProgress> volumes = new ArrayList<>();
        for (StepView step : steps) {
            for (ProgressLine line : step.progress()) {
                if (line.pvc() != null) {
                    String pod = line.resource() == null ? null : PVC_PREFIX.matcher(line.resource()).replaceFirst("");
                    String phase = line.message() == null ? null : FIRST_WORD_END.split(line.message(), 2)[0];
                    volumes.add(new VolumeProgress(line.pvc(), pod, phase, line.percent(), line.transferRate(),
                            bytesPerSecond(line.transferRate()), line.duration(), migration));
                }
            }
        }
        return volumes;
    }

    private static String pvcOf(JsonNode dvmp) {
        for (JsonNode labels : List.of(dvmp.path("spec").path("podSelector"), dvmp.path("metadata").path("labels"))) {
            Iterator<Map.Entry<String, JsonNode>> fields = labels.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (field.getKey().toLowerCase(Locale.ROOT).contains("pvc")) {
                    return field.getValue().asText();
                }
            }
        }
        return dvmp.path("metadata").path("name").asText();
    }

    private static Double percent(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Double.parseDouble(text.replace("%", "").strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** "30MB/s", "66.13MB/s", "1.2GiB/s" in bytes per second (rsync prints decimal units). */
    static Double bytesPerSecond(String rate) {
        if (rate == null) {
            return null;
        }
        Matcher matcher = RATE.matcher(rate);
        if (!matcher.find()) {
            return null;
        }
        double value = Double.parseDouble(matcher.group(1));
        String unit = matcher.group(2).toUpperCase(Locale.ROOT);
        boolean binary = unit.contains("I");
        double base = binary ? 1024 : 1000;
        int power = switch (unit.charAt(0)) {
            case 'K' -> 1;
            case 'M' -> 2;
            case 'G' -> 3;
            case 'T' -> 4;
            default -> 0;
        };
        return value * Math.pow(base, power);
    }

    private static String firstNonNull(String a, String b) {
        return a != null ? a : b;
    }
}
