package io.mtcassistant.sim.storage;

import java.time.Instant;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/** The simulated S3 server's buckets and objects, in memory only (gone when the server closes). Thread-safe. */
final class InMemoryBuckets {

    private final Map<String, ConcurrentSkipListMap<String, StoredObject>> buckets = new ConcurrentHashMap<>();
    private final Map<String, Instant> created = new ConcurrentHashMap<>();

    /** False when the bucket already existed. */
    boolean create(String bucket) {
        created.putIfAbsent(bucket, Instant.now());
        return buckets.putIfAbsent(bucket, new ConcurrentSkipListMap<>()) == null;
    }

    Instant created(String bucket) {
        return created.getOrDefault(bucket, Instant.EPOCH);
    }

    boolean exists(String bucket) {
        return buckets.containsKey(bucket);
    }

    Iterable<String> names() {
        return new java.util.TreeSet<>(buckets.keySet());
    }

    /** The bucket's objects by key (sorted, as S3 lists them). */
    NavigableMap<String, StoredObject> objects(String bucket) {
        NavigableMap<String, StoredObject> objects = buckets.get(bucket);
        if (objects == null) {
            throw noSuchBucket(bucket);
        }
        return objects;
    }

    void put(String bucket, String key, StoredObject object) {
        objects(bucket).put(key, object);
    }

    Optional<StoredObject> get(String bucket, String key) {
        return Optional.ofNullable(objects(bucket).get(key));
    }

    void delete(String bucket, String key) {
        objects(bucket).remove(key);
    }

    void deleteBucket(String bucket) {
        if (!objects(bucket).isEmpty()) {
            throw new S3Failure(409, "BucketNotEmpty", "The bucket you tried to delete is not empty");
        }
        buckets.remove(bucket);
        created.remove(bucket);
    }

    static S3Failure noSuchBucket(String bucket) {
        return new S3Failure(404, "NoSuchBucket", "The specified bucket does not exist: " + bucket);
    }
}
