package io.mtcassistant.cluster;

/**
 * The classes of connection failure the user is told apart, with the words for them: the command line's table and the
 * desktop's cards both read them from here.
 */
public enum FailureKind {
    UNREACHABLE("unreachable", "Cannot reach the API server"),
    TIMED_OUT("timed out", "No answer in time"),
    TLS_UNTRUSTED("TLS not trusted", "Server certificate not trusted"),
    UNAUTHORIZED("unauthorized", "Credentials rejected"),
    FORBIDDEN("forbidden", "Access denied"),
    PROXY_REFUSED("proxy refused", "The proxy refused the connection"),
    EXEC_PLUGIN_FAILED("exec plugin failed", "Credential plugin failed"),
    MALFORMED_KUBECONFIG("malformed kubeconfig", "Kubeconfig problem"),
    UNEXPECTED("unexpected error", "Unexpected error");

    private final String label;
    private final String title;

    FailureKind(String label, String title) {
        this.label = label;
        this.title = title;
    }

    /** Short, for a table cell: "timed out". */
    public String label() {
        return label;
    }

    /** A heading for a person: "No answer in time". */
    public String title() {
        return title;
    }
}
