package io.mtcassistant.install;

/** What MTC runs on a cluster: the control cluster runs controller and web console, remote clusters Velero only. */
public enum InstallRole {
    CONTROL("control"),
    REMOTE("remote");

    private final String id;

    InstallRole(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
