package io.mtcassistant.compat;

import io.mtcassistant.common.SecretMasker;

/** The report as Markdown, to paste into a change ticket. */
public final class ReportMarkdown {

    private ReportMarkdown() {
    }

    public static String render(CompatibilityReport report) {
        StringBuilder md = new StringBuilder();
        md.append("# MTC compatibility report\n\n");
        md.append("**Verdict: ").append(report.verdict().label()).append("** — ").append(report.verdictText()).append("\n\n");
        md.append("- Generated: ").append(report.generatedAt()).append("\n");
        md.append("- Compatibility data: ").append(report.dataSource()).append("\n\n");

        MigrationPlan plan = report.plan();
        md.append("## Plan\n\n");
        md.append("- MTC version on every cluster: ").append(plan.mtcVersion() == null ? "not decided" : plan.mtcVersion() + ".z")
                .append("\n");
        md.append("- Control cluster: ").append(plan.controlCluster() == null ? "not decided" : "`" + plan.controlCluster() + "`")
                .append("\n");
        if (plan.networkWorkaround() != NetworkWorkaround.NONE) {
            md.append("- Network workaround: ").append(plan.networkWorkaround().name().toLowerCase().replace('_', ' ')).append("\n");
        }
        for (String command : plan.tunnelCommands()) {
            md.append("- Tunnel: `").append(command).append("`\n");
        }
        md.append("\n| Cluster | Role | OpenShift | Table 7.1 column | Install | Control cluster | Existing MTC |\n");
        md.append("|---|---|---|---|---|---|---|\n");
        for (ClusterPlan cluster : plan.clusters()) {
            md.append("| `").append(cell(cluster.context())).append("` | ").append(cluster.role().label()).append(" | ")
                    .append(cluster.openshiftVersion() == null ? "—" : cluster.openshiftVersion()).append(" | ")
                    .append(cluster.columnId() == null ? "—" : cluster.columnId()).append(" | ")
                    .append(cluster.install() == null ? "—" : cell("MTC " + cluster.install().mtc() + ", " + cluster.install().summary()))
                    .append(" | ").append(cluster.controlCluster() ? "yes" : "no").append(" | ")
                    .append(cluster.existing().name().toLowerCase()).append(" |\n");
        }

        md.append("\n## Checks\n\n| Severity | Check | Cluster | Result |\n|---|---|---|---|\n");
        for (CheckResult row : report.checks()) {
            md.append("| ").append(icon(row.severity())).append(' ').append(row.severity().label()).append(" | ")
                    .append(row.title()).append(" | ").append(row.cluster() == null ? "all" : "`" + cell(row.cluster()) + "`")
                    .append(" | ").append(cell(row.summary())).append(" |\n");
        }

        md.append("\n## Details\n");
        for (CheckResult row : report.checks()) {
            md.append("\n### ").append(icon(row.severity())).append(' ').append(row.title())
                    .append(row.cluster() == null ? "" : " — " + row.cluster() + " (" + row.role() + ")")
                    .append(": ").append(row.severity().label()).append("\n\n");
            md.append(row.summary()).append("\n\n");
            md.append(row.explanation()).append("\n\n");
            if (!row.facts().isEmpty()) {
                md.append("Facts used:\n\n");
                for (Fact fact : row.facts()) {
                    md.append("- ").append(fact.name()).append(": ").append(fact.value()).append(" _(").append(fact.source())
                            .append(")_\n");
                }
                md.append("\n");
            }
            md.append("**What to do:** ").append(row.action()).append("\n");
            if (row.decision() != null) {
                md.append("\n**Decision needed:** ").append(row.decision().question()).append("\n\n");
                for (DecisionOption option : row.decision().options()) {
                    md.append("- ").append(option.available() ? "" : "~~").append(option.label())
                            .append(option.available() ? "" : "~~ (not possible)")
                            .append(option.cliFlag() == null ? "" : " — `" + option.cliFlag() + "`").append("\n");
                    if (!option.available()) {
                        md.append("  - Why not: ").append(option.unavailableReason()).append("\n");
                    }
                    for (String consequence : option.consequences()) {
                        md.append("  - ").append(consequence).append("\n");
                    }
                }
            }
        }
        md.append("\n## Statements and decisions\n\n");
        MigrationDecisions decisions = report.decisions();
        md.append("- MTC version: ").append(decisions.mtcVersion() == null ? "not chosen" : decisions.mtcVersion()).append("\n");
        md.append("- Control cluster: ").append(decisions.controlCluster() == null ? "default (most modern)"
                : decisions.controlCluster()).append("\n");
        md.append("- Network workaround: ").append(decisions.networkWorkaround().name().toLowerCase().replace('_', ' '))
                .append("\n");
        md.append("- Remote clusters reach the control cluster: ").append(decisions.defaultRemoteReachesControl().name()
                .toLowerCase());
        decisions.remoteReachesControl().forEach((context, reach) ->
                md.append("; ").append(context).append(": ").append(reach.name().toLowerCase()));
        md.append("\n");
        return SecretMasker.mask(md.toString());
    }

    static String icon(Severity severity) {
        return switch (severity) {
            case OK -> "✅";
            case WARNING -> "⚠️";
            case NEEDS_DECISION -> "❓";
            case BLOCKING -> "⛔";
        };
    }

    private static String cell(String text) {
        return text == null ? "" : text.replace("|", "\\|").replace("\n", " ");
    }
}
