package io.mtcassistant.install.plan;

import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;

/** The server's reason for a failed request, in the words an admin can act on. */
final class ServerErrors {

    private ServerErrors() {
    }

    static boolean isAlreadyExists(KubernetesClientException e) {
        return e.getCode() == 409;
    }

    static boolean isNotFound(KubernetesClientException e) {
        return e.getCode() == 404;
    }

    static String describe(RuntimeException e) {
        if (e instanceof KubernetesClientException k) {
            if (k.getCode() <= 0 || k.getStatus() == null && causedByIo(k)) {
                return unreachable(k);
            }
            String server = k.getStatus() != null && k.getStatus().getMessage() != null ? k.getStatus().getMessage()
                    : firstLine(k.getMessage());
            return switch (k.getCode()) {
                case 401 -> "not logged in (401): the token was refused; log in again: " + server;
                case 403 -> "forbidden (403): the user may not do this; MTC needs cluster-admin: " + server;
                case 404 -> "not found (404): " + server;
                case 409 -> "conflict (409): " + server;
                case 422 -> "rejected by the server (422): " + server;
                case 0 -> unreachable(k);
                default -> (k.getCode() > 0 ? "the server answered " + k.getCode() + ": " : "") + server;
            };
        }
        return firstLine(e.getMessage());
    }

    private static boolean causedByIo(Throwable e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    private static String unreachable(KubernetesClientException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof HttpTimeoutException
                    || cause instanceof java.nio.channels.ClosedChannelException) {
                return "the cluster did not answer (" + cause.getClass().getSimpleName()
                        + "); apply again to resume once it is back";
            }
            if (cause instanceof IOException io && cause != e) {
                return "the cluster did not answer (" + firstLine(io.getMessage())
                        + "); apply again to resume once it is back";
            }
        }
        String message = firstLine(e.getMessage());
        if (message.contains("Could not find the metadata") || message.contains("not find")) {
            return "the cluster does not serve this kind of object (its API is not installed): " + message;
        }
        return message;
    }

    static String firstLine(String text) {
        return text == null ? "" : text.lines().findFirst().orElse("");
    }
}
