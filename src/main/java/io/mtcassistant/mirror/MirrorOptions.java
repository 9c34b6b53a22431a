package io.mtcassistant.mirror;

/**
 * Knobs of a mirror run. jobs is the number of parallel blob transfers per registry (default 6,
 * like containers/image); images are worked on in parallel up to max(2, jobs).
 */
public record MirrorOptions(int jobs, boolean srcTlsVerify, boolean destTlsVerify, long volumeSize) {

    public static final int DEFAULT_JOBS = 6;

    public static MirrorOptions defaults() {
        return new MirrorOptions(DEFAULT_JOBS, true, true, 0);
    }

    public int parallelImages() {
        return Math.max(2, jobs);
    }
}
