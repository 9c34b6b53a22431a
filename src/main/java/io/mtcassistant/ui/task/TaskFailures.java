package io.mtcassistant.ui.task;

import io.mtcassistant.common.ActivityListener;
import io.mtcassistant.common.SecretMasker;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What happens to a failure nobody handled: the stack trace to the log file, one plain line to the user. */
public final class TaskFailures {

    private static final Logger LOG = LoggerFactory.getLogger(TaskFailures.class);

    private TaskFailures() {
    }

    public static void report(String title, Throwable error, ActivityListener activity) {
        if (error instanceof CancellationException) {
            activity.warning(title, "Cancelled.");
            return;
        }
        if (expected(error)) {
            // A known kind of failure (bad input, an unreachable or refusing server): its message says it all.
            LOG.warn("{}: {}", title, describe(error));
            activity.error(title, describe(error));
            return;
        }
        LOG.error("Background task '{}' failed", title, error);
        activity.error(title, describe(error) + " (details in the log file)");
    }

    /**
     * True for failures the app words itself (the engines' own exceptions and the user's input); their stack trace helps
     * nobody. Anything else is unexpected and keeps its stack trace in the log.
     */
    public static boolean expected(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof io.mtcassistant.mirror.MirrorException || t instanceof io.mtcassistant.cluster.KubeconfigException
                    || t instanceof io.mtcassistant.compat.CompatibilityDataException || t instanceof TimeoutException) {
                return true;
            }
        }
        return false;
    }

    /** One line for a person: the message of the innermost cause that has one, never a stack trace. */
    public static String describe(Throwable error) {
        if (error instanceof TimeoutException) {
            return "Did not finish in time.";
        }
        Throwable current = error;
        String message = null;
        while (current != null) {
            if (current.getMessage() != null && !current.getMessage().isBlank()) {
                message = current.getMessage();
            }
            current = current.getCause() == current ? null : current.getCause();
        }
        if (message == null) {
            message = error.getClass().getSimpleName();
        }
        return SecretMasker.mask(message.lines().findFirst().orElse(message));
    }
}
