package io.mtcassistant.compat;

import java.util.Comparator;
import java.util.List;

/**
 * The Compatibility step's result: a verdict, one row per check, and the plan the later steps use.
 *
 * @param generatedAt ISO-8601 instant
 * @param dataSource  which compatibility data was used (the built-in table or the admin's override file)
 * @param verdict     the worst row decides
 * @param verdictText one sentence for the banner
 * @param checks      the rows: whole-migration checks first, then per cluster in the order source, target, remotes
 * @param decisions   the statements and decisions the report was computed with
 * @param plan        the resolved plan (parts still undecided are null)
 */
public record CompatibilityReport(
        String generatedAt,
        String dataSource,
        Verdict verdict,
        String verdictText,
        List<CheckResult> checks,
        MigrationDecisions decisions,
        MigrationPlan plan) {

    public CompatibilityReport {
        checks = checks == null ? List.of() : List.copyOf(checks);
    }

    /** The rows with this severity. */
    public List<CheckResult> checks(Severity severity) {
        return checks.stream().filter(c -> c.severity() == severity).toList();
    }

    /** The questions still open (rows that need a decision). */
    public List<DecisionRequest> openDecisions() {
        return checks.stream().filter(c -> c.decision() != null).map(CheckResult::decision).distinct().toList();
    }

    public List<CheckResult> checksFor(String context) {
        return checks.stream().filter(c -> context.equals(c.cluster())).toList();
    }

    public Severity worstSeverity() {
        return checks.stream().map(CheckResult::severity).max(Comparator.naturalOrder()).orElse(Severity.OK);
    }
}
