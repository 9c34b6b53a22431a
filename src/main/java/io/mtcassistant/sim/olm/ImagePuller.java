package io.mtcassistant.sim.olm;

import io.mtcassistant.mirror.ImageReference;
import io.mtcassistant.mirror.MirrorException;
import io.mtcassistant.mirror.registry.CredentialStore;
import io.mtcassistant.mirror.registry.ProxySettings;
import io.mtcassistant.mirror.registry.RegistryAccess;
import io.mtcassistant.mirror.registry.RegistryClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a node's container runtime finds when it pulls an image: the mirrors of the cluster's
 * ImageContentSourcePolicies / ImageDigestMirrorSets first (digest pulls only), then the image's own registry.
 * Only registries the simulation was told to trust are contacted (with our registry client); any other host
 * answers like a name that does not resolve, since a restricted network reaches nothing else.
 */
final class ImagePuller {

    /** An image found (resolved: where it was pulled from) or not (message: what the runtime reports). */
    record Pull(boolean found, String resolved, String message) {
    }

    private record Cached(Pull pull, Instant at) {
    }

    private final Map<String, Path> trusted = new ConcurrentHashMap<>();
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    private volatile RegistryAccess access = RegistryAccess.anonymous();

    /** Lets the nodes reach this registry (host:port), trusting its CA certificate (PEM file). */
    void trust(String registry, Path caFile) {
        trusted.put(registry, caFile);
        Map<String, List<Path>> cas = new LinkedHashMap<>();
        trusted.forEach((host, ca) -> cas.put(host, List.of(ca)));
        access = new RegistryAccess(CredentialStore.empty(), ProxySettings.none(), cas);
        cache.clear();
    }

    boolean trusts(String registry) {
        return trusted.containsKey(registry);
    }

    RegistryAccess access() {
        return access;
    }

    void forget() {
        cache.clear();
    }

    /** Pulls (HEADs) the image through the mirror rules; answers from a cache younger than maxAge. */
    Pull pull(String image, List<MirrorRule> rules, Duration maxAge) {
        Cached cached = cache.get(image);
        if (cached != null && cached.at().plus(maxAge).isAfter(Instant.now())) {
            return cached.pull();
        }
        Pull pull = pullNow(image, rules);
        cache.put(image, new Cached(pull, Instant.now()));
        return pull;
    }

    private Pull pullNow(String image, List<MirrorRule> rules) {
        ImageReference reference;
        try {
            reference = ImageReference.parseRegistry(image);
        } catch (MirrorException e) {
            return new Pull(false, null, "InvalidImageName: Failed to apply default image tag \"" + image
                    + "\": couldn't parse image reference \"" + image + "\": invalid reference format");
        }
        List<String> candidates = new ArrayList<>();
        boolean contactSource = true;
        if (reference.digest() != null) {
            for (MirrorRule rule : rules) {
                List<String> mirrored = rule.candidates(reference.repositoryPath(), "@" + reference.digest());
                if (!mirrored.isEmpty()) {
                    candidates.addAll(mirrored);
                    contactSource = contactSource && !rule.neverContactSource();
                }
            }
        }
        if (contactSource) {
            candidates.add(image);
        }
        List<String> errors = new ArrayList<>();
        for (String candidate : candidates) {
            Optional<String> error = head(ImageReference.parseRegistry(candidate));
            if (error.isEmpty()) {
                return new Pull(true, candidate, null);
            }
            errors.add(error.get());
        }
        return new Pull(false, null, "rpc error: code = Unknown desc = " + String.join("; ", errors));
    }

    /** Empty when the registry has the manifest, else the runtime's error. */
    private Optional<String> head(ImageReference reference) {
        String registry = reference.registry();
        if (!trusted.containsKey(registry)) {
            String host = registry.contains(":") ? registry.substring(0, registry.indexOf(':')) : registry;
            return Optional.of("pinging container registry " + registry + ": Get \"https://" + registry
                    + "/v2/\": dial tcp: lookup " + host + ": no such host");
        }
        try {
            RegistryClient client = access.client(registry, registry, false);
            if (client.headManifest(reference.repository(), reference.manifestReference()).isPresent()) {
                return Optional.empty();
            }
            return Optional.of("reading manifest " + reference.manifestReference() + " in " + reference.repositoryPath()
                    + ": manifest unknown: manifest unknown");
        } catch (MirrorException | java.io.UncheckedIOException e) {
            return Optional.of("pinging container registry " + registry + ": " + e.getMessage());
        }
    }
}
