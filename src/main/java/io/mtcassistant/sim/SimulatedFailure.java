package io.mtcassistant.sim;

/** Ways a simulated cluster can be made to fail, one per connection failure the app tells apart. */
public enum SimulatedFailure {
    /** Answers normally. */
    NONE,
    /** Nothing listens on the port (connection refused). */
    UNREACHABLE,
    /** Accepts TCP connections and never answers (the client times out). */
    NO_ANSWER,
    /** Rejects every credential with 401 (an expired token). */
    UNAUTHORIZED,
    /** Refuses every request with 403. */
    FORBIDDEN,
    /** Serves normally but the written kubeconfig does not carry the CA of its self-signed certificate. */
    UNTRUSTED_TLS
}
