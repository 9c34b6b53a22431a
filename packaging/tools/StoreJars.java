import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Rewrites jars with every entry STORED (not deflated), in place.
 *
 * The .deb and .rpm compress their whole payload with xz; deflated jars defeat that (xz cannot shrink them
 * further), while stored class files compress across the whole app: the .deb shrinks from about 92 MB to about
 * 58 MB. The installed folder grows instead, and classes load without inflating. Entry order, names, times,
 * comments and extra fields are kept, so signed jars (BouncyCastle) stay valid: jar signatures cover the entry
 * contents, not their compression.
 *
 * Usage: java StoreJars.java file.jar...
 */
public class StoreJars {

    public static void main(String[] args) throws IOException {
        long before = 0;
        long after = 0;
        for (String arg : args) {
            Path jar = Path.of(arg);
            before += Files.size(jar);
            Path temp = Files.createTempFile(jar.toAbsolutePath().getParent(), ".store", ".jar");
            try (InputStream raw = Files.newInputStream(jar);
                 ZipInputStream in = new ZipInputStream(raw);
                 OutputStream rawOut = Files.newOutputStream(temp);
                 ZipOutputStream out = new ZipOutputStream(rawOut)) {
                out.setMethod(ZipOutputStream.STORED);
                for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                    byte[] data = in.readAllBytes();
                    CRC32 crc = new CRC32();
                    crc.update(data);
                    ZipEntry stored = new ZipEntry(entry.getName());
                    stored.setMethod(ZipEntry.STORED);
                    stored.setSize(data.length);
                    stored.setCompressedSize(data.length);
                    stored.setCrc(crc.getValue());
                    if (entry.getLastModifiedTime() != null) {
                        stored.setLastModifiedTime(entry.getLastModifiedTime());
                    }
                    stored.setComment(entry.getComment());
                    stored.setExtra(entry.getExtra());
                    out.putNextEntry(stored);
                    out.write(data);
                    out.closeEntry();
                }
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(temp);
                throw new IOException(jar + ": " + e.getMessage(), e);
            }
            Files.setLastModifiedTime(temp, Files.getLastModifiedTime(jar));
            Files.move(temp, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            after += Files.size(jar);
        }
        System.out.printf("StoreJars: %d jars, %.1f MB -> %.1f MB%n", args.length, before / 1e6, after / 1e6);
    }
}
