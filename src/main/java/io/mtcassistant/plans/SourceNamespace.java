package io.mtcassistant.plans;

/** A namespace of the source cluster with what it holds that counts against the controller's limits. */
public record SourceNamespace(String name, int pods, int persistentVolumeClaims) {

    public boolean isSystem() {
        return NamespaceMapping.isSystem(name);
    }
}
