package io.mtcassistant.monitor;

import java.time.Instant;

/** A migration report for the change ticket (Markdown): the timeline, every step's duration and final progress, conditions. */
public final class MigrationReport {

    private MigrationReport() {
    }

    public static String markdown(PlanView plan, MigrationView m, Instant now) {
        StringBuilder md = new StringBuilder();
        md.append("# Migration ").append(m.name()).append("\n\n");
        md.append("| | |\n|---|---|\n");
        row(md, "Plan", plan == null ? m.planName() : plan.name());
        if (plan != null) {
            row(md, "Source -> target", plan.sourceCluster() + " -> " + plan.targetCluster());
            row(md, "Namespaces", String.join(", ", plan.namespaces()));
        }
        row(md, "Action", m.action().jsonName() + (m.action() == MigrationAction.CUTOVER
                ? (m.quiescePods() ? " (source quiesced)" : " (source not quiesced)") : ""));
        row(md, "State", m.state().label());
        row(md, "Started", m.start() == null ? "-" : m.start().toString());
        row(md, "Ended", m.end() == null ? "-" : m.end().toString());
        if (m.start() != null) {
            row(md, "Duration", Durations.short_(java.time.Duration.between(m.start(), m.end() == null ? now : m.end())));
        }
        row(md, "Report written", now.toString());
        md.append("\n## Timeline\n\n| Step | State | Started | Completed | Duration | Final progress |\n")
                .append("|---|---|---|---|---|---|\n");
        for (StepView step : m.steps()) {
            md.append("| ").append(step.name()).append(" | ").append(step.state().jsonName()).append(" | ")
                    .append(step.started() == null ? "-" : step.started().toString()).append(" | ")
                    .append(step.completed() == null ? "-" : step.completed().toString()).append(" | ")
                    .append(Durations.short_(step.elapsed())).append(" | ")
                    .append(step.percent() == null ? "-" : Math.round(step.percent()) + " %").append(" |\n");
        }
        for (StepView step : m.steps()) {
            if (!step.progress().isEmpty()) {
                md.append("\n### ").append(step.name()).append(" progress\n\n");
                step.progress().forEach(line -> md.append("- `").append(line.line().replace("`", "'")).append("`\n"));
            }
        }
        md.append("\n## Conditions\n\n");
        if (m.conditionsByCategory().isEmpty()) {
            md.append("(none)\n");
        }
        m.conditionsByCategory().forEach((category, list) -> list.forEach(c -> md.append("- **").append(category)
                .append("** ").append(c.type()).append(": ").append(c.message() == null ? "" : c.message())
                .append('\n')));
        if (!m.errors().isEmpty()) {
            md.append("\n## Errors\n\n");
            m.errors().forEach(e -> md.append("- ").append(e).append('\n'));
        }
        return md.toString();
    }

    private static void row(StringBuilder md, String name, String value) {
        md.append("| ").append(name).append(" | ").append(value == null ? "" : value.replace("|", "\\|")).append(" |\n");
    }
}
