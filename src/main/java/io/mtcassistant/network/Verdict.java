package io.mtcassistant.network;

/** Whether a policy lets the rsync traffic through. */
public enum Verdict {
    ALLOWED("allowed"),
    /** A rule depends on something the app cannot know (a named port, a partly covered range): check by hand. */
    UNSURE("check"),
    BLOCKED("blocked");

    private final String label;

    Verdict(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The worse of two. */
    public Verdict and(Verdict other) {
        return ordinal() >= other.ordinal() ? this : other;
    }
}
