package io.mtcassistant.network;

import java.util.ArrayList;
import java.util.List;

/** A parsed {@code no_proxy} value: comma-separated entries, in order. */
public record NoProxyList(List<NoProxyEntry> entries) {

    public static final String FIELD = "no_proxy";

    public NoProxyList {
        entries = List.copyOf(entries);
    }

    /** Parses every entry; the first bad one is reported with its position. */
    public static NoProxyList parse(String text) {
        List<NoProxyEntry> entries = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return new NoProxyList(entries);
        }
        String[] parts = text.split(",", -1);
        for (int i = 0; i < parts.length; i++) {
            if (parts[i].isBlank() && i == parts.length - 1 && i > 0) {
                continue; // a trailing comma is harmless
            }
            entries.add(NoProxyEntry.parse(FIELD + " entry " + (i + 1), parts[i]));
        }
        return new NoProxyList(entries);
    }

    /** The first entry that exempts the host, or null. */
    public NoProxyEntry firstMatch(String host, int port) {
        return entries.stream().filter(e -> e.matches(host, port)).findFirst().orElse(null);
    }

    public String text() {
        return String.join(",", entries.stream().map(NoProxyEntry::raw).toList());
    }

    public boolean covers(String host, int port) {
        return firstMatch(host, port) != null;
    }
}
