package io.mtcassistant.storage;

import java.util.Optional;

/** One step of the repository check and how it went; a failed step names its problem. */
public record CheckStep(String name, Status status, String detail, Optional<RepositoryProblem> problem) {

    public enum Status { PASSED, FAILED, SKIPPED }

    static CheckStep passed(String name, String detail) {
        return new CheckStep(name, Status.PASSED, detail, Optional.empty());
    }

    static CheckStep failed(String name, RepositoryProblem problem, String detail) {
        return new CheckStep(name, Status.FAILED, detail, Optional.of(problem));
    }

    static CheckStep skipped(String name) {
        return new CheckStep(name, Status.SKIPPED, "not run after the failure above", Optional.empty());
    }
}
