package io.mtcassistant.mirror.session;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the free space of a folder comes from (the folder's file store; tests give a fake one). A type of its own so
 * that the command line's archive check does not load the whole Mirroring session.
 */
public interface FreeSpace {
    FreeSpace FILE_STORE = folder -> Files.getFileStore(folder).getUsableSpace();

    long usableBytes(Path existingFolder) throws IOException;
}
