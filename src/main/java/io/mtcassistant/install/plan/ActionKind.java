package io.mtcassistant.install.plan;

/** What one change-plan action does to the cluster. */
public enum ActionKind {
    /** Create; AlreadyExists means the object is already present (like {@code oc create -f}). */
    CREATE("create"),
    /** Look first; create only when absent, never touch an existing object. */
    CREATE_IF_ABSENT("create-if-absent"),
    /** JSON merge patch on an existing object (other fields kept); previewed as a diff against the live object. */
    MERGE_PATCH("merge-patch"),
    /** Approve the InstallPlan whose CSV is the chosen one, once OLM has made it. */
    APPROVE("approve"),
    /** Wait until a field of an object has a wanted value, failing early on a failure value, with a timeout. */
    WAIT_FOR("wait-for"),
    /** Delete; only Uninstall plans carry these. */
    DELETE("delete");

    private final String id;

    ActionKind(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
