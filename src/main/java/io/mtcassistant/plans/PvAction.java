package io.mtcassistant.plans;

import java.util.Locale;

/** What happens to a persistent volume: copied to new storage, moved (re-attached: NFS), or left out. */
public enum PvAction {
    COPY, MOVE, SKIP;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming the allowed values */
    public static PvAction parse(String text) {
        for (PvAction action : values()) {
            if (action.id().equals(text)) {
                return action;
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not an action: use copy, move or skip");
    }
}
