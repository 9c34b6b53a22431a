package io.mtcassistant.compat;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * An OpenShift (or Kubernetes) minor release, major.minor only: the compatibility table's columns are ranges of these.
 * A cluster's full release number (patch, display text, platform class) is {@link io.mtcassistant.cluster.OpenShiftVersion}.
 */
public record OpenShiftVersion(int major, int minor) implements Comparable<OpenShiftVersion> {

    /**
     * Reads the major.minor of a release as clusters report it ("4.12", "4.12.3", "v3.11.0+d4cacc0", "3.11+"), with the
     * cluster package's release parser; empty when the text does not start with major.minor.
     */
    public static Optional<OpenShiftVersion> parse(String text) {
        return io.mtcassistant.cluster.OpenShiftVersion.parse(text).map(release -> new OpenShiftVersion(release.major(),
                release.minor()));
    }

    public static OpenShiftVersion of(String text) {
        return parse(text).orElseThrow(() -> new IllegalArgumentException("not a major.minor version: " + text));
    }

    // A YAML number would lose the minor ("4.10" unquoted is 4.1), so only quoted text is accepted.
    @JsonCreator
    static OpenShiftVersion fromJson(JsonNode node) {
        if (node == null || !node.isTextual()) {
            throw new IllegalArgumentException("write versions in quotes, like \"4.10\" (unquoted 4.10 is the number 4.1); found "
                    + node);
        }
        String text = node.asText().trim();
        if (!text.matches("\\d+\\.\\d+")) {
            throw new IllegalArgumentException("expected a major.minor version like \"4.10\", found \"" + text + "\"");
        }
        return of(text);
    }

    public boolean isBefore(OpenShiftVersion other) {
        return compareTo(other) < 0;
    }

    public boolean isAtLeast(OpenShiftVersion other) {
        return compareTo(other) >= 0;
    }

    @Override
    public int compareTo(OpenShiftVersion other) {
        return major != other.major ? Integer.compare(major, other.major) : Integer.compare(minor, other.minor);
    }

    @JsonValue
    @Override
    public String toString() {
        return major + "." + minor;
    }
}
