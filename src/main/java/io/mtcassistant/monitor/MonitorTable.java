package io.mtcassistant.monitor;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The monitor for people in a terminal: one line per plan, then the migrations of the chosen plans. */
public final class MonitorTable {

    private MonitorTable() {
    }

    public static String write(MonitorSnapshot snapshot, FeedStatus status, boolean details) {
        StringBuilder out = new StringBuilder();
        if (status != null && status.kind() != FeedStatus.Kind.LIVE && status.kind() != FeedStatus.Kind.STOPPED) {
            out.append("!! ").append(status.describe(Instant.now())).append('\n');
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"PLAN", "SOURCE -> TARGET", "NAMESPACES", "STATUS", "LAST MIGRATION", "STATE"});
        for (PlanView plan : snapshot.plans()) {
            MigrationView latest = plan.latest();
            rows.add(new String[] {plan.name(), nz(plan.sourceCluster()) + " -> " + nz(plan.targetCluster()),
                String.join(",", plan.namespaces()), plan.statusText(),
                latest == null ? "-" : latest.name() + " (" + latest.action().jsonName() + ")",
                latest == null ? "-" : latest.state().jsonName()});
        }
        out.append(columns(rows));
        if (details) {
            for (PlanView plan : snapshot.plans()) {
                for (MigrationView m : plan.migrations()) {
                    migration(out, m);
                }
            }
        }
        if (snapshot.plans().isEmpty()) {
            out.append("(no MigPlan)\n");
        }
        return out.toString();
    }

    private static void migration(StringBuilder out, MigrationView m) {
        out.append('\n').append(m.name()).append("  ").append(m.action().jsonName()).append("  ")
                .append(m.state().label());
        if (m.percent() != null) {
            out.append("  ").append(Math.round(m.percent())).append('%');
        }
        if (m.stateDetail() != null && m.state() != MigrationState.RUNNING) {
            out.append("  - ").append(m.stateDetail());
        }
        out.append('\n');
        for (StepView step : m.steps()) {
            out.append(String.format("  %-14s %-11s %8s  %s%n", step.name(), step.state().jsonName(),
                    Durations.short_(step.elapsed()), step.state() == StepState.RUNNING ? step.title() : ""));
            if (step.state() == StepState.RUNNING || step.state() == StepState.FAILED) {
                for (ProgressLine line : step.progress()) {
                    out.append("      ").append(bar(line.percent())).append(' ').append(line.line()).append('\n');
                }
            }
        }
        if (m.waiting() != null) {
            out.append("  ").append(m.waiting().text()).append('\n');
        }
        for (String error : m.errors()) {
            out.append("  error: ").append(error).append('\n');
        }
        m.conditionsByCategory().forEach((category, list) -> {
            if (!category.equals("Advisory") && !category.equals("Required")) {
                list.forEach(c -> out.append("  ").append(category).append(": ").append(c.type()).append(" - ")
                        .append(nz(c.message())).append('\n'));
            }
        });
    }

    private static String bar(Double percent) {
        if (percent == null) {
            return "[          ]    ";
        }
        int filled = (int) Math.round(percent / 10);
        return "[" + "#".repeat(filled) + " ".repeat(10 - filled) + "] " + String.format("%3d%%", Math.round(percent));
    }

    private static String columns(List<String[]> rows) {
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], nz(row[i]).length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                out.append(i == row.length - 1 ? nz(row[i]) : String.format("%-" + (widths[i] + 2) + "s", nz(row[i])));
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
