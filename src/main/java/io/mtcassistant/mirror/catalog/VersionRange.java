package io.mtcassistant.mirror.catalog;

import io.mtcassistant.mirror.MirrorException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * An OLM versionRange as bundles declare it in olm.package.required ({@code >=1.2.3 <1.6.0},
 * {@code >=1.0.0 <1.1.0 || >=1.2.0}): space means and, {@code ||} means or.
 */
public final class VersionRange {

    private final String text;
    private final List<List<Predicate<SemVer>>> alternatives;

    private VersionRange(String text, List<List<Predicate<SemVer>>> alternatives) {
        this.text = text;
        this.alternatives = alternatives;
    }

    public static VersionRange parse(String text) {
        if (text == null || text.isBlank()) {
            return new VersionRange("", List.of(List.of()));
        }
        List<List<Predicate<SemVer>>> alternatives = new ArrayList<>();
        for (String alternative : text.split("\\|\\|")) {
            List<Predicate<SemVer>> all = new ArrayList<>();
            String normalized = alternative.trim().replaceAll("(>=|<=|!=|==|>|<|=)\\s+", "$1");
            for (String part : normalized.split("\\s+")) {
                if (!part.isEmpty()) {
                    all.add(condition(part, text));
                }
            }
            alternatives.add(all);
        }
        return new VersionRange(text, alternatives);
    }

    private static Predicate<SemVer> condition(String part, String whole) {
        String op = part.replaceAll("^(>=|<=|!=|==|>|<|=)?.*$", "$1");
        String version = part.substring(op.length());
        SemVer v = SemVer.parse(version).orElseThrow(() -> MirrorException.badInput(
                "version range '" + whole + "' has an invalid version '" + version + "'"));
        return switch (op) {
            case ">=" -> x -> x.compareTo(v) >= 0;
            case "<=" -> x -> x.compareTo(v) <= 0;
            case ">" -> x -> x.compareTo(v) > 0;
            case "<" -> x -> x.compareTo(v) < 0;
            case "!=" -> x -> x.compareTo(v) != 0;
            default -> x -> x.compareTo(v) == 0;
        };
    }

    public boolean contains(SemVer version) {
        return alternatives.stream().anyMatch(all -> all.stream().allMatch(p -> p.test(version)));
    }

    @Override
    public String toString() {
        return text;
    }
}
