package io.mtcassistant.ui.steps.clusters;

import io.mtcassistant.cluster.FailureKind;

/** Short titles for the failure classes, as the user reads them. */
public final class FailureTexts {

    private FailureTexts() {
    }

    public static String title(FailureKind kind) {
        return switch (kind) {
            case UNREACHABLE -> "Cannot reach the API server";
            case TIMED_OUT -> "No answer in time";
            case TLS_UNTRUSTED -> "Server certificate not trusted";
            case UNAUTHORIZED -> "Credentials rejected";
            case FORBIDDEN -> "Access denied";
            case EXEC_PLUGIN_FAILED -> "Credential plugin failed";
            case MALFORMED_KUBECONFIG -> "Kubeconfig problem";
            case UNEXPECTED -> "Unexpected error";
        };
    }
}
