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
 * @param progress    shown while waiting, with {@code {path}} replaced by the object's value there
 *                    ("{status.updatedMachineCount} of {status.machineCount} machines updated"); null for none
 * @param baselinePath for a wait on a rollout that an earlier action of the plan starts: a value that moves when the
 *                    rollout is done ({@code status.configuration.name}, the pool's rendered config). The applier reads
 *                    it before the plan changes anything; once an earlier action changed the cluster, the wait passes
 *                    only after this value moved from that baseline or the condition was seen unmet, because the old
 *                    success (Updated=True from before the change) stays visible until the rollout starts. Null for
 *                    a plain wait.
 * @param changedPaths where the object's controller writes something new on every completed reconciliation (an
 *                    ansible run's completion time); when this apply merge-patched the object, a success or failure
 *                    left over from before the patch does not count: it counts once one of these values is set and
 *                    differs from before the patch, or after the wait saw the object in neither state (reconciling).
 *                    Empty: any success counts
 */
public record WaitCondition(String path, List<String> success, List<String> failure, String messagePath, Duration timeout,
        String failurePath, String progress, String baselinePath, List<String> changedPaths) {

    public WaitCondition(String path, List<String> success, List<String> failure, String messagePath, Duration timeout,
            String failurePath, String progress, String baselinePath) {
        this(path, success, failure, messagePath, timeout, failurePath, progress, baselinePath, List.of());
    }

    public WaitCondition(String path, List<String> success, List<String> failure, String messagePath, Duration timeout,
            String failurePath, String progress) {
        this(path, success, failure, messagePath, timeout, failurePath, progress, null, List.of());
    }

    public WaitCondition(String path, List<String> success, List<String> failure, String messagePath, Duration timeout,
            String failurePath) {
        this(path, success, failure, messagePath, timeout, failurePath, null, null, List.of());
    }

    public WaitCondition {
        success = List.copyOf(success);
        failure = failure == null ? List.of() : List.copyOf(failure);
        changedPaths = changedPaths == null ? List.of() : List.copyOf(changedPaths);
    }

    public WaitCondition(String path, List<String> success, List<String> failure, String messagePath, Duration timeout) {
        this(path, success, failure, messagePath, timeout, null);
    }

    /** The same wait, counting only an outcome reached after the preceding merge patch (see {@code changedPaths}). */
    public WaitCondition afterReconcile(String... reconciledPaths) {
        return new WaitCondition(path, success, failure, messagePath, timeout, failurePath, progress, baselinePath,
                List.of(reconciledPaths));
    }

    public String failureAt() {
        return failurePath == null ? path : failurePath;
    }

    /** The progress text for the object as it is now; empty when there is none. */
    public String progressOf(Object live) {
        if (progress == null) {
            return "";
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(progress);
        StringBuilder text = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(text, java.util.regex.Matcher.quoteReplacement(KubeObjects.valueAt(live, m.group(1)).orElse("?")));
        }
        return m.appendTail(text).toString();
    }

    /** "status.phase is Succeeded"; for a rollout also that it must have happened after the change. */
    public String describe() {
        return path + " is " + String.join(" or ", success)
                + (baselinePath == null ? "" : ", after the rollout moved " + baselinePath + " on (or was seen in progress)");
    }
}
