package io.mtcassistant.network;

import java.util.ArrayList;
import java.util.List;

/** {@code src_supplemental_groups} / {@code target_supplemental_groups}: comma-separated numeric group IDs. */
public final class SupplementalGroups {

    private static final long MAX_GID = 4294967294L;

    private SupplementalGroups() {
    }

    /** The IDs in order; blank means none. */
    public static List<Long> parse(String field, String text) {
        List<Long> ids = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return ids;
        }
        String[] parts = text.split(",", -1);
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i].trim();
            if (part.isEmpty()) {
                throw new InvalidSettingException(field, "entry " + (i + 1) + " is empty (write 1000,2000)");
            }
            if (!part.matches("[0-9]{1,10}")) {
                throw new InvalidSettingException(field, "'" + part + "' is not a numeric group ID (write 1000,2000)");
            }
            long id = Long.parseLong(part);
            if (id > MAX_GID) {
                throw new InvalidSettingException(field, part + " is larger than the largest group ID " + MAX_GID);
            }
            if (ids.contains(id)) {
                throw new InvalidSettingException(field, part + " is listed twice");
            }
            ids.add(id);
        }
        return ids;
    }

    /** The canonical text the operator expects: {@code "1000,2000"}. */
    public static String format(List<Long> ids) {
        return String.join(",", ids.stream().map(String::valueOf).toList());
    }
}
