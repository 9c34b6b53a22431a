package io.mtcassistant.network;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.mtcassistant.install.MigrationControllers;
import io.mtcassistant.install.plan.ChangePlan;
import io.mtcassistant.install.plan.ChangePlanExporter;
import io.mtcassistant.install.plan.KubeObjects;
import io.mtcassistant.network.testsupport.OperatorRuns;
import io.mtcassistant.install.testsupport.ExportedScripts;
import io.mtcassistant.sim.SimulatedCluster;
import io.mtcassistant.sim.SimulatedKubeconfig;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exported apply.sh of a proxy change waits, like the app, for a reconciliation newer than its patch: the
 * MigrationController's Successful from before the patch does not end the wait. No operator runs on this simulated
 * cluster: the test writes the next run's status once the script says it is waiting for it.
 */
class NetworkScriptWaitTest {

    @Test
    void theScriptWaitsForTheReconcileAfterItsPatch(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(ExportedScripts.kubectlInstalled(), "/usr/bin/kubectl is not installed (Debian kubernetes-client)");
        try (SimulatedCluster cluster = SimulatedCluster.builder().name("net-script").openShift4("4.12.45").admin(true)
                .start(); KubernetesClient client = cluster.client()) {
            client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(MigrationControllers.NAMESPACE)
                    .endMetadata().build()).create();
            var controllers = client.genericKubernetesResources(MigrationControllers.API_VERSION, MigrationControllers.KIND)
                    .inNamespace(MigrationControllers.NAMESPACE);
            GenericKubernetesResource created = controllers.resource(KubeObjects.generic(Map.of(
                    "apiVersion", MigrationControllers.API_VERSION, "kind", MigrationControllers.KIND,
                    "metadata", Map.of("name", MigrationControllers.NAME, "namespace", MigrationControllers.NAMESPACE),
                    "spec", new LinkedHashMap<>(Map.of("cluster_name", "host", "migration_velero", true))))).create();
            OperatorRuns.succeeded(controllers, created, "2026-01-01T00:00:00.000001Z");

            ControllerSettings settings = new ControllerSettings(null, "http://proxy.corp:3128", ".corp", null, null,
                    null, null);
            ChangePlan plan = NetworkPlanner.plan("net-script", NetworkPlanner.liveController(client), settings, List.of(),
                    SecretHandling.PLACEHOLDER, Duration.ofSeconds(120));
            Path export = dir.resolve("export");
            ChangePlanExporter.export(plan, export);
            assertThat(Files.readString(export.resolve(ChangePlanExporter.SCRIPT)))
                    .contains("'{.status.conditions[?(@.type==\"Running\")].ansibleResult.completion}'");

            Path kubeconfig = new SimulatedKubeconfig().add("net-script", cluster).currentContext("net-script")
                    .write(dir.resolve("script.kubeconfig"));
            Process process = ExportedScripts.start(export, kubeconfig);
            StringBuilder output = new StringBuilder();
            boolean reconciled = false;
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    output.append(line).append('\n');
                    if (!reconciled && line.contains("from before the change")) {
                        // the operator's next run, as ansible-operator writes it: a new completion time
                        OperatorRuns.succeeded(controllers, controllers.withName(MigrationControllers.NAME).get(),
                                Instant.now().toString());
                        reconciled = true;
                    }
                }
            }
            assertThat(process.waitFor(300, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as(output.toString()).isZero();
            assertThat(reconciled).as("the script waited on the old Successful:\n" + output).isTrue();
            assertThat(KubeObjects.valueAt(controllers.withName(MigrationControllers.NAME).get(), "spec.https_proxy"))
                    .contains("http://proxy.corp:3128");
        }
    }
}
