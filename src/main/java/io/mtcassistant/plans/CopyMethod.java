package io.mtcassistant.plans;

import java.util.Locale;

/** How a copied volume's data travels: file by file (restic or rsync) or as a storage snapshot (Velero). */
public enum CopyMethod {
    FILESYSTEM, SNAPSHOT;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming the allowed values */
    public static CopyMethod parse(String text) {
        for (CopyMethod method : values()) {
            if (method.id().equals(text)) {
                return method;
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not a copy method: use filesystem or snapshot");
    }
}
