package io.mtcassistant.install.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * The ordered actions for one cluster, with a title ("Install MTC 1.8.8 (OLM)") and notes the admin should read
 * before applying (steps the app cannot do itself, such as copying credentials to OpenShift 3 nodes).
 */
public record ChangePlan(String cluster, String title, List<ChangeAction> actions, List<String> notes) {

    public ChangePlan {
        actions = List.copyOf(actions);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    public static Builder builder(String cluster, String title) {
        return new Builder(cluster, title);
    }

    /** Collects actions in order. */
    public static final class Builder {
        private final String cluster;
        private final String title;
        private final List<ChangeAction> actions = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();

        private Builder(String cluster, String title) {
            this.cluster = cluster;
            this.title = title;
        }

        public Builder add(ChangeAction action) {
            actions.add(action);
            return this;
        }

        public Builder note(String note) {
            notes.add(note);
            return this;
        }

        public ChangePlan build() {
            return new ChangePlan(cluster, title, actions, notes);
        }
    }
}
