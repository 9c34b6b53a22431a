package io.mtcassistant.storage;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.util.Locale;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Maps what the network, JSSE or the S3 endpoint threw to one {@link RepositoryProblem}. */
final class S3FailureClassifier {

    private S3FailureClassifier() {
    }

    static RepositoryProblem classify(Throwable failure) {
        if (failure instanceof S3Exception s3) {
            return fromS3(s3);
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof UnknownHostException) {
                return RepositoryProblem.NAME_NOT_FOUND;
            }
            if (t instanceof ConnectException || t instanceof NoRouteToHostException) {
                return RepositoryProblem.UNREACHABLE;
            }
            if (t instanceof SocketTimeoutException || t instanceof ApiCallTimeoutException
                    || t instanceof ApiCallAttemptTimeoutException) {
                return RepositoryProblem.TIMED_OUT;
            }
            if (t instanceof CertificateException || t instanceof CertPathValidatorException) {
                return nameMismatch(t) ? RepositoryProblem.CERTIFICATE_NAME_MISMATCH
                        : RepositoryProblem.CERTIFICATE_NOT_TRUSTED;
            }
            if (t instanceof SSLException ssl && plainTextReply(ssl)) {
                return RepositoryProblem.HTTPS_EXPECTED_HTTP_FOUND;
            }
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SSLHandshakeException) {
                return nameMismatch(t) ? RepositoryProblem.CERTIFICATE_NAME_MISMATCH
                        : RepositoryProblem.CERTIFICATE_NOT_TRUSTED;
            }
        }
        return RepositoryProblem.S3_ERROR;
    }

    private static RepositoryProblem fromS3(S3Exception s3) {
        String code = s3.awsErrorDetails() == null ? null : s3.awsErrorDetails().errorCode();
        if ("InvalidAccessKeyId".equals(code)) {
            return RepositoryProblem.WRONG_ACCESS_KEY;
        }
        if ("SignatureDoesNotMatch".equals(code)) {
            return RepositoryProblem.WRONG_SECRET;
        }
        if ("NoSuchBucket".equals(code) || (code == null && s3.statusCode() == 404)) {
            return RepositoryProblem.BUCKET_MISSING;
        }
        if ("AccessDenied".equals(code) || "AllAccessDisabled".equals(code) || s3.statusCode() == 403) {
            return RepositoryProblem.ACCESS_DENIED;
        }
        return RepositoryProblem.S3_ERROR;
    }

    /** The S3 error code and HTTP status for the step's detail line (never the request's headers). */
    static String describe(Throwable failure) {
        if (failure instanceof S3Exception s3) {
            String code = s3.awsErrorDetails() == null ? null : s3.awsErrorDetails().errorCode();
            return "HTTP " + s3.statusCode() + (code == null ? "" : " " + code);
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private static boolean plainTextReply(SSLException e) {
        String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        return message.contains("unrecognized ssl message") || message.contains("plaintext")
                || message.contains("unsupported or unrecognized");
    }

    private static boolean nameMismatch(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            String message = String.valueOf(c.getMessage()).toLowerCase(Locale.ROOT);
            if (message.contains("no subject alternative") || message.contains("doesn't match")) {
                return true;
            }
        }
        return false;
    }
}
