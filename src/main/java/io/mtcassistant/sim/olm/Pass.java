package io.mtcassistant.sim.olm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mtcassistant.sim.SimulatedPlatform;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One round of the controllers: the API, the shared state, and when the next round is due at the latest. */
final class Pass {

    final Api api;
    final SimState state;
    final SimulatedPlatform platform;
    final String clusterName;
    private final Instant now = Instant.now();
    private Instant nextWake;
    private List<MirrorRule> rules;

    Pass(Api api, SimState state, SimulatedPlatform platform, String clusterName, Instant nextWake) {
        this.api = api;
        this.state = state;
        this.platform = platform;
        this.clusterName = clusterName;
        this.nextWake = nextWake;
    }

    SimulationSpeed speed() {
        return state.speed();
    }

    Instant now() {
        return now;
    }

    boolean openShift4() {
        return platform.kind() == SimulatedPlatform.Kind.OPENSHIFT_4;
    }

    /** Asks for another round no later than this. */
    void wakeAt(Instant at) {
        if (at.isBefore(nextWake)) {
            nextWake = at;
        }
    }

    Instant nextWake() {
        return nextWake;
    }

    /**
     * True once {@code phases} steps have passed since the key was first asked about (the key names a state of
     * one object, e.g. its uid and phase); otherwise asks for a round when they will have.
     */
    boolean elapsed(String key, long phases) {
        Instant since = state.firstSeen(key, now);
        Instant due = since.plus(speed().phase().multipliedBy(phases));
        if (!due.isAfter(now)) {
            return true;
        }
        wakeAt(due);
        return false;
    }

    boolean elapsed(String key, Duration duration) {
        Instant due = state.firstSeen(key, now).plus(duration);
        if (!due.isAfter(now)) {
            return true;
        }
        wakeAt(due);
        return false;
    }

    /** A node's pull of the image through the cluster's mirror rules (re-checked every recheck interval). */
    ImagePuller.Pull pull(String image) {
        return state.puller().pull(image, rules(), speed().recheck());
    }

    /** The repository mirrors of every ImageContentSourcePolicy and ImageDigestMirrorSet (OpenShift 4 only). */
    List<MirrorRule> rules() {
        if (rules == null) {
            List<MirrorRule> found = new ArrayList<>();
            if (openShift4()) {
                for (ObjectNode icsp : api.list(Api.ICSP, null)) {
                    for (JsonNode mirror : icsp.path("spec").path("repositoryDigestMirrors")) {
                        found.add(rule(mirror, false));
                    }
                }
                for (ObjectNode idms : api.list(Api.IDMS, null)) {
                    for (JsonNode mirror : idms.path("spec").path("imageDigestMirrors")) {
                        found.add(rule(mirror, "NeverContactSource".equals(mirror.path("mirrorSourcePolicy").asText())));
                    }
                }
            }
            rules = List.copyOf(found);
        }
        return rules;
    }

    private static MirrorRule rule(JsonNode mirror, boolean neverContactSource) {
        List<String> mirrors = new ArrayList<>();
        mirror.path("mirrors").forEach(m -> mirrors.add(m.asText()));
        return new MirrorRule(mirror.path("source").asText(), List.copyOf(mirrors), neverContactSource);
    }
}
