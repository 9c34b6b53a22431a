package io.mtcassistant.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ExecConfig;
import io.fabric8.kubernetes.api.model.ExecEnvVar;
import io.mtcassistant.common.SecretMasker;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs a kubeconfig exec credential plugin the way kubectl does, but keeps its stdout and stderr apart
 * (fabric8 merges them, which both breaks the JSON and hides the plugin's error message from the user).
 */
final class ExecCredentialPlugin {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a plugin returned: a token, or a client certificate and key (PEM); expiry when the plugin gave one. */
    record Credential(String token, String clientCertificatePem, String clientKeyPem, Instant expires) {
    }

    /** A plugin failure, with what the plugin said on stderr. */
    static final class Failure extends Exception {
        private final String stderr;

        Failure(String message, String stderr) {
            super(message);
            this.stderr = stderr == null ? "" : stderr.strip();
        }

        String stderr() {
            return stderr;
        }
    }

    private final ExecConfig exec;
    private final Path kubeconfigFolder;
    private final Duration timeout;

    ExecCredentialPlugin(ExecConfig exec, Path kubeconfigFolder, Duration timeout) {
        this.exec = exec;
        this.kubeconfigFolder = kubeconfigFolder;
        this.timeout = timeout;
    }

    /** The command as the user will recognise it ("oc", "./get-token.sh"). */
    String commandName() {
        return exec.getCommand();
    }

    List<String> commandLine() {
        List<String> command = new ArrayList<>();
        command.add(resolveCommand(exec.getCommand()));
        if (exec.getArgs() != null) {
            command.addAll(exec.getArgs());
        }
        return command;
    }

    /** kubectl resolves a relative command that contains a path separator against the kubeconfig's folder. */
    private String resolveCommand(String command) {
        if (command.contains("/") && !Path.of(command).isAbsolute() && kubeconfigFolder != null) {
            return kubeconfigFolder.resolve(command).normalize().toString();
        }
        return command;
    }

    Credential run() throws Failure, InterruptedException {
        if (exec.getCommand() == null || exec.getCommand().isBlank()) {
            throw new Failure("the exec section names no command", "");
        }
        ProcessBuilder builder = new ProcessBuilder(commandLine());
        if (kubeconfigFolder != null) {
            builder.directory(kubeconfigFolder.toFile());
        }
        Map<String, String> env = builder.environment();
        if (exec.getEnv() != null) {
            for (ExecEnvVar variable : exec.getEnv()) {
                if (variable.getName() != null) {
                    env.put(variable.getName(), variable.getValue() == null ? "" : variable.getValue());
                }
            }
        }
        env.put("KUBERNETES_EXEC_INFO", "{\"apiVersion\":\"" + apiVersion() + "\",\"kind\":\"ExecCredential\","
                + "\"spec\":{\"interactive\":false}}");
        builder.redirectInput(ProcessBuilder.Redirect.PIPE);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            String hint = exec.getInstallHint() == null ? "" : exec.getInstallHint();
            throw new Failure("the exec plugin '" + exec.getCommand() + "' could not be started (" + reason(e)
                    + "); a desktop app may not see the PATH of your shell", hint);
        }
        try {
            process.getOutputStream().close();
            CompletableFuture<String> stdout = readAsync(process.getInputStream());
            CompletableFuture<String> stderr = readAsync(process.getErrorStream());
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new Failure("the exec plugin '" + exec.getCommand() + "' did not finish within "
                        + timeout.toSeconds() + " s (does it wait for input or a browser log-in?)", join(stderr));
            }
            String out = join(stdout);
            String err = join(stderr);
            if (process.exitValue() != 0) {
                throw new Failure("the exec plugin '" + exec.getCommand() + "' failed with exit code "
                        + process.exitValue(), err);
            }
            return parse(out, err);
        } catch (IOException e) {
            throw new Failure("the exec plugin '" + exec.getCommand() + "' could not be run: " + e.getMessage(), "");
        } finally {
            process.destroyForcibly();
        }
    }

    private Credential parse(String stdout, String stderr) throws Failure {
        JsonNode status;
        try {
            JsonNode root = JSON.readTree(stdout);
            status = root == null ? null : root.get("status");
        } catch (IOException e) {
            throw new Failure("the exec plugin '" + exec.getCommand() + "' printed something that is not an "
                    + "ExecCredential: " + SecretMasker.mask(firstLine(stdout)), stderr);
        }
        if (status == null) {
            throw new Failure("the exec plugin '" + exec.getCommand() + "' printed an ExecCredential without status",
                    stderr);
        }
        String token = text(status, "token");
        String cert = text(status, "clientCertificateData");
        String key = text(status, "clientKeyData");
        if (token == null && (cert == null || key == null)) {
            throw new Failure("the exec plugin '" + exec.getCommand() + "' returned neither a token nor a client "
                    + "certificate and key", stderr);
        }
        Instant expires = null;
        String expiry = text(status, "expirationTimestamp");
        if (expiry != null) {
            try {
                expires = Instant.parse(expiry);
            } catch (DateTimeParseException e) {
                expires = null;
            }
        }
        return new Credential(token, cert, key, expires);
    }

    private String apiVersion() {
        return exec.getApiVersion() == null ? "client.authentication.k8s.io/v1" : exec.getApiVersion();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.asText().isEmpty() ? null : value.asText();
    }

    private static CompletableFuture<String> readAsync(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try (stream) {
                ByteArrayOutputStream buffer = new ByteArrayOutputStream();
                stream.transferTo(buffer);
                return buffer.toString(StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static String join(CompletableFuture<String> output) {
        try {
            return output.get(2, TimeUnit.SECONDS);
        } catch (Exception e) {
            return "";
        }
    }

    private static String reason(IOException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (message.contains("error=2")) {
            return "not found";
        }
        if (message.contains("error=13")) {
            return "permission denied";
        }
        return message;
    }

    private static String firstLine(String text) {
        String trimmed = text == null ? "" : text.strip();
        int newline = trimmed.indexOf('\n');
        String line = newline < 0 ? trimmed : trimmed.substring(0, newline);
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }
}
