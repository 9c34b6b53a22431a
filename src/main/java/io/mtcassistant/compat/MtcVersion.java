package io.mtcassistant.compat;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An MTC release line (major.minor, "1.7"); installed versions like "1.7.14" belong to one line. */
public record MtcVersion(int major, int minor) implements Comparable<MtcVersion> {

    private static final Pattern MAJOR_MINOR = Pattern.compile("(\\d+)\\.(\\d+)");

    /** Reads "1.7", "1.7.14", "v1.8.8", "mtc-operator.v1.8.8"; empty without a major.minor. */
    public static Optional<MtcVersion> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher matcher = MAJOR_MINOR.matcher(text);
        if (!matcher.find()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new MtcVersion(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    public static MtcVersion of(String text) {
        return parse(text).orElseThrow(() -> new IllegalArgumentException("not an MTC version: " + text));
    }

    @JsonCreator
    static MtcVersion fromJson(JsonNode node) {
        if (node == null || !node.isTextual()) {
            throw new IllegalArgumentException("write MTC versions in quotes, like \"1.8\"; found " + node);
        }
        String text = node.asText().trim();
        if (!text.matches("\\d+\\.\\d+")) {
            throw new IllegalArgumentException("expected an MTC version like \"1.8\", found \"" + text + "\"");
        }
        return of(text);
    }

    @Override
    public int compareTo(MtcVersion other) {
        return major != other.major ? Integer.compare(major, other.major) : Integer.compare(minor, other.minor);
    }

    @JsonValue
    @Override
    public String toString() {
        return major + "." + minor;
    }
}
