package io.mtcassistant.mirror.session;

/**
 * One image in the progress table.
 *
 * @param source    the source reference as planned
 * @param purpose   why it is mirrored, in words
 * @param detail    more on why (bundle name, relatedImage name)
 * @param sizeBytes planned size, -1 when unknown
 * @param state     where it stands
 * @param reason    why it failed (or what happened), empty otherwise
 * @param percent   while copying: how much of its blobs is in place, 0-100; -1 when not known
 */
public record ImageRow(String source, String purpose, String detail, long sizeBytes, State state, String reason,
                       int percent) {

    public ImageRow(String source, String purpose, String detail, long sizeBytes, State state, String reason) {
        this(source, purpose, detail, sizeBytes, state, reason, -1);
    }

    /** The state as the table shows it: "copying 40%" while the share is known. */
    public String stateText() {
        return state == State.COPYING && percent >= 0 ? state.label() + " " + percent + "%" : state.label();
    }

    ImageRow withProgress(State newState, String newReason, int newPercent) {
        return new ImageRow(source, purpose, detail, sizeBytes, newState, newReason, newPercent);
    }

    public enum State {
        WAITING("waiting"), COPYING("copying"), DONE("done"), ALREADY_PRESENT("done (already there)"), FAILED("failed");

        private final String label;

        State(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public boolean finished() {
            return this == DONE || this == ALREADY_PRESENT || this == FAILED;
        }
    }
}
