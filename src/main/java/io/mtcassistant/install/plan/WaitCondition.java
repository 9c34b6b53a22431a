package io.mtcassistant.install.plan;

import java.time.Duration;
import java.util.List;

/**
 * What a wait-for action waits for: the value at {@code path} of the object becomes one of {@code success}; one of
 * {@code failure} ends the wait early as a failure. Paths are dot-separated field names; {@code conditions[type=Ready]}
 * picks the list element whose field has that value ({@code status.conditions[type=Updated].status}).
 *
 * @param path        where the value is
 * @param success     values that mean done
 * @param failure     values that mean it will not get there
 * @param messagePath where the object explains itself (shown on failure and timeout); may be null
 * @param timeout     how long to wait
 * @param failurePath where the failure values are looked for, when not at {@code path} (a pod's waiting reason while
 *                    its phase is what counts); null for {@code path}
 */
public record WaitCondition(String path, List<String> success, List<String> failure, String messagePath, Duration timeout,
        String failurePath) {

    public WaitCondition {
        success = List.copyOf(success);
        failure = failure == null ? List.of() : List.copyOf(failure);
    }

    public WaitCondition(String path, List<String> success, List<String> failure, String messagePath, Duration timeout) {
        this(path, success, failure, messagePath, timeout, null);
    }

    public String failureAt() {
        return failurePath == null ? path : failurePath;
    }

    /** "status.phase is Succeeded" */
    public String describe() {
        return path + " is " + String.join(" or ", success);
    }
}
