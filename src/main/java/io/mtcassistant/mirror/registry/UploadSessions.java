package io.mtcassistant.mirror.registry;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where open chunked uploads stand (the registry's upload location and the bytes it confirmed),
 * so an upload cut off by a dropped connection, a crash or a kill continues instead of restarting.
 * Keys name the registry, repository and digest. Implementations are thread-safe.
 */
public interface UploadSessions {

    record Session(String location, long offset) {
    }

    Optional<Session> find(String key);

    void save(String key, Session session);

    void forget(String key);

    /**
     * A blob that is now complete in {@code repository} of the registry {@code domain}. Kept across runs by a journal,
     * so a resumed run mounts it from there into the other repositories that need it instead of sending it again.
     */
    default void stored(String domain, String digest, String repository) {
    }

    /** The repository of {@code domain} where an earlier run of this journal completed the blob, if any. */
    default Optional<String> storedIn(String domain, String digest) {
        return Optional.empty();
    }

    /** Remembered for this process only: enough to continue after a dropped connection, not after a kill. */
    static UploadSessions inMemory() {
        Map<String, Session> map = new ConcurrentHashMap<>();
        return new UploadSessions() {
            @Override
            public Optional<Session> find(String key) {
                return Optional.ofNullable(map.get(key));
            }

            @Override
            public void save(String key, Session session) {
                map.put(key, session);
            }

            @Override
            public void forget(String key) {
                map.remove(key);
            }
        };
    }
}
