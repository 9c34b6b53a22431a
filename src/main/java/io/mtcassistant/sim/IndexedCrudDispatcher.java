package io.mtcassistant.sim;

import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.crud.AttributeSet;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * fabric8's CRUD store, with the object a write names found without scanning the whole store: the mock looks it
 * up by matching every stored object's attributes against the request, which at a thousand objects took most of
 * its single event-loop thread under a thousand status patches a second. The key found last for a request is
 * remembered and used while the store still holds it and it still matches; otherwise the store is scanned as before.
 */
final class IndexedCrudDispatcher extends KubernetesCrudDispatcher {

    private final Map<AttributeSet, AttributeSet> found = new ConcurrentHashMap<>();

    @Override
    public Map.Entry<AttributeSet, String> findResource(AttributeSet query) {
        AttributeSet key = found.get(query);
        if (key != null) {
            String value = map.get(key);
            if (value != null && key.matches(query)) {
                return Map.entry(key, value);
            }
            found.remove(query);
        }
        Map.Entry<AttributeSet, String> entry = super.findResource(query);
        if (entry != null) {
            found.put(query, entry.getKey());
        }
        return entry;
    }
}
