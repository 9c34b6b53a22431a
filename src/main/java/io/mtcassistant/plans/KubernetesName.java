package io.mtcassistant.plans;

import java.util.Optional;
import java.util.regex.Pattern;

/** The DNS-1123 label rule that MigPlan, MigHook and namespace names follow. */
public final class KubernetesName {

    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    public static final int MAX_LENGTH = 63;

    private KubernetesName() {
    }

    /** Why {@code value} is not a valid name, or empty when it is. */
    public static Optional<String> problem(String value) {
        if (value == null || value.isEmpty()) {
            return Optional.of("is empty");
        }
        if (value.length() > MAX_LENGTH) {
            return Optional.of("is " + value.length() + " characters long; at most " + MAX_LENGTH + " are allowed");
        }
        if (!LABEL.matcher(value).matches()) {
            return Optional.of("'" + value + "' must be lower-case letters, digits and '-', starting and ending "
                    + "with a letter or digit");
        }
        return Optional.empty();
    }
}
