package io.mtcassistant.ui.steps.plans;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.mtcassistant.monitor.MigResources;
import io.mtcassistant.sim.SimulatedEnvironment;
import io.mtcassistant.ui.task.SyncTaskRunner;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The New plan flow's view model on the demo's simulated clusters (no toolkit: tasks run at once): after the plan
 * is created, changes on the Options and Hooks pages are saved as edits through the change plan.
 */
class NewPlanViewModelSimulationTest {

    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path dir;

    private static final ResourceDefinitionContext MIG_HOOK = io.mtcassistant.plans.MigPlanManifests.MIG_HOOK;

    private static SimulatedEnvironment environment;
    private static KubernetesClient target;
    private static KubernetesClient source;

    @BeforeAll
    static void start() {
        environment = SimulatedEnvironment.startDemoPair();
        environment.migrations().awaitSeeded(Duration.ofSeconds(120));
        target = environment.target().client();
        source = environment.source().client();
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable closeable : new AutoCloseable[] {source, target, environment}) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            } catch (Exception e) {
                // closing is best effort
            }
        }
    }

    private static JsonNode object(ResourceDefinitionContext kind, String name) {
        var object = target.genericKubernetesResources(kind).inNamespace(MigResources.NAMESPACE).withName(name).get();
        return object == null ? null : Serialization.jsonMapper().valueToTree(object);
    }

    @Test
    void optionsAndHooksChangedAfterTheCreateAreSavedInThePlan() {
        NewPlanViewModel model = newModel();
        model.load();
        assertThat(model.general().sourceProperty().get().name()).isEqualTo("sim-source");
        assertThat(model.general().targetProperty().get().name()).isEqualTo("host");
        // the demo's control cluster leaves rsync_endpoint_type unset: the Options page says what the Route needs
        assertThat(model.options().volumesNeedProperty().get()).startsWith("⚠ rsync_endpoint_type is not set on the "
                + "control cluster's MigrationController, so rsync to 'host' uses a Route: a passthrough Route");
        model.options().directVolumesProperty().set(false);
        assertThat(model.options().volumesNeedProperty().get()).isEmpty();
        model.options().directVolumesProperty().set(true);
        model.general().nameProperty().set("billing-edit");
        model.namespaces().shownNamespaces().stream().filter(r -> r.namespace().name().equals("billing")).findFirst()
                .orElseThrow().selectedProperty().set(true);
        model.create();
        assertThat(model.readyProperty().get()).as(model.statusProperty().get()).isTrue();
        JsonNode plan = object(MigResources.MIG_PLAN, "billing-edit");
        assertThat(plan.path("spec").path("indirectVolumeMigration").asBoolean()).isFalse();
        assertThat(plan.path("spec").has("hooks")).isFalse();

        model.options().directVolumesProperty().set(false);
        model.applyOptions();
        assertThat(model.statusProperty().get()).isEqualTo("Migration options saved in the plan.");
        assertThat(object(MigResources.MIG_PLAN, "billing-edit").path("spec").path("indirectVolumeMigration")
                .asBoolean()).isTrue();

        model.hooks().enabledProperty().set(true);
        model.hooks().nameProperty().set("quiesce-ledger");
        model.hooks().playbookProperty().set("- hosts: localhost\n  tasks: []\n");
        model.applyHooks();
        assertThat(model.statusProperty().get()).isEqualTo("Hooks saved in the plan.");
        JsonNode hooks = object(MigResources.MIG_PLAN, "billing-edit").path("spec").path("hooks");
        assertThat(hooks).hasSize(1);
        assertThat(hooks.get(0).path("reference").path("name").asText()).isEqualTo("quiesce-ledger");
        assertThat(hooks.get(0).path("phase").asText()).isEqualTo("PreBackup");
        JsonNode hook = object(MIG_HOOK, "quiesce-ledger");
        assertThat(hook.path("spec").path("custom").asBoolean()).isFalse();
        assertThat(hook.path("spec").path("playbook").asText()).isNotEmpty();

        // the same hook switched to a custom image: the MigHook is patched and loses its playbook
        model.hooks().playbookProperty().set("");
        model.hooks().imageProperty().set("quay.example/tools/quiesce:1");
        model.applyHooks();
        hook = object(MIG_HOOK, "quiesce-ledger");
        assertThat(hook.path("spec").path("custom").asBoolean()).isTrue();
        assertThat(hook.path("spec").path("image").asText()).isEqualTo("quay.example/tools/quiesce:1");
        assertThat(hook.path("spec").has("playbook")).isFalse();

        // a bad hook name is refused before anything is sent
        model.hooks().nameProperty().set("Quiesce_Ledger");
        model.applyHooks();
        assertThat(model.problemsProperty().get()).startsWith("✗ hook: name 'Quiesce_Ledger'");
        assertThat(object(MIG_HOOK, "Quiesce_Ledger")).isNull();
    }

    @Test
    void anExistingPlanIsShownLockedAndItsNamespaceAndVolumeChangesAreReviewedAsADiffThenApplied() {
        NewPlanViewModel creator = newModel();
        creator.load();
        creator.general().nameProperty().set("wiki-edit");
        tick(creator, "wiki");
        creator.create();
        assertThat(creator.readyProperty().get()).as(creator.statusProperty().get()).isTrue();

        NewPlanViewModel model = newModel();
        model.editExisting("wiki-edit");
        model.load();
        assertThat(model.titleProperty().get()).isEqualTo("Edit migration plan wiki-edit");
        assertThat(model.general().lockedProperty().get()).isTrue();
        assertThat(model.general().nameProperty().get()).isEqualTo("wiki-edit");
        assertThat(model.general().sourceProperty().get().name()).isEqualTo("sim-source");
        assertThat(model.namespaces().selected()).extracting(m -> m.specValue()).containsExactly("wiki");
        assertThat(model.volumes().volumes()).hasSize(2);
        assertThat(model.pendingEdit()).as("nothing changed yet").isEmpty();

        // a volume choice: Review shows the merge patch as a diff against the live plan
        model.volumes().volumes().get(0).actionProperty().set(io.mtcassistant.plans.PvAction.SKIP);
        toReview(model);
        assertThat(model.yamlProperty().get()).contains("Edit plan wiki-edit", "+      action: skip");
        model.create();
        assertThat(model.statusProperty().get()).isEqualTo("Plan wiki-edit changed.");
        assertThat(object(MigResources.MIG_PLAN, "wiki-edit").path("spec").path("persistentVolumes").get(0)
                .path("selection").path("action").asText()).isEqualTo("skip");

        // a namespace more: the patch holds the namespace list only; Apply waits for the new volumes
        tick(model, "billing");
        toReview(model);
        assertThat(model.yamlProperty().get()).contains("+  - billing", "discovers the volumes of the new namespace");
        model.create();
        assertThat(model.statusProperty().get()).startsWith("Plan wiki-edit changed. Check the volumes");
        assertThat(model.volumes().volumes()).extracting(r -> r.volume().namespace()).contains("billing", "wiki");
        assertThat(object(MigResources.MIG_PLAN, "wiki-edit").path("spec").path("namespaces")).hasSize(2);
        target.genericKubernetesResources(MigResources.MIG_PLAN).inNamespace(MigResources.NAMESPACE)
                .withName("wiki-edit").delete();
    }

    @Test
    void editingFillsTheHooksPageAndReviewsOptionsAndHookChangesWithTheOthersAsOneDiff() {
        NewPlanViewModel creator = newModel();
        creator.load();
        creator.general().nameProperty().set("ci-hooks");
        tick(creator, "ci-tools");
        HooksPage page = creator.hooks();
        page.enabledProperty().set(true);
        page.nameProperty().set("ci-quiesce");
        page.playbookProperty().set("- hosts: localhost\n  tasks: []\n");
        page.addAnother();
        page.nameProperty().set("ci-warm");
        page.phaseProperty().set(io.mtcassistant.plans.HookPhase.PostRestore);
        page.imageProperty().set("quay.example/tools/warm:1");
        page.namespaceProperty().set("ci-tools");
        page.serviceAccountProperty().set("default");
        creator.create();
        assertThat(creator.readyProperty().get()).as(creator.statusProperty().get()).isTrue();
        assertThat(object(MigResources.MIG_PLAN, "ci-hooks").path("spec").path("hooks")).hasSize(2);

        target.genericKubernetesResources(MIG_HOOK).inNamespace(MigResources.NAMESPACE).resource(
                Serialization.unmarshal("""
                        {"apiVersion": "migration.openshift.io/v1alpha1", "kind": "MigHook",
                         "metadata": {"name": "ci-other", "namespace": "openshift-migration"},
                         "spec": {"custom": true, "image": "quay.example/other:1", "targetCluster": "source"}}""",
                        io.fabric8.kubernetes.api.model.GenericKubernetesResource.class)).create();
        NewPlanViewModel model = newModel();
        model.editExisting("ci-hooks");
        model.load();
        HooksPage hooks = model.hooks();
        assertThat(hooks.enabledProperty().get()).isTrue();
        assertThat(hooks.nameProperty().get()).isEqualTo("ci-quiesce");
        assertThat(hooks.playbookProperty().get()).isEqualTo("- hosts: localhost\n  tasks: []\n");
        assertThat(hooks.imageProperty().get()).as("the default hook runner is not shown as a custom image").isEmpty();
        assertThat(hooks.others()).extracting(h -> h.name() + " " + h.phase() + " " + h.image() + " "
                + h.executionNamespace() + "/" + h.serviceAccount())
                .containsExactly("ci-warm PostRestore quay.example/tools/warm:1 ci-tools/default");
        assertThat(model.pendingEdit()).as("the hooks as the plan has them: nothing to change").isEmpty();
        assertThat(model.statusProperty().get()).doesNotContain("replaces");

        // a new hook may not take the name of a MigHook that is not the plan's (the plan would run that one)
        hooks.addAnother();
        hooks.nameProperty().set("ci-other");
        hooks.imageProperty().set("quay.example/mine:1");
        model.create();
        assertThat(model.problemsProperty().get()).isEqualTo("✗ hook: ci-other: a MigHook of that name exists in "
                + "openshift-migration (another plan's?): choose another name");
        assertThat(object(MIG_HOOK, "ci-other").path("spec").path("image").asText()).isEqualTo("quay.example/other:1");
        hooks.enabledProperty().set(false);
        assertThat(model.pendingEdit()).isEmpty();

        // options and a hook changed: one change plan, the hook's patch before the plan's
        model.options().directVolumesProperty().set(false);
        hooks.take(hooks.others().get(0));
        assertThat(hooks.others()).extracting(h -> h.name()).containsExactly("ci-quiesce");
        hooks.imageProperty().set("quay.example/tools/warm:2");
        toReview(model);
        String review = model.yamlProperty().get();
        assertThat(review).contains("Edit plan ci-hooks", "merge-patch MigHook openshift-migration/ci-warm",
                "-  image: quay.example/tools/warm:1", "+  image: quay.example/tools/warm:2",
                "merge-patch MigPlan openshift-migration/ci-hooks", "-  indirectVolumeMigration: false",
                "+  indirectVolumeMigration: true").doesNotContain("ci-quiesce changed");
        assertThat(review.indexOf("MigHook openshift-migration/ci-warm"))
                .isLessThan(review.indexOf("MigPlan openshift-migration/ci-hooks"));
        // Export writes the same change plan: the hook's patch and the plan's, one script
        assertThat(model.export(dir.resolve("ci-hooks-edit"))).extracting(f -> f.getFileName().toString())
                .containsExactly("01-merge-patch-mighook-ci-warm.yaml", "02-merge-patch-migplan-ci-hooks.yaml",
                        "apply.sh");
        String quiesceVersion = object(MIG_HOOK, "ci-quiesce").path("metadata").path("resourceVersion").asText();
        model.create();
        assertThat(model.statusProperty().get()).isEqualTo("Plan ci-hooks changed.");
        assertThat(object(MIG_HOOK, "ci-warm").path("spec").path("image").asText())
                .isEqualTo("quay.example/tools/warm:2");
        assertThat(object(MIG_HOOK, "ci-quiesce").path("metadata").path("resourceVersion").asText())
                .as("an unchanged hook is not written").isEqualTo(quiesceVersion);
        JsonNode plan = object(MigResources.MIG_PLAN, "ci-hooks");
        assertThat(plan.path("spec").path("indirectVolumeMigration").asBoolean()).isTrue();
        assertThat(plan.path("spec").path("hooks")).extracting(h -> h.path("reference").path("name").asText())
                .containsExactly("ci-quiesce", "ci-warm");
        assertThat(model.pendingEdit()).as("applied: the live plan is the new baseline").isEmpty();

        // a hook dropped: the plan stops naming it, then its MigHook is deleted (no other plan runs it)
        hooks.enabledProperty().set(false);
        toReview(model);
        assertThat(model.yamlProperty().get()).contains("delete MigHook openshift-migration/ci-warm");
        model.create();
        assertThat(model.statusProperty().get()).isEqualTo("Plan ci-hooks changed.");
        assertThat(object(MIG_HOOK, "ci-warm")).isNull();
        assertThat(object(MigResources.MIG_PLAN, "ci-hooks").path("spec").path("hooks"))
                .extracting(h -> h.path("reference").path("name").asText()).containsExactly("ci-quiesce");
        target.genericKubernetesResources(MigResources.MIG_PLAN).inNamespace(MigResources.NAMESPACE)
                .withName("ci-hooks").delete();
        for (String hook : List.of("ci-quiesce", "ci-other")) {
            target.genericKubernetesResources(MIG_HOOK).inNamespace(MigResources.NAMESPACE).withName(hook).delete();
        }
    }

    @Test
    void aProposedCapacityIsConfirmedOnThePersistentVolumesPage() {
        io.mtcassistant.plans.GrownClaims.create(source, "grown-ui", "pv-grown-ui-data");
        try {
            NewPlanViewModel model = newModel();
            model.load();
            model.general().nameProperty().set("grown-ui");
            tick(model, "grown-ui");
            model.create();
            VolumeRow row = model.volumes().volumes().get(0);
            assertThat(row.capacityText()).isEqualTo("confirm the proposed target capacity 8Gi");
            assertThat(row.capacityConfirmedProperty().get()).isFalse();
            row.capacityConfirmedProperty().set(true);
            model.applyVolumes();
            assertThat(model.statusProperty().get()).isEqualTo("Volume choices saved in the plan.");
            assertThat(object(MigResources.MIG_PLAN, "grown-ui").path("spec").path("persistentVolumes").get(0)
                    .path("capacityConfirmed").asBoolean()).isTrue();
            assertThat(model.volumes().volumes().get(0).capacityText()).endsWith("8Gi (confirmed)");
        } finally {
            target.genericKubernetesResources(MigResources.MIG_PLAN).inNamespace(MigResources.NAMESPACE)
                    .withName("grown-ui").delete();
            source.namespaces().withName("grown-ui").delete();
        }
    }

    /** The plan window's view model on the demo's clusters, its tasks run at once. */
    private static NewPlanViewModel newModel() {
        return new NewPlanViewModel(new ClusterPlanService("sim-target", target, source), new SyncTaskRunner(),
                plan -> { });
    }

    private static void tick(NewPlanViewModel model, String namespace) {
        model.namespaces().shownNamespaces().stream().filter(r -> r.namespace().name().equals(namespace)).findFirst()
                .orElseThrow().selectedProperty().set(true);
    }

    private static void toReview(NewPlanViewModel model) {
        model.pageProperty().set(NewPlanViewModel.PAGES.size() - 2);
        model.next();
        assertThat(model.pageProperty().get()).isEqualTo(NewPlanViewModel.PAGES.size() - 1);
    }
}
