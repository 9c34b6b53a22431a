package io.mtcassistant.cluster;

/** The procedure's platform classes (section 7.1): legacy = OpenShift 4.5 and earlier, modern = 4.6 and later. */
public enum PlatformClass {
    LEGACY("legacy platform (OpenShift 4.5 and earlier)"),
    MODERN("modern platform (OpenShift 4.6 and later)"),
    NOT_OPENSHIFT("not OpenShift (plain Kubernetes)");

    private final String description;

    PlatformClass(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
