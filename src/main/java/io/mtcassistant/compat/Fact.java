package io.mtcassistant.compat;

/**
 * One fact a check used, with where it came from so the admin can verify it.
 *
 * @param name   "OpenShift version"
 * @param value  "4.12.3"
 * @param source "ClusterVersion version", "GET /version", "Table 7.1", "your statement"
 */
public record Fact(String name, String value, String source) {

    public static Fact of(String name, Object value, String source) {
        return new Fact(name, value == null ? "(none)" : String.valueOf(value), source);
    }
}
