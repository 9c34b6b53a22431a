package io.mtcassistant.ui.task;

/** What a background task may tell the user while it runs. */
public interface Progress {

    Progress NONE = new Progress() {
        @Override
        public void message(String message) {
        }

        @Override
        public void fraction(double done) {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    };

    void message(String message);

    /** 0..1, or a negative value for "unknown". */
    void fraction(double done);

    boolean isCancelled();
}
