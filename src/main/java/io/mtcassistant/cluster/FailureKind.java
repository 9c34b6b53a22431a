package io.mtcassistant.cluster;

/** The classes of connection failure the user is told apart. */
public enum FailureKind {
    UNREACHABLE,
    TIMED_OUT,
    TLS_UNTRUSTED,
    UNAUTHORIZED,
    FORBIDDEN,
    EXEC_PLUGIN_FAILED,
    MALFORMED_KUBECONFIG,
    UNEXPECTED
}
