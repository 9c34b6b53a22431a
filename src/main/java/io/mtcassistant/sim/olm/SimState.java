package io.mtcassistant.sim.olm;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** What the simulated controllers remember between rounds, and the failures a test asked for. */
final class SimState {

    /** A CSV failure a test planted: the next CSV that starts installing goes Failed with it. */
    record PlantedFailure(String reason, String message) {
    }

    private volatile SimulationSpeed speed = SimulationSpeed.demo();
    private final ImagePuller puller = new ImagePuller();
    private final CatalogReader catalogReader = new CatalogReader();
    private final Map<String, Instant> firstSeen = new ConcurrentHashMap<>();
    /** READY catalogs by namespace/name. */
    private final Map<String, CatalogContent> catalogs = new ConcurrentHashMap<>();
    private final Map<String, PlantedFailure> failingCsvs = new ConcurrentHashMap<>();
    private volatile PlantedFailure nextCsvFailure;
    private volatile String catalogFailure;

    SimulationSpeed speed() {
        return speed;
    }

    void speed(SimulationSpeed newSpeed) {
        this.speed = newSpeed;
    }

    ImagePuller puller() {
        return puller;
    }

    CatalogReader catalogReader() {
        return catalogReader;
    }

    Instant firstSeen(String key, Instant now) {
        return firstSeen.computeIfAbsent(key, k -> now);
    }

    void forget(String key) {
        firstSeen.remove(key);
    }

    Map<String, CatalogContent> catalogs() {
        return catalogs;
    }

    void failNextCsv(PlantedFailure failure) {
        nextCsvFailure = failure;
    }

    /** The planted failure of this CSV (claimed by the first CSV that asks after it was planted). */
    Optional<PlantedFailure> csvFailure(String csvUid) {
        PlantedFailure planted = nextCsvFailure;
        if (planted != null && !failingCsvs.containsKey(csvUid)) {
            failingCsvs.put(csvUid, planted);
            nextCsvFailure = null;
        }
        return Optional.ofNullable(failingCsvs.get(csvUid));
    }

    void catalogFailure(String message) {
        catalogFailure = message;
    }

    String catalogFailure() {
        return catalogFailure;
    }
}
