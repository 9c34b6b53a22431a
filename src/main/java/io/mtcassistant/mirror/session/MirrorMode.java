package io.mtcassistant.mirror.session;

/** Where the images come from and where they go. */
public enum MirrorMode {
    MIRROR_TO_MIRROR("Registry → mirror registry", "this workstation reaches both the source and the mirror registry"),
    MIRROR_TO_ARCHIVE("Registry → archive", "connected side: write an archive folder to carry across the air gap"),
    ARCHIVE_TO_MIRROR("Archive → mirror registry", "air-gapped side: push an archive folder into the mirror registry");

    private final String label;
    private final String explanation;

    MirrorMode(String label, String explanation) {
        this.label = label;
        this.explanation = explanation;
    }

    public String label() {
        return label;
    }

    public String explanation() {
        return explanation;
    }

    public boolean readsArchive() {
        return this == ARCHIVE_TO_MIRROR;
    }

    public boolean writesArchive() {
        return this == MIRROR_TO_ARCHIVE;
    }

    public boolean needsRegistry() {
        return this != MIRROR_TO_ARCHIVE;
    }
}
