package io.mtcassistant.install;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.mtcassistant.install.plan.ActionOutcome;
import io.mtcassistant.install.plan.ActionPreview;
import io.mtcassistant.install.plan.ActionState;
import io.mtcassistant.install.plan.ApplyResult;
import io.mtcassistant.install.plan.ChangeAction;
import io.mtcassistant.install.plan.ChangePlan;
import io.mtcassistant.install.plan.ChangePlanApplier;
import io.mtcassistant.install.plan.ChangePlanExporter;
import io.mtcassistant.install.plan.ChangePlanPreview;
import io.mtcassistant.install.plan.KubeObjects;
import io.mtcassistant.install.plan.ObjectRef;
import io.mtcassistant.install.plan.WaitCondition;
import io.mtcassistant.sim.SimulatedCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The change plan against a simulated cluster: states, already present, merge patch diff, waits, resume, export. */
class ChangePlanApplyTest {

    private static SimulatedCluster cluster;
    private static KubernetesClient client;

    @BeforeAll
    static void start() {
        cluster = SimulatedCluster.builder().name("plan-test").openShift4("4.12.45").admin(true).start();
        client = cluster.client();
    }

    @AfterAll
    static void stop() {
        client.close();
        cluster.close();
    }

    private static ChangePlanApplier applier() {
        return new ChangePlanApplier(client, Duration.ofMillis(100), Clock.systemUTC());
    }

    private static GenericKubernetesResource namespace(String name) {
        return KubeObjects.generic(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build());
    }

    private static GenericKubernetesResource configMap(String ns, String name, Map<String, String> data) {
        return KubeObjects.generic(new ConfigMapBuilder().withNewMetadata().withName(name).withNamespace(ns).endMetadata()
                .withData(data).build());
    }

    @Test
    void appliesInOrderWithStatesAndSecondApplyFindsEverythingPresent() {
        ChangePlan plan = ChangePlan.builder("plan-test", "demo").add(ChangeAction.createIfAbsent(namespace("p1"), "home"))
                .add(ChangeAction.create(configMap("p1", "cfg", Map.of("a", "1", "keep", "yes")), "settings"))
                .add(ChangeAction.mergePatch(configMap("p1", "cfg", Map.of("a", "2")), "change a"))
                .add(ChangeAction.waitFor(new ObjectRef("v1", "ConfigMap", "p1", "cfg"),
                        new WaitCondition("data.a", List.of("2"), List.of("broken"), null, Duration.ofSeconds(30)), "see it"))
                .build();
        List<ActionOutcome> seen = new ArrayList<>();
        ApplyResult first = applier().apply(plan, seen::add);

        assertThat(first.succeeded()).as(first.toString()).isTrue();
        assertThat(first.outcomes()).extracting(ActionOutcome::state)
                .containsExactly(ActionState.DONE, ActionState.DONE, ActionState.DONE, ActionState.DONE);
        assertThat(seen).extracting(ActionOutcome::state).contains(ActionState.WAITING, ActionState.RUNNING);
        assertThat(client.configMaps().inNamespace("p1").withName("cfg").get().getData())
                .containsEntry("a", "2").containsEntry("keep", "yes");

        ApplyResult second = applier().apply(plan, o -> { });
        assertThat(second.outcomes()).extracting(ActionOutcome::state).containsExactly(ActionState.ALREADY_PRESENT,
                ActionState.ALREADY_PRESENT, ActionState.ALREADY_PRESENT, ActionState.DONE);
        assertThat(second.outcomes().get(1).message()).contains("already present");
    }

    @Test
    void previewShowsThePatchAsADiffAgainstTheLiveObject() {
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("p2").endMetadata().build())
                .create();
        client.configMaps().inNamespace("p2").resource(new ConfigMapBuilder().withNewMetadata().withName("cfg")
                .endMetadata().withData(Map.of("a", "1", "keep", "yes")).build()).create();
        ChangePlan plan = ChangePlan.builder("plan-test", "patch")
                .add(ChangeAction.mergePatch(configMap("p2", "cfg", Map.of("a", "2")), "change a")).build();

