package io.mtcassistant.mirror;

/** What a manifest says about a blob or child manifest: type, digest, size (and platform for index children). */
public record Descriptor(String mediaType, String digest, long size, String platform) {

    public Descriptor(String mediaType, String digest, long size) {
        this(mediaType, digest, size, null);
    }
}
