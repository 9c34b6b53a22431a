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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The New plan flow's view model on the demo's simulated clusters (no toolkit: tasks run at once): after the plan
 * is created, changes on the Options and Hooks pages are saved as edits through the change plan.
 */
class NewPlanViewModelSimulationTest {

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
        NewPlanViewModel model = new NewPlanViewModel(new ClusterPlanService("sim-target", target, source),
                new SyncTaskRunner(), plan -> { });
        model.load();
        assertThat(model.general().sourceProperty().get().name()).isEqualTo("sim-source");
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
}
