package io.mtcassistant.mirror.registry;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How to reach registries: credentials, proxy, per-registry CA files and the explicit
 * "TLS verification off" switch. Hands out one {@link RegistryClient} per registry and TLS mode.
 */
public final class RegistryAccess {

    private final CredentialStore credentials;
    private final ProxySettings proxy;
    private final Map<String, List<Path>> caFiles;
    private final Map<String, RegistryClient> clients = new ConcurrentHashMap<>();
    private final Map<String, String> endpoints;
    private final TransportSettings transport;

    public RegistryAccess(CredentialStore credentials, ProxySettings proxy, Map<String, List<Path>> caFiles) {
        this(credentials, proxy, caFiles, Map.of());
    }

    /**
     * @param endpoints host[:port] to talk to instead of the registry's own name, by registry (the demo serves
     *                  its synthetic registry.redhat.io images from 127.0.0.1 this way)
     */
    public RegistryAccess(CredentialStore credentials, ProxySettings proxy, Map<String, List<Path>> caFiles,
                          Map<String, String> endpoints) {
        this(credentials, proxy, caFiles, endpoints, TransportSettings.defaults());
    }

    public RegistryAccess(CredentialStore credentials, ProxySettings proxy, Map<String, List<Path>> caFiles,
                          Map<String, String> endpoints, TransportSettings transport) {
        this.transport = transport;
        this.credentials = credentials;
        this.proxy = proxy;
        this.caFiles = Map.copyOf(caFiles);
        this.endpoints = Map.copyOf(endpoints);
    }

    public static RegistryAccess anonymous() {
        return new RegistryAccess(CredentialStore.empty(), ProxySettings.none(), Map.of());
    }

    /** The same access with other retry, timeout and chunk settings (fresh clients). */
    public RegistryAccess withTransport(TransportSettings settings) {
        return new RegistryAccess(credentials, proxy, caFiles, endpoints, settings);
    }

    public TransportSettings transport() {
        return transport;
    }

    public CredentialStore credentials() {
        return credentials;
    }

    /**
     * @param registry host[:port] as written in the reference
     * @param endpoint host[:port] to talk to
     * @param insecure true only when the user turned TLS verification off for this side
     */
    public RegistryClient client(String registry, String endpoint, boolean insecure) {
        String target = endpoints.getOrDefault(registry, endpoint);
        return clients.computeIfAbsent(registry + "|" + insecure, k -> {
            List<Path> cas = new ArrayList<>(caFiles.getOrDefault(registry, List.of()));
            cas.addAll(TlsSettings.standardCaFiles(registry));
            HttpClient.Builder builder = HttpClient.newBuilder()
                    // Several HTTP/1.1 connections move bulk blobs better than one multiplexed h2 one.
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(30))
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .sslContext(TlsSettings.context(cas, insecure));
            if (!proxy.isEmpty()) {
                builder.proxy(proxy);
                if (proxy.hasCredentials()) {
                    ProxySettings.allowBasicAuthForTunnels();
                    builder.authenticator(proxy.authenticator());
                }
            }
            return new RegistryClient(registry, target, insecure, builder.build(), credentials, transport, proxy);
        });
    }
}
