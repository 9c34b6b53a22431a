package io.mtcassistant.compat;

import com.fasterxml.jackson.annotation.JsonValue;

/** How MTC gets onto a cluster, per the table's "Installation" row. */
public enum InstallMethod {
    /** The legacy operator, installed manually from operator.yml (no OLM). */
    LEGACY_OPERATOR("legacy-operator", "legacy operator from operator.yml"),
    /** The modern operator through Operator Lifecycle Manager, on a release channel. */
    OLM("olm", "OLM");

    private final String id;
    private final String label;

    InstallMethod(String id, String label) {
        this.id = id;
        this.label = label;
    }

    @JsonValue
    public String id() {
        return id;
    }

    public String label() {
        return label;
    }
}
