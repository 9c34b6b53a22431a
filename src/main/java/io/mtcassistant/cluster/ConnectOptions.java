package io.mtcassistant.cluster;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Per-connection choices the user makes on top of the kubeconfig.
 *
 * @param timeout       connect and request timeout
 * @param skipTlsVerify explicit "skip verification" switch (off by default); overrides the kubeconfig
 * @param caFile        a CA bundle the user picked to trust this server; null keeps the kubeconfig's
 */
public record ConnectOptions(Duration timeout, boolean skipTlsVerify, Path caFile) {

    public static ConnectOptions defaults() {
        return new ConnectOptions(Duration.ofSeconds(15), false, null);
    }

    public ConnectOptions withTimeout(Duration newTimeout) {
        return new ConnectOptions(newTimeout, skipTlsVerify, caFile);
    }

    public ConnectOptions withSkipTlsVerify(boolean skip) {
        return new ConnectOptions(timeout, skip, caFile);
    }

    public ConnectOptions withCaFile(Path file) {
        return new ConnectOptions(timeout, skipTlsVerify, file);
    }
}