        List<ActionPreview> previews = ChangePlanPreview.of(plan, client);

        assertThat(previews.get(0).diff()).contains("-  a: \"1\"").contains("+  a: \"2\"").doesNotContain("-  keep");
        assertThat(ChangePlanPreview.text(plan, previews)).contains("01  merge-patch ConfigMap p2/cfg")
                .contains("why: change a");
    }

    @Test
    void aFailedWaitStopsThePlanAndNothingAfterItIsReportedDone() {
        ChangePlan plan = ChangePlan.builder("plan-test", "fails")
                .add(ChangeAction.createIfAbsent(namespace("p3"), "home"))
                .add(ChangeAction.create(configMap("p3", "state", Map.of("phase", "Failed", "why", "bad image")), "x"))
                .add(ChangeAction.waitFor(new ObjectRef("v1", "ConfigMap", "p3", "state"),
                        new WaitCondition("data.phase", List.of("Succeeded"), List.of("Failed"), "data.why",
                                Duration.ofSeconds(30)), "wait"))
                .add(ChangeAction.create(configMap("p3", "after", Map.of()), "never"))
                .build();

        ApplyResult result = applier().apply(plan, o -> { });

        assertThat(result.succeeded()).isFalse();
        assertThat(result.outcomes()).extracting(ActionOutcome::state).containsExactly(ActionState.DONE, ActionState.DONE,
                ActionState.FAILED, ActionState.WAITING);
        assertThat(result.failure().orElseThrow().message()).contains("data.phase is Failed").contains("bad image");
        assertThat(client.configMaps().inNamespace("p3").withName("after").get()).isNull();
    }

    @Test
    void aWaitThatNeverArrivesTimesOutWithTheObjectsMessage() {
        ChangePlan plan = ChangePlan.builder("plan-test", "timeout")
                .add(ChangeAction.createIfAbsent(namespace("p4"), "home"))
                .add(ChangeAction.create(configMap("p4", "state", Map.of("phase", "Pending", "why", "still pulling")), "x"))
                .add(ChangeAction.waitFor(new ObjectRef("v1", "ConfigMap", "p4", "state"),
                        new WaitCondition("data.phase", List.of("Succeeded"), List.of(), "data.why", Duration.ofMillis(500)),
                        "wait"))
                .build();

        ApplyResult result = applier().apply(plan, o -> { });

        assertThat(result.failure().orElseThrow().message()).startsWith("timed out after 0 s waiting for data.phase is")
                .contains("Pending").contains("still pulling");
    }

    @Test
    void exportWritesNumberedManifestsAndAScript(@TempDir Path dir) throws Exception {
        ChangePlan plan = ChangePlan.builder("plan-test", "export").add(ChangeAction.createIfAbsent(namespace("p5"), "home"))
                .add(ChangeAction.mergePatch(configMap("p5", "cfg", Map.of("a", "2")), "change a"))
                .add(ChangeAction.approve("p5", "mtc-operator.v1.8.8", Duration.ofSeconds(60), "pinned"))
                .build();
        Path out = dir.resolve("plan");

        List<Path> files = ChangePlanExporter.export(plan, out);

        assertThat(files).extracting(p -> p.getFileName().toString()).containsExactly(
                "01-create-if-absent-namespace-p5.yaml", "02-merge-patch-configmap-cfg.yaml", "apply.sh");
        assertThat(Files.readString(out.resolve("02-merge-patch-configmap-cfg.yaml"))).isEqualTo("data:\n  a: \"2\"\n");
        String script = Files.readString(out.resolve("apply.sh"));
        assertThat(script).startsWith("#!/bin/sh").contains("K=\"${KUBECTL:-oc}\"")
                .contains("merge_patch configmaps 'cfg' p5 '02-merge-patch-configmap-cfg.yaml'")
                .contains("approve p5 'mtc-operator.v1.8.8' 60");
        assertThat(Files.isExecutable(out.resolve("apply.sh"))).isTrue();
        try (var leftovers = Files.list(dir)) {
            assertThat(leftovers).containsExactly(out);
        }
    }
}
