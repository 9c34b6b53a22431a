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
