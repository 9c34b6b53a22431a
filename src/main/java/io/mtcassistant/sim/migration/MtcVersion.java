package io.mtcassistant.sim.migration;

/** The MTC release whose itineraries and phase names the simulated controller follows. */
public enum MtcVersion {
    V1_7("1.7"),
    V1_8("1.8");

    private final String label;

    MtcVersion(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** "1.7.15" or "1.7" → V1_7; anything from 1.8 on → V1_8. */
    public static MtcVersion of(String version) {
        return version != null && version.startsWith("1.7") ? V1_7 : V1_8;
    }
}
