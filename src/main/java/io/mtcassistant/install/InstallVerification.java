package io.mtcassistant.install;

import java.util.List;

/** The verification after an install: one line per check, passed or not, with what was found. */
public record InstallVerification(String cluster, List<Check> checks, String consoleUrl) {

    /** One check: "migration-controller pod Running and Ready". */
    public record Check(String name, boolean passed, String detail) {
    }

    public InstallVerification {
        checks = List.copyOf(checks);
    }

    public boolean passed() {
        return !checks.isEmpty() && checks.stream().allMatch(Check::passed);
    }
}
