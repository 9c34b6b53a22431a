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
        LOG.error("Background task '{}' failed", title, error);
        activity.error(title, describe(error) + " (details in the log file)");
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
