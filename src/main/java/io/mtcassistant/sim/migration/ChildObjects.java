package io.mtcassistant.sim.migration;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Skeletons of the objects the controller creates for a migration (owned by its MigMigration). */
final class ChildObjects {

    private ChildObjects() {
    }

    static ObjectNode object(MigrationKinds kind, String name, String owner, String ownerUid) {
        ObjectNode object = JsonNodeFactory.instance.objectNode();
        object.put("apiVersion", MigrationKinds.API_VERSION);
        object.put("kind", kind.kind());
        ObjectNode metadata = object.putObject("metadata");
        metadata.put("name", name);
        metadata.put("namespace", MigrationKinds.NAMESPACE);
        ObjectNode reference = metadata.putArray("ownerReferences").addObject();
        reference.put("apiVersion", MigrationKinds.API_VERSION);
        reference.put("kind", MigrationKinds.MIG_MIGRATION.kind());
        reference.put("name", owner);
        if (ownerUid != null) {
            reference.put("uid", ownerUid);
        }
        return object;
    }
}
