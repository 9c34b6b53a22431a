package io.mtcassistant.storage;

import java.util.List;
import java.util.Optional;

/** The steps of one repository check, in order; it passes when none failed. */
public record RepositoryCheckReport(RepositoryTarget target, List<CheckStep> steps) {

    public RepositoryCheckReport {
        steps = List.copyOf(steps);
    }

    public boolean passed() {
        return steps.stream().noneMatch(s -> s.status() == CheckStep.Status.FAILED);
    }

    /** The first failed step's problem, if any. */
    public Optional<RepositoryProblem> problem() {
        return steps.stream().flatMap(s -> s.problem().stream()).findFirst();
    }
}
