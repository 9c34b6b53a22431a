package io.mtcassistant.mirror.registry;

import java.io.IOException;
import java.io.InputStream;

/** A blob's bytes that can be opened again from any offset, so an upload can continue after a failure. */
@FunctionalInterface
public interface BlobSource {

    /** The raw bytes from offset to the end (not verified: the uploader hashes what it sends). */
    InputStream openAt(long offset) throws IOException;
}
