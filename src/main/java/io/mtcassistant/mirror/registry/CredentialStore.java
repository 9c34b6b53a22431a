package io.mtcassistant.mirror.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mtcassistant.mirror.MirrorException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Registry credentials as podman, skopeo, docker and OpenShift pull secrets keep them:
 * {@code {"auths":{"host[:port][/path]":{"auth":"base64(user:pass)"}}}}. The longest matching
 * host/path key wins (oc-mirror issue #890 was about path-scoped keys being ignored).
 */
public final class CredentialStore {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Credentials> byKey;
    private final List<Path> sources;

    private CredentialStore(Map<String, Credentials> byKey, List<Path> sources) {
        this.byKey = byKey;
        this.sources = sources;
    }

    public static CredentialStore empty() {
        return new CredentialStore(Map.of(), List.of());
    }

    /**
     * With an explicit auth file only that file is read (a missing one is bad input); otherwise
     * the first existing of the standard files, in the order containers-auth.json(5) gives.
     */
    public static CredentialStore load(Path authFile, Map<String, String> env, Path home) {
        if (authFile != null) {
            if (!Files.isRegularFile(authFile)) {
                throw MirrorException.badInput("auth file " + authFile + " does not exist");
            }
            return new CredentialStore(read(authFile), List.of(authFile));
        }
        List<Path> candidates = new ArrayList<>();
        String registryAuthFile = env.get("REGISTRY_AUTH_FILE");
        if (registryAuthFile != null && !registryAuthFile.isBlank()) {
            candidates.add(Path.of(registryAuthFile));
        }
        String runtime = env.get("XDG_RUNTIME_DIR");
        if (runtime != null && !runtime.isBlank()) {
            candidates.add(Path.of(runtime, "containers", "auth.json"));
        }
        candidates.add(home.resolve(".config/containers/auth.json"));
        candidates.add(home.resolve(".docker/config.json"));
        Map<String, Credentials> merged = new LinkedHashMap<>();
        List<Path> used = new ArrayList<>();
        for (Path candidate : candidates) {
            if (Files.isRegularFile(candidate)) {
                // Earlier files win, like containers/image which stops at the first hit per registry.
                read(candidate).forEach(merged::putIfAbsent);
                used.add(candidate);
            }
        }
        return new CredentialStore(merged, used);
    }

    public static CredentialStore system(Path authFile) {
        return load(authFile, System.getenv(), Path.of(System.getProperty("user.home")));
    }

    static Map<String, Credentials> read(Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw MirrorException.badInput("auth file " + file + " is not valid JSON (expected {\"auths\":{...}})");
        }
        Map<String, Credentials> result = new LinkedHashMap<>();
        JsonNode auths = root == null ? null : root.path("auths");
        if (auths == null || !auths.isObject()) {
            throw MirrorException.badInput("auth file " + file + " has no \"auths\" object");
        }
        auths.fields().forEachRemaining(entry -> {
            JsonNode value = entry.getValue();
            Credentials creds = null;
            String auth = value.path("auth").asText("");
            if (!auth.isEmpty()) {
                String decoded;
                try {
                    decoded = new String(Base64.getDecoder().decode(auth.trim()), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    throw MirrorException.badInput("auth file " + file + ": the \"auth\" of " + entry.getKey() + " is not base64");
                }
                int colon = decoded.indexOf(':');
                if (colon > 0) {
                    creds = new Credentials(decoded.substring(0, colon), decoded.substring(colon + 1));
                }
            } else if (value.has("username")) {
                creds = new Credentials(value.path("username").asText(), value.path("password").asText(""));
            }
            if (creds != null) {
                result.put(normalizeKey(entry.getKey()), creds);
            }
        });
        return result;
    }

    private static String normalizeKey(String key) {
        String k = key.replaceFirst("^https?://", "");
        if (k.endsWith("/")) {
            k = k.substring(0, k.length() - 1);
        }
        // Docker keeps Docker Hub as index.docker.io/v1.
        if (k.equals("index.docker.io/v1") || k.equals("index.docker.io") || k.equals("registry-1.docker.io")) {
            return "docker.io";
        }
        return k;
    }

    /** Credentials for host/repository: the longest key that is the host or a path prefix of host/repository. */
    public Optional<Credentials> find(String registry, String repository) {
        String full = repository == null ? registry : registry + "/" + repository;
        Credentials best = null;
        int bestLength = -1;
        for (Map.Entry<String, Credentials> e : byKey.entrySet()) {
            String key = e.getKey();
            boolean matches = full.equals(key) || full.startsWith(key + "/");
            if (matches && key.length() > bestLength) {
                best = e.getValue();
                bestLength = key.length();
            }
        }
        return Optional.ofNullable(best);
    }

    public List<Path> sources() {
        return sources;
    }

    /** This store plus credentials for one registry (host[:port] or host/path), e.g. typed into the app; they win. */
    public CredentialStore with(String key, Credentials credentials) {
        Map<String, Credentials> more = new LinkedHashMap<>(byKey);
        more.put(normalizeKey(key), credentials);
        return new CredentialStore(Map.copyOf(more), sources);
    }
}
