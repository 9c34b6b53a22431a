package io.mtcassistant.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.mtcassistant.monitor.MigResources;
import io.mtcassistant.plans.PlanVolume;
import io.mtcassistant.plans.PvAction;
import io.mtcassistant.plans.PvSelections;
import io.mtcassistant.sim.SimulatedEnvironment;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `plan create|edit|close|delete` against the demo's simulated clusters and controller. */
class PlanCommandSimulationTest {

    private static SimulatedEnvironment environment;
    private static KubernetesClient target;
    @TempDir
    static Path dir;
    private static Path kubeconfig;

    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();

    @BeforeAll
    static void start() {
        environment = SimulatedEnvironment.startDemoPair();
        environment.migrations().awaitSeeded(Duration.ofSeconds(120));
        target = environment.target().client();
        kubeconfig = environment.writeKubeconfig(dir.resolve("kubeconfig"));
    }

    @AfterAll
    static void stop() {
        if (target != null) {
            target.close();
        }
        if (environment != null) {
            environment.close();
        }
    }

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        String[] full = new String[args.length + 4];
        System.arraycopy(args, 0, full, 0, args.length);
        full[args.length] = "--kubeconfig";
        full[args.length + 1] = kubeconfig.toString();
        full[args.length + 2] = "--context";
        full[args.length + 3] = "sim-target";
        return MtcAssistantCommand.run(full, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    private static String[] create(String name, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("plan", "create", "--name", name, "--source-cluster",
                "sim-source", "--target-cluster", "host", "--storage", "replication-repository"));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    private static JsonNode plan(String name) {
        return Serialization.jsonMapper().valueToTree(target.genericKubernetesResources(MigResources.MIG_PLAN)
                .inNamespace(MigResources.NAMESPACE).withName(name).get());
    }

    @Test
    void aPlanCreatedFromFlagsBecomesReadyWithItsVolumeChoices() {
        String uploads = io.mtcassistant.sim.migration.DemoSourceWorkloads.volumeName("wiki", "wiki-uploads");
        assertThat(run(create("wiki", "--namespace", "wiki:wiki-new", "--direct-volumes", "--direct-images",
                "--pv", uploads + "=skip", "--apply"))).as(out + " " + err).isZero();
        assertThat(out.toString()).contains("Ready: The plan is ready");
        assertThat(err.toString()).contains("mtc-assistant: warning: direct-volumes: rsync_endpoint_type is not set "
                + "on the control cluster's MigrationController, so rsync to 'host' uses a Route");
        JsonNode plan = plan("wiki");
        assertThat(plan.path("spec").path("namespaces").get(0).asText()).isEqualTo("wiki:wiki-new");
        assertThat(PlanVolume.listFrom(plan)).hasSize(2);
        assertThat(PvSelections.resolve(plan, List.of())).filteredOn(c -> c.pvName().equals(uploads))
                .singleElement().extracting(c -> c.action()).isEqualTo(PvAction.SKIP);

        assertThat(run("plan", "edit", "--name", "wiki", "--pv", uploads + "=copy", "--plan")).isZero();
        assertThat(out.toString()).contains("merge-patch MigPlan openshift-migration/wiki", "-      action: skip");
        assertThat(run("plan", "edit", "--name", "wiki", "--pv", uploads + "=copy:::ReadWriteOnce:verify", "--plan"))
                .as(err.toString()).isZero();
        assertThat(out.toString()).contains("+      verify: true", "accessMode: ReadWriteOnce");
        assertThat(run("plan", "close", "--name", "wiki", "--apply")).isZero();
        assertThat(plan("wiki").path("spec").path("closed").asBoolean()).isTrue();
        assertThat(run("plan", "delete", "--name", "wiki", "--apply")).isZero();
        assertThat(target.genericKubernetesResources(MigResources.MIG_PLAN).inNamespace(MigResources.NAMESPACE)
                .withName("wiki").get()).isNull();
    }

    @Test
    void aMissingNamespaceFailsWithTheFix() {
        assertThat(run(create("ghost", "--namespace", "ghost-town", "--apply"))).isEqualTo(1);
        assertThat(out.toString()).contains("NamespaceNotFoundOnSourceCluster", "fix: Remove it from the plan");
        // with the source connected it is refused before anything is created
        assertThat(run(create("ghost-2", "--namespace", "ghost-town", "--source-context", "sim-source", "--apply")))
                .isEqualTo(2);
        assertThat(err.toString().strip()).isEqualTo("mtc-assistant: namespaces: ghost-town does not exist on the "
                + "source cluster");
    }

    @Test
    void overThePvLimitIsBadInputWhenTheSourceIsCounted() {
        List<String> namespaces = List.of("webshop", "inventory", "inventory-db", "payroll", "crm", "reports", "wiki",
                "ci-tools", "billing", "default", "kube-system");
        List<String> args = new java.util.ArrayList<>();
        namespaces.forEach(n -> args.addAll(List.of("--namespace", n)));
        args.add("--plan");
        assertThat(run(create("everything", args.toArray(String[]::new)))).isEqualTo(2);
        assertThat(err.toString().strip()).isEqualTo("mtc-assistant: namespaces: 11 namespaces exceed the "
                + "controller's limit of 10 (mig_namespace_limit): split the plan");
        assertThat(run(create("Bad_Name", "--namespace", "wiki", "--plan"))).isEqualTo(2);
        assertThat(err.toString().strip()).startsWith("mtc-assistant: name: 'Bad_Name' must be lower-case");
    }

    @Test
    void aPlanNeedingARegistryRouteIsExportedAndRefusedWithTheReason() throws Exception {
        Path export = dir.resolve("export");
        assertThat(run(create("billing", "--namespace", "billing", "--export", export.toString()))).isZero();
        assertThat(Files.readString(export.resolve("01-create-migplan-billing.yaml")))
                .contains("indirectImageMigration: true");
        Path file = dir.resolve("plan.yaml");
        Files.writeString(file, Files.readString(export.resolve("01-create-migplan-billing.yaml"))
                .replace("srcMigClusterRef:\n    name: sim-source", "srcMigClusterRef:\n    name: host")
                .replace("indirectImageMigration: true", "indirectImageMigration: false"));
        assertThat(run("plan", "create", "--from-file", file.toString(), "--plan")).isEqualTo(2);
        assertThat(err.toString()).contains("direct-images: MigCluster 'host' has no exposed registry route");
    }

    @Test
    void hooksFromFlagsAreCreatedWithThePlanThenEdited() throws Exception {
        Path playbook = dir.resolve("quiesce.yml");
        Files.writeString(playbook, "- hosts: localhost\n  tasks:\n  - debug: msg=quiesce\n");
        assertThat(run(create("billing-hooks", "--namespace", "billing", "--hook", "quiesce-ledger", "--hook-phase",
                "PreBackup", "--hook-playbook", playbook.toString(), "--hook", "warm-ledger", "--hook-phase",
                "PostRestore", "--hook-image", "quay.example/tools/warm:1", "--hook-namespace", "billing",
                "--hook-service-account", "default", "--apply"))).as(out + " " + err).isZero();
        JsonNode hooks = plan("billing-hooks").path("spec").path("hooks");
        assertThat(hooks).hasSize(2);
        assertThat(hooks.get(1).path("phase").asText()).isEqualTo("PostRestore");
        assertThat(hooks.get(1).path("executionNamespace").asText()).isEqualTo("billing");
        assertThat(hooks.get(1).path("serviceAccount").asText()).isEqualTo("default");
        JsonNode quiesce = hook("quiesce-ledger").path("spec");
        assertThat(quiesce.path("custom").asBoolean()).isFalse();
        assertThat(quiesce.path("targetCluster").asText()).isEqualTo("source");
        assertThat(new String(java.util.Base64.getDecoder().decode(quiesce.path("playbook").asText())))
                .isEqualTo(Files.readString(playbook));
        assertThat(hook("warm-ledger").path("spec").path("targetCluster").asText()).isEqualTo("destination");

        // a new plan may not take a hook name another plan's MigHook has
        assertThat(run(create("billing-2", "--namespace", "billing", "--hook", "warm-ledger", "--hook-phase",
                "PreRestore", "--hook-image", "quay.example/other:1", "--plan"))).isEqualTo(2);
        assertThat(err.toString().strip()).isEqualTo("mtc-assistant: --hook warm-ledger: a MigHook of that name "
                + "exists in openshift-migration (another plan's?): choose another name");

        assertThat(run("plan", "edit", "--name", "billing-hooks", "--hook", "warm-ledger", "--hook-phase",
                "PostRestore", "--hook-image", "quay.example/tools/warm:2", "--apply")).as(out + " " + err).isZero();
        assertThat(plan("billing-hooks").path("spec").path("hooks")).hasSize(1);
        assertThat(hook("warm-ledger").path("spec").path("image").asText()).isEqualTo("quay.example/tools/warm:2");
        assertThat(hook("quiesce-ledger")).as("dropped and run by no other plan: deleted").isNull();
        assertThat(run("plan", "edit", "--name", "billing-hooks", "--direct-volumes=false", "--apply")).isZero();
        assertThat(plan("billing-hooks").path("spec").path("indirectVolumeMigration").asBoolean()).isTrue();
        assertThat(run("plan", "edit", "--name", "billing-hooks", "--direct-volumes=false", "--apply")).isZero();
        assertThat(out.toString()).contains("applied", "note: Plan billing-hooks already is so: nothing to change.");
        assertThat(run("plan", "edit", "--name", "billing-hooks", "--direct-volumes=false", "--plan", "--output",
                "json")).isZero();
        assertThat(out.toString()).contains("\"actions\" : [ ]",
                "Plan billing-hooks already is so: nothing to change.");
        assertThat(run("plan", "edit", "--name", "billing-hooks", "--no-hooks", "--plan")).isZero();
        assertThat(out.toString()).contains("merge-patch MigPlan openshift-migration/billing-hooks",
                "delete MigHook openshift-migration/warm-ledger");
        assertThat(run("plan", "edit", "--name", "billing-hooks", "--no-hooks", "--apply")).isZero();
        assertThat(plan("billing-hooks").path("spec").path("hooks")).isEmpty();
        assertThat(hook("warm-ledger")).isNull();
        assertThat(run("plan", "delete", "--name", "billing-hooks", "--apply")).isZero();
    }

    @Test
    void aPlanWhoseMigrationRunsIsNotChangedAndTheMigrationIsNamed() {
        // the demo's crm stage is paused (blocked direct volume migration): it has not ended
        assertThat(run("plan", "delete", "--name", "crm", "--apply")).isEqualTo(1);
        assertThat(err.toString()).contains("mtc-assistant: refused: migration crm-stage-1 of plan crm is running (");
        assertThat(plan("crm").path("metadata").path("name").asText()).isEqualTo("crm");
        assertThat(run("plan", "edit", "--name", "crm", "--namespace", "crm", "--namespace", "billing", "--apply"))
                .isEqualTo(1);
        assertThat(plan("crm").path("spec").path("namespaces")).hasSize(1);
        // a preview still shows the change, with the reason as a warning
        assertThat(run("plan", "close", "--name", "crm", "--plan")).isZero();
        assertThat(err.toString()).contains("mtc-assistant: warning: migration crm-stage-1 of plan crm is running");
        assertThat(out.toString()).contains("Close migration plan crm");
    }

    @Test
    void aProposedCapacityIsConfirmedFromTheCommandLine() {
        KubernetesClient source = environment.source().client();
        try {
            io.mtcassistant.plans.GrownClaims.create(source, "grown-cli", "pv-grown-cli-data");
            assertThat(run(create("grown-cli", "--namespace", "grown-cli", "--apply"))).as(err.toString()).isZero();
            assertThat(PlanVolume.listFrom(plan("grown-cli")).get(0).needsCapacityConfirmation()).isTrue();
            assertThat(run("plan", "edit", "--name", "grown-cli", "--capacity-confirmed", "pv-nope", "--plan"))
                    .isEqualTo(2);
            assertThat(err.toString()).contains("capacity-confirmed: pv-nope is not a persistent volume of this plan");
            assertThat(run("plan", "edit", "--name", "grown-cli", "--capacity-confirmed", "pv-grown-cli-data",
                    "--plan")).isZero();
            assertThat(out.toString()).contains("+    capacityConfirmed: true");
            assertThat(run("plan", "edit", "--name", "grown-cli", "--capacity-confirmed", "pv-grown-cli-data",
                    "--apply")).as(err.toString()).isZero();
            PlanVolume volume = PlanVolume.listFrom(plan("grown-cli")).get(0);
            assertThat(volume.capacityConfirmed()).isTrue();
            assertThat(volume.proposedCapacity()).isEqualTo("8Gi");
        } finally {
            run("plan", "delete", "--name", "grown-cli", "--apply");
            source.namespaces().withName("grown-cli").delete();
            source.close();
        }
    }

    /** The MigHook, or null when there is none. */
    private static JsonNode hook(String name) {
        var hook = target.genericKubernetesResources(io.mtcassistant.plans.MigPlanManifests.MIG_HOOK)
                .inNamespace(MigResources.NAMESPACE).withName(name).get();
        return hook == null ? null : Serialization.jsonMapper().valueToTree(hook);
    }
}
