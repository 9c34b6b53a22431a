package io.mtcassistant.storage;

/** Whether a plan carries the real keys (to apply) or placeholders (to show, review and export). */
public enum KeyValues {
    /** The keys themselves: only for applying, or an export the admin explicitly asked to hold them. */
    REAL,
    /** Placeholders the admin fills in before applying an exported plan. */
    PLACEHOLDERS;

    public static final String ACCESS_KEY_PLACEHOLDER = "REPLACE-WITH-ACCESS-KEY-ID";
    public static final String SECRET_KEY_PLACEHOLDER = "REPLACE-WITH-SECRET-ACCESS-KEY";
}
