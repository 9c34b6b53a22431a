package io.mtcassistant.plans;

import java.util.Objects;

/**
 * The admin's choice for one persistent volume (by PV name). Null fields keep what the controller or the defaults
 * say ({@link PvSelections}).
 */
public record PvChoice(String pvName, PvAction action, CopyMethod copyMethod, String storageClass, String accessMode,
        Boolean verify) {

    public PvChoice {
        Objects.requireNonNull(pvName, "pvName");
        Objects.requireNonNull(action, "action");
    }

    /**
     * "pvc-1=copy", "pvc-1=copy:snapshot", "pvc-1=copy:filesystem:gp3-csi", "pvc-2=skip".
     *
     * @throws IllegalArgumentException with the problem in words
     */
    public static PvChoice parse(String text) {
        int equals = text == null ? -1 : text.indexOf('=');
        if (equals <= 0) {
            throw new IllegalArgumentException("'" + text + "' must be NAME=copy|move|skip[:METHOD[:STORAGECLASS]]");
        }
        String[] parts = text.substring(equals + 1).split(":", -1);
        if (parts.length > 3) {
            throw new IllegalArgumentException("'" + text + "' has too many ':' parts");
        }
        PvAction action = PvAction.parse(parts[0]);
        CopyMethod method = parts.length > 1 && !parts[1].isEmpty() ? CopyMethod.parse(parts[1]) : null;
        String storageClass = parts.length > 2 && !parts[2].isEmpty() ? parts[2] : null;
        if (action != PvAction.COPY && (method != null || storageClass != null)) {
            throw new IllegalArgumentException("'" + text + "': a copy method and storage class go with copy only");
        }
        return new PvChoice(text.substring(0, equals), action, method, storageClass, null, null);
    }
}
