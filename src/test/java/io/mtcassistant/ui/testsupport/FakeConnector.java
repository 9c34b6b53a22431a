package io.mtcassistant.ui.testsupport;

import io.mtcassistant.cluster.ClusterConnector;
import io.mtcassistant.cluster.ClusterFacts;
import io.mtcassistant.cluster.ConnectOptions;
import io.mtcassistant.cluster.ConnectionFailure;
import io.mtcassistant.cluster.ConnectionOutcome;
import io.mtcassistant.cluster.ContextEntry;
import io.mtcassistant.cluster.KubeconfigSet;
import io.mtcassistant.cluster.PlatformClass;
import io.mtcassistant.common.ActivityListener;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/** Answers connections as the test scripted them; remembers every call with its options. */
public final class FakeConnector implements ClusterConnector {

    public record Call(String context, ConnectOptions options) {
    }

    private final Map<String, BiFunction<ContextEntry, ConnectOptions, ConnectionOutcome>> answers = new HashMap<>();
    public final List<Call> calls = new ArrayList<>();
    public final List<FakeSession> sessions = new ArrayList<>();

    public FakeConnector succeeds(String context, String openshiftVersion, boolean clusterAdmin) {
        answers.put(context, (entry, options) -> {
            FakeSession session = new FakeSession(entry, facts(entry, openshiftVersion, clusterAdmin));
            sessions.add(session);
            return new ConnectionOutcome.Connected(entry, session);
        });
        return this;
    }

    public FakeConnector fails(String context, ConnectionFailure failure) {
        answers.put(context, (entry, options) -> new ConnectionOutcome.Failed(entry, failure));
        return this;
    }

    public FakeConnector answers(String context, BiFunction<ContextEntry, ConnectOptions, ConnectionOutcome> answer) {
        answers.put(context, answer);
        return this;
    }

    public FakeConnector throwsFor(String context, RuntimeException error) {
        answers.put(context, (entry, options) -> {
            throw error;
        });
        return this;
    }

    public static ClusterFacts facts(ContextEntry entry, String openshiftVersion, boolean clusterAdmin) {
        boolean three = openshiftVersion.startsWith("3.");
        return new ClusterFacts(entry.name(), entry.server(), three ? "v1.11.0+d4cacc0" : "v1.25.16+6df2177",
                openshiftVersion, three ? null : openshiftVersion, three ? PlatformClass.LEGACY : PlatformClass.MODERN,
                three ? "system:admin" : "kube:admin", clusterAdmin);
    }

    @Override
    public ConnectionOutcome connect(KubeconfigSet kubeconfigs, String context, ConnectOptions options, ActivityListener activity) {
        calls.add(new Call(context, options));
        ContextEntry entry = kubeconfigs.context(context).orElseThrow();
        activity.info("Connector", "GET " + entry.server() + "/version");
        BiFunction<ContextEntry, ConnectOptions, ConnectionOutcome> answer = answers.get(context);
        if (answer == null) {
            throw new IllegalStateException("the test did not script context " + context);
        }
        ConnectionOutcome outcome = answer.apply(entry, options);
        if (outcome instanceof ConnectionOutcome.Connected connected) {
            activity.success("Connector", "Connected to " + context + ": OpenShift " + connected.facts().openshiftVersion());
        } else if (outcome instanceof ConnectionOutcome.Failed failed) {
            activity.error("Connector", failed.failure().summary());
        }
        return outcome;
    }
}
