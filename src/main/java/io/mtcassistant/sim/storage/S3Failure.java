package io.mtcassistant.sim.storage;

/** An S3 error reply of the simulated S3 server: the HTTP status and the S3 error code a client classifies on. */
final class S3Failure extends RuntimeException {

    private final int status;
    private final String code;

    S3Failure(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    static S3Failure accessDenied(String message) {
        return new S3Failure(403, "AccessDenied", message);
    }

    static S3Failure badRequest(String code, String message) {
        return new S3Failure(400, code, message);
    }

    static S3Failure notImplemented(String what) {
        return new S3Failure(501, "NotImplemented", what + " is not part of the simulated S3 server");
    }
}
