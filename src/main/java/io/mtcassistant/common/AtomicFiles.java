package io.mtcassistant.common;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes a file so that readers see either the old one or the whole new one, never half of it: the content goes
 * to a hidden temporary file in the same folder, which is then moved over the target.
 */
public final class AtomicFiles {

    private AtomicFiles() {
    }

    public static Path writeString(Path file, String text) throws IOException {
        return write(file, text.getBytes(StandardCharsets.UTF_8), false);
    }

    /**
     * @param ownerOnly make the file readable by its owner only (it holds tokens or keys)
     * @throws IOException when the folder is missing or not writable; the target is then unchanged
     */
    public static Path write(Path file, byte[] content, boolean ownerOnly) throws IOException {
        Path target = file.toAbsolutePath();
        Path folder = target.getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new IOException("the folder " + folder + " does not exist");
        }
        Path temporary = Files.createTempFile(folder, "." + target.getFileName(), ".tmp");
        try {
            if (ownerOnly) {
                restrictToOwner(temporary);
            }
            Files.write(temporary, content);
            try {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
        return target;
    }

    private static void restrictToOwner(Path path) throws IOException {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the default permissions stay
        }
    }
}
