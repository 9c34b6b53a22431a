package io.mtcassistant.storage;

import java.util.Locale;

/** The check as people read it: one line per step, the failure's meaning and next step under it. */
public final class RepositoryCheckText {

    private RepositoryCheckText() {
    }

    public static String of(RepositoryCheckReport report, S3Keys keys) {
        RepositoryTarget target = report.target();
        StringBuilder out = new StringBuilder();
        out.append("Repository ").append(target.endpoint()).append(" bucket ").append(target.bucket())
                .append(" (region ").append(target.region()).append("), access key ").append(keys.maskedAccessKeyId())
                .append('\n');
        for (CheckStep step : report.steps()) {
            out.append(String.format(Locale.ROOT, "  %-5s %-12s %s%n", label(step.status()), step.name(), step.detail()));
            step.problem().ifPresent(p -> out.append("        ").append(p.meaning()).append('\n')
                    .append("        next: ").append(p.nextStep()).append('\n'));
        }
        out.append(report.passed()
                ? "PASSED: this workstation can write to, read from and delete in the bucket. The control cluster's "
                        + "own test (MigStorage Ready) is still to come.\n"
                : "FAILED: " + report.problem().map(RepositoryProblem::meaning).orElse("see above") + '\n');
        return out.toString();
    }

    private static String label(CheckStep.Status status) {
        return switch (status) {
            case PASSED -> "ok";
            case FAILED -> "FAIL";
            case SKIPPED -> "skip";
        };
    }
}
