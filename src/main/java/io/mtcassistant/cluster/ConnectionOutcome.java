package io.mtcassistant.cluster;

/** The result of connecting to one context: either a live session with its facts, or a failure in plain words. */
public sealed interface ConnectionOutcome {

    ContextEntry context();

    record Connected(ContextEntry context, ClusterSession session) implements ConnectionOutcome {
        public ClusterFacts facts() {
            return session.facts();
        }
    }

    record Failed(ContextEntry context, ConnectionFailure failure) implements ConnectionOutcome {
    }
}
