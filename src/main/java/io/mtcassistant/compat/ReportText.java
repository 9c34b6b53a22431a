package io.mtcassistant.compat;

import io.mtcassistant.common.SecretMasker;

/** The report for a terminal: a table of rows, then the details of every row that is not ok. */
public final class ReportText {

    private ReportText() {
    }

    public static String render(CompatibilityReport report) {
        StringBuilder out = new StringBuilder();
        out.append("Verdict: ").append(report.verdict().label()).append(" — ").append(report.verdictText()).append("\n");
        out.append("Data:    ").append(report.dataSource()).append("\n");
        MigrationPlan plan = report.plan();
        out.append("MTC:     ").append(plan.mtcVersion() == null ? "not decided" : plan.mtcVersion() + ".z on every cluster")
                .append("\n");
        out.append("Control: ").append(plan.controlCluster() == null ? "not decided" : plan.controlCluster()).append("\n\n");
        int checkWidth = "CHECK".length();
        int clusterWidth = "CLUSTER".length();
        for (CheckResult row : report.checks()) {
            checkWidth = Math.max(checkWidth, row.title().length());
            clusterWidth = Math.max(clusterWidth, row.cluster() == null ? 1 : row.cluster().length());
        }
        String format = "%-14s  %-" + checkWidth + "s  %-" + clusterWidth + "s  %s%n";
        out.append(String.format(format, "SEVERITY", "CHECK", "CLUSTER", "RESULT"));
        for (CheckResult row : report.checks()) {
            out.append(String.format(format, row.severity().label(), row.title(), row.cluster() == null ? "-" : row.cluster(),
                    row.summary()));
        }
        for (CheckResult row : report.checks()) {
            if (row.severity() == Severity.OK) {
                continue;
            }
            out.append("\n[").append(row.severity().label()).append("] ").append(row.title())
                    .append(row.cluster() == null ? "" : " (" + row.cluster() + ")").append(": ").append(row.summary()).append("\n");
            out.append("  Why:  ").append(row.explanation()).append("\n");
            out.append("  Do:   ").append(row.action()).append("\n");
            if (row.decision() != null) {
                out.append("  Decide: ").append(row.decision().question()).append("\n");
                for (DecisionOption option : row.decision().options()) {
                    out.append("    - ").append(option.label()).append(option.cliFlag() == null ? "" : "  [" + option.cliFlag() + "]")
                            .append(option.available() ? "" : "  (not possible: " + option.unavailableReason() + ")").append("\n");
                    if (option.available()) {
                        option.consequences().forEach(c -> out.append("        ").append(c).append("\n"));
                    }
                }
            }
        }
        return SecretMasker.mask(out.toString());
    }
}
