package io.mtcassistant.compat;

import java.util.List;

/**
 * One row of the compatibility report.
 *
 * @param check       which check
 * @param cluster     the kubeconfig context the row is about; null for the whole migration
 * @param role        "source", "target", "extra remote"; null for the whole migration
 * @param severity    ok / warning / needs decision / blocking
 * @param summary     one line for the table ("OpenShift 4.12: MTC v.1.8.z, OLM channel release-v1.8")
 * @param facts       what the check used, each with its origin
 * @param explanation why the result is what it is, quoting the procedure where it decides
 * @param action      what to do about it (also for ok rows: what the later steps will do)
 * @param decision    the question the admin must answer; non-null only when severity is NEEDS_DECISION
 */
public record CheckResult(
        CheckKind check,
        String cluster,
        String role,
        Severity severity,
        String summary,
        List<Fact> facts,
        String explanation,
        String action,
        DecisionRequest decision) {

    public CheckResult {
        facts = facts == null ? List.of() : List.copyOf(facts);
    }

    @com.fasterxml.jackson.annotation.JsonProperty("title")
    public String title() {
        return check.title();
    }
}
