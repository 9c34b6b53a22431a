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

    /** The syntax, for messages and help. */
    public static final String SYNTAX = "NAME=copy|move|skip[:METHOD[:STORAGECLASS[:ACCESSMODE[:verify]]]]";

    private static final java.util.List<String> ACCESS_MODES = java.util.List.of("ReadWriteOnce", "ReadWriteMany",
            "ReadOnlyMany", "ReadWriteOncePod");

    /**
     * "pvc-1=copy", "pvc-1=copy:snapshot", "pvc-1=copy:filesystem:gp3-csi", "pvc-2=skip", and the later parts an
     * older `--pv` did not have: "pvc-1=copy:filesystem:cephfs:ReadWriteMany:verify", "pvc-1=copy::::verify" (an
     * empty part keeps the default; "no-verify" turns verification off).
     *
     * @throws IllegalArgumentException with the problem in words
     */
    public static PvChoice parse(String text) {
        int equals = text == null ? -1 : text.indexOf('=');
        if (equals <= 0) {
            throw new IllegalArgumentException("'" + text + "' must be " + SYNTAX);
        }
        String[] parts = text.substring(equals + 1).split(":", -1);
        if (parts.length > 5) {
            throw new IllegalArgumentException("'" + text + "' has too many ':' parts (" + SYNTAX + ")");
        }
        PvAction action = PvAction.parse(parts[0]);
        CopyMethod method = part(parts, 1) != null ? CopyMethod.parse(parts[1]) : null;
        String storageClass = part(parts, 2);
        String accessMode = part(parts, 3);
        if (accessMode != null && !ACCESS_MODES.contains(accessMode)) {
            throw new IllegalArgumentException("'" + text + "': '" + accessMode + "' is not an access mode: use "
                    + String.join(", ", ACCESS_MODES));
        }
        Boolean verify = switch (part(parts, 4) == null ? "" : parts[4]) {
            case "" -> null;
            case "verify" -> true;
            case "no-verify" -> false;
            default -> throw new IllegalArgumentException("'" + text + "': the last part is verify or no-verify, not '"
                    + parts[4] + "'");
        };
        if (action != PvAction.COPY && (method != null || storageClass != null || accessMode != null
                || verify != null)) {
            throw new IllegalArgumentException("'" + text + "': a copy method, storage class, access mode and verify "
                    + "go with copy only");
        }
        if (Boolean.TRUE.equals(verify) && method == CopyMethod.SNAPSHOT) {
            throw new IllegalArgumentException("'" + text + "': verify checks filesystem copies, not snapshots");
        }
        return new PvChoice(text.substring(0, equals), action, method, storageClass, accessMode, verify);
    }

    private static String part(String[] parts, int index) {
        return parts.length > index && !parts[index].isEmpty() ? parts[index] : null;
    }
}
