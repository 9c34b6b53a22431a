package io.mtcassistant.sim.olm;

import io.mtcassistant.mirror.ImageReference;
import io.mtcassistant.mirror.catalog.CatalogImage;
import io.mtcassistant.mirror.catalog.ConfigsExtractor;
import io.mtcassistant.mirror.catalog.FbcReader;
import io.mtcassistant.mirror.engine.RegistryStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Reads a catalog image's file-based catalog like a catalog pod's registry server does, through our registry
 * client; the same content (by manifest digest) is read once.
 */
final class CatalogReader {

    private record Recent(CatalogContent content, java.time.Instant at) {
    }

    private final Map<String, CatalogContent> byDigest = new ConcurrentHashMap<>();
    private final Map<String, Recent> byReference = new ConcurrentHashMap<>();

    /**
     * @param pulledFrom where the image was found (after the mirror rules)
     * @param maxAge     how long an answer for the same reference is reused without asking the registry
     */
    CatalogContent read(ImagePuller puller, String pulledFrom, java.time.Duration maxAge) {
        Recent recent = byReference.get(pulledFrom);
        if (recent != null && recent.at().plus(maxAge).isAfter(java.time.Instant.now())) {
            return recent.content();
        }
        CatalogContent content = readNow(puller, pulledFrom);
        byReference.put(pulledFrom, new Recent(content, java.time.Instant.now()));
        return content;
    }

    private CatalogContent readNow(ImagePuller puller, String pulledFrom) {
        ImageReference reference = ImageReference.parseRegistry(pulledFrom);
        RegistryStore store = new RegistryStore(puller.access().client(reference.registry(), reference.registry(),
                false), reference.repository());
        CatalogImage image = CatalogImage.read(store, reference.manifestReference(), pulledFrom);
        String digest = image.top().digest();
        CatalogContent known = byDigest.get(digest);
        if (known != null) {
            return known;
        }
        Path work = null;
        try {
            work = Files.createTempDirectory("sim-catalog");
            Path configs = ConfigsExtractor.extract(store, image.preferred(), work.resolve("configs"), pulledFrom);
            CatalogContent content = CatalogContent.of(FbcReader.read(configs, pulledFrom));
            byDigest.put(digest, content);
            return content;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack catalog " + pulledFrom, e);
        } finally {
            deleteQuietly(work);
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind
        }
    }
}
