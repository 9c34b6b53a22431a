package io.mtcassistant.sim.migration;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;

/** The itineraries of each MTC release and the phase descriptions, read from the simulation's resource files. */
public final class Itineraries {

    private static final Map<MtcVersion, Map<String, Itinerary>> BY_VERSION = new EnumMap<>(MtcVersion.class);
    private static final Properties DESCRIPTIONS = new Properties();

    static {
        for (MtcVersion version : MtcVersion.values()) {
            BY_VERSION.put(version, read("itineraries-" + version.label() + ".txt"));
        }
        try (InputStream in = open("phase-descriptions.properties")) {
            DESCRIPTIONS.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Itineraries() {
    }

    public static Itinerary of(MtcVersion version, String name) {
        Itinerary itinerary = BY_VERSION.get(version).get(name);
        if (itinerary == null) {
            throw new IllegalArgumentException("no itinerary " + name + " in MTC " + version.label());
        }
        return itinerary;
    }

    /** The sentence a running step's message shows for this phase. */
    public static String describe(String phase) {
        return DESCRIPTIONS.getProperty(phase.isEmpty() ? "Created" : phase, phase);
    }

    private static Map<String, Itinerary> read(String resource) {
        Map<String, List<ItineraryPhase>> phases = new LinkedHashMap<>();
        String current = null;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(open(resource),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] words = line.split("\\s+");
                if (words[0].equals("itinerary")) {
                    current = words[1];
                    phases.put(current, new ArrayList<>());
                    continue;
                }
                Set<String> all = Set.of();
                Set<String> any = Set.of();
                for (int i = 2; i < words.length; i++) {
                    if (words[i].startsWith("all=")) {
                        all = Set.copyOf(Arrays.asList(words[i].substring(4).split(",")));
                    } else if (words[i].startsWith("any=")) {
                        any = Set.copyOf(Arrays.asList(words[i].substring(4).split(",")));
                    }
                }
                phases.get(Objects.requireNonNull(current, resource + ": a phase before any itinerary"))
                        .add(new ItineraryPhase(words[0].equals("-") ? "" : words[0], words[1], all, any));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Itinerary> itineraries = new LinkedHashMap<>();
        phases.forEach((name, list) -> itineraries.put(name, new Itinerary(name, list)));
        return itineraries;
    }

    private static InputStream open(String resource) {
        InputStream in = Itineraries.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing resource " + resource);
        }
        return in;
    }
}
