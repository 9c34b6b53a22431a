package io.mtcassistant.cluster;

/**
 * A connection failure in plain words.
 *
 * @param kind     which class of failure
 * @param summary  one sentence: what failed and why ("The API server at https://… did not answer within 10 s.")
 * @param nextStep what the user should do next
 * @param detail   technical detail one click away (exception message, exec plugin stderr); never a stack trace,
 *                 never a secret; may be empty
 */
public record ConnectionFailure(FailureKind kind, String summary, String nextStep, String detail) {
}
