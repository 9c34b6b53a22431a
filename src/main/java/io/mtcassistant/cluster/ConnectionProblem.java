package io.mtcassistant.cluster;

/** Thrown inside the connector when a step already knows how to explain its failure to the user. */
final class ConnectionProblem extends Exception {

    private final ConnectionFailure failure;

    ConnectionProblem(ConnectionFailure failure) {
        super(failure.summary());
        this.failure = failure;
    }

    ConnectionProblem(ConnectionFailure failure, Throwable cause) {
        super(failure.summary(), cause);
        this.failure = failure;
    }

    ConnectionFailure failure() {
        return failure;
    }
}
