package io.mtcassistant.mirror.engine;

import io.mtcassistant.mirror.Descriptor;
import io.mtcassistant.mirror.DigestingInputStream;
import io.mtcassistant.mirror.Manifest;
import io.mtcassistant.mirror.MirrorException;
import io.mtcassistant.mirror.registry.BlobSource;
import io.mtcassistant.mirror.registry.UploadSessions;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.function.LongConsumer;

/** One place images live: a repository in a registry, or an OCI layout directory. Source and destination alike. */
public interface ImageStore {

    /** For messages: docker://host/repo or oci:DIR. */
    String describe();

    /** A manifest by tag or digest; with {@code expected}, the bytes must match its digest and size. */
    Manifest fetchManifest(String reference, Descriptor expected);

    /** The blob's bytes, verified against the descriptor as they stream (the stream fails at the end on mismatch). */
    InputStream openBlob(Descriptor blob, LongConsumer progress);

    /**
     * The blob's raw bytes from offset on, when this store can serve a part (registries with
     * Range); the returned start tells where the bytes really begin (0 when it cannot).
     */
    default BlobBody openBlobFrom(Descriptor blob, long offset) {
        return new BlobBody(openBlob(blob, null), 0, true);
    }

    /** A body opened by {@link #openBlobFrom}; verified says whether it already checks the digest. */
    record BlobBody(InputStream body, long start, boolean verified) {
    }

    boolean hasBlob(Descriptor blob);

    /** Stores a blob from a verifying stream; nothing is kept when the stream fails. */
    void putBlob(Descriptor blob, InputStream verified);

    /**
     * Stores a blob from a source that can be reopened at an offset, so a store that can keep
     * partial uploads (a registry, in chunks) continues an interrupted one; others read it once.
     */
    default void putBlob(Descriptor blob, BlobSource source, UploadSessions sessions, LongConsumer progress) {
        try (InputStream in = new DigestingInputStream(source.openAt(0), blob.digest(), blob.size(), "blob " + blob.digest(), progress)) {
            putBlob(blob, in);
        } catch (IOException e) {
            throw new MirrorException(MirrorException.Kind.NETWORK, "reading blob " + blob.digest() + " failed: " + e.getMessage(), e);
        }
    }

    /** The digest stored under a tag or digest, if any. */
    Optional<String> manifestDigest(String reference);

    /** Stores manifest bytes unchanged under a tag or digest. */
    void putManifest(Manifest manifest, String reference);

    /** Identifies "this blob here" across a run, for de-duplication. */
    String blobKey(String digest);

    /** Blobs in the same mount domain (one registry) can be mounted across repositories; null when mounting is impossible. */
    default String mountDomain() {
        return null;
    }

    /** This store's repository name inside its mount domain. */
    default String repository() {
        return null;
    }

    /** Links a blob from another repository of the same registry; false when the registry declined. */
    default boolean mount(Descriptor blob, String fromRepository) {
        return false;
    }

    /** Connection limits are counted per key (one per registry host; layouts share "local"). */
    String limiterKey();
}
