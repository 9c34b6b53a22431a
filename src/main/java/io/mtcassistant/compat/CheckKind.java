package io.mtcassistant.compat;

/** The checks of the Compatibility step; the title is what a row is called on screen and in exports. */
public enum CheckKind {
    SAME_MTC_VERSION("Same MTC version on every cluster", false),
    CONTROL_CLUSTER("Control cluster", false),
    API_REACHABLE("Workstation reaches the API", true),
    CLUSTER_ADMIN("cluster-admin", true),
    PLATFORM_AND_VERSION("Platform and MTC version", true),
    REMOTE_REACHES_CONTROL("Remote cluster and control cluster reach each other", true),
    EXISTING_MTC("Existing MTC", true),
    OPERATORHUB_SOURCES("Default OperatorHub sources", true),
    CLUSTER_PROXY("Cluster-wide proxy", true),
    IMAGE_MIRROR_POLICY("Image mirror policy", true);

    private final String title;
    private final boolean perCluster;

    CheckKind(String title, boolean perCluster) {
        this.title = title;
        this.perCluster = perCluster;
    }

    public String title() {
        return title;
    }

    /** False for checks about the whole migration (their rows have no cluster). */
    public boolean perCluster() {
        return perCluster;
    }
}
