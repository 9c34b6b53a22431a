package io.mtcassistant.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.mtcassistant.network.RsyncNetworkFixes;
import io.mtcassistant.sim.DemoNetwork;
import io.mtcassistant.sim.SimulatedCluster;
import io.mtcassistant.sim.SimulatedKubeconfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code network} and {@code check-upgrade} against the demo's simulated pair (its blocking policy on the source). */
class NetworkCommandSimulationTest {

    @TempDir
    static Path dir;
    static SimulatedCluster source;
    static SimulatedCluster target;
    static Path kubeconfig;

    @BeforeAll
    static void start() throws Exception {
        source = SimulatedCluster.builder().name("src").openShift3("3.11.784").admin(true).start();
        target = SimulatedCluster.builder().name("dst").openShift4("4.12.45").admin(true).start();
        DemoNetwork.seed(source, target);
        kubeconfig = new SimulatedKubeconfig().add("src", source).add("dst", target).currentContext("dst")
                .write(dir.resolve("sim.kubeconfig"));
    }

    @AfterAll
    static void stop() {
        source.close();
        target.close();
    }

    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = MtcAssistantCommand.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void plansTheFixForTheBlockingPolicyThenAppliesIt() {
        Run plan = run("network", "--kubeconfig", kubeconfig.toString(), "--context", "src", "--namespace", "crm,webshop",
                "--other-cidr", "10.0.0.0/16");
        assertThat(plan.exit()).as(plan.err()).isZero();
        assertThat(plan.out()).contains("OpenShift 3.11 has no cluster-wide proxy object").contains("blocked")
                .contains("deny-all").contains("create-if-absent NetworkPolicy crm/" + RsyncNetworkFixes.EGRESS_POLICY)
                .contains("create-if-absent NetworkPolicy crm/" + RsyncNetworkFixes.INGRESS_POLICY);
        Run json = run("network", "--kubeconfig", kubeconfig.toString(), "--context", "src", "--namespace", "crm",
                "--output", "json");
        assertThat(json.exit()).isZero();
        assertThat(json.out()).contains("\"verdict\" : \"blocked\"").contains("\"actions\"");
        Run apply = run("network", "--kubeconfig", kubeconfig.toString(), "--context", "src", "--namespace", "crm",
                "--apply");
        assertThat(apply.exit()).as(apply.out() + apply.err()).isZero();
        assertThat(apply.out()).contains("applied");
        try (KubernetesClient client = source.client()) {
            assertThat(client.network().v1().networkPolicies().inNamespace("crm").withName(RsyncNetworkFixes.EGRESS_POLICY)
                    .get()).isNotNull();
        }
        Run after = run("network", "--kubeconfig", kubeconfig.toString(), "--context", "src", "--namespace", "crm");
        assertThat(after.out()).doesNotContain("blocked");
    }

    @Test
    void theNoProxyTesterNamesTheRule() {
        Run run = run("network", "--kubeconfig", kubeconfig.toString(), "--context", "dst", "--https-proxy",
                "http://proxy.corp:3128", "--no-proxy", ".corp,10.0.0.0/16", "--test-no-proxy", "registry.corp:5000",
                "--test-no-proxy", "corp", "--test-no-proxy", "10.0.3.4");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("MigrationController: there is none").contains("registry.corp:5000: DIRECT - no_proxy entry '.corp'")
                .contains("corp: PROXIED").contains("matches only the subdomains of corp")
                .contains("10.0.3.4: DIRECT - no_proxy entry '10.0.0.0/16'")
                .contains("no_proxy has 10.0.0.0/16 - the machine network of this cluster");
        Run source = run("network", "--kubeconfig", kubeconfig.toString(), "--context", "src", "--http-proxy",
                "http://proxy.corp:3128");
        assertThat(source.out()).contains("no_proxy should add 192.168.10.0/24 - the network of 2 nodes");
    }

    @Test
    void badInputNamesTheOptionAndExitsWithTwo() {
        Run bad = run("network", "--kubeconfig", kubeconfig.toString(), "--context", "dst", "--stunnel-tcp-proxy",
                "https://u:secret9@10.0.0.5:3128");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("--stunnel-tcp-proxy: the scheme must be http").doesNotContain("secret9");
        Run groups = run("network", "--kubeconfig", kubeconfig.toString(), "--context", "dst",
                "--src-supplemental-groups", "1000,abc");
        assertThat(groups.exit()).isEqualTo(2);
        assertThat(groups.err()).contains("--src-supplemental-groups: 'abc' is not a numeric group ID");
        Run cidr = run("network", "--kubeconfig", kubeconfig.toString(), "--context", "dst", "--other-cidr", "10.0.0.0/40");
        assertThat(cidr.exit()).isEqualTo(2);
        assertThat(cidr.err()).contains("--other-cidr");
    }

    @Test
    void aProxyPatchWithoutMtcInstalledIsBadInput() {
        Run run = run("network", "--kubeconfig", kubeconfig.toString(), "--context", "dst", "--https-proxy",
                "http://proxy.corp:3128", "--apply");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("MigrationController").contains("install MTC first");
    }

    @Test
    void theStunnelUrlFromAFileStaysOutOfArgvAndEveryOutput() throws Exception {
        String password = "Fil3-s3cret";
        Path urlFile = Files.writeString(dir.resolve("stunnel.url"), "# DVM proxy\nhttp://dvm:" + password
                + "@10.0.0.5:3128\n");
        // on src: the dst tests expect no MigrationController there
        Path log = io.mtcassistant.common.XdgDirs.system().state().resolve("mtc-assistant.log");
        long logStart = Files.exists(log) ? Files.size(log) : 0;
        try (KubernetesClient client = source.client()) {
            client.namespaces().resource(new io.fabric8.kubernetes.api.model.NamespaceBuilder().withNewMetadata()
                    .withName("openshift-migration").endMetadata().build()).createOr(c -> c.update());
            client.genericKubernetesResources("migration.openshift.io/v1alpha1", "MigrationController")
                    .inNamespace("openshift-migration").resource(io.fabric8.kubernetes.client.utils.Serialization
                            .unmarshal("apiVersion: migration.openshift.io/v1alpha1\nkind: MigrationController\n"
                                    + "metadata: {name: migration-controller, namespace: openshift-migration}\n"
                                    + "spec: {cluster_name: host, migration_velero: true, migration_controller: true,"
                                    + " migration_ui: true}\n", io.fabric8.kubernetes.api.model.GenericKubernetesResource.class))
                    .createOr(c -> c.update());
        }
        String[] base = {"network", "--kubeconfig", kubeconfig.toString(), "--context", "src",
            "--stunnel-tcp-proxy-file", urlFile.toString()};
        Run plan = run(base);
        assertThat(plan.exit()).as(plan.err()).isZero();
        assertThat(plan.out()).contains("stunnel_tcp_proxy: http://dvm:****@10.0.0.5:3128");
        Run json = run(concat(base, "--output", "json"));
        assertThat(json.exit()).as(json.err()).isZero();
        Path export = dir.resolve("stunnel-export");
        Run exported = run(concat(base, "--export", export.toString()));
        assertThat(exported.exit()).as(exported.err()).isZero();
        String files = Files.readString(export.resolve("apply.sh")) + String.join("", Files.list(export)
                .filter(f -> f.toString().endsWith(".yaml")).map(f -> {
                    try {
                        return Files.readString(f);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }).toList());
        assertThat(files).contains("http://dvm:PASSWORD-NOT-EXPORTED@10.0.0.5:3128");
        // No operator runs on this simulated cluster: the wait for its reconcile gives up after the 1 s timeout.
        Run apply = run(concat(base, "--apply", "--timeout", "1"));
        assertThat(apply.exit()).as(apply.out() + apply.err()).isEqualTo(1);
        assertThat(apply.out()).contains("stunnel_tcp_proxy: not applied");
        for (Run r : List.of(plan, json, exported, apply)) {
            assertThat(r.out() + r.err()).doesNotContain(password).doesNotContain("visible to other users");
        }
        if (Files.exists(log)) {
            assertThat(Files.readString(log).substring((int) Math.min(logStart, Files.size(log)))).doesNotContain(password);
        }
        try (KubernetesClient client = source.client()) {
            assertThat(client.genericKubernetesResources("migration.openshift.io/v1alpha1", "MigrationController")
                    .inNamespace("openshift-migration").withName("migration-controller").get().getAdditionalProperties()
                    .get("spec").toString()).contains("stunnel_tcp_proxy=http://dvm:" + password + "@10.0.0.5:3128");
        }

        Run argv = run("network", "--kubeconfig", kubeconfig.toString(), "--context", "src", "--stunnel-tcp-proxy",
                "http://dvm:" + password + "@10.0.0.5:3128");
        assertThat(argv.err()).contains("visible to other users").doesNotContain(password);
        Run both = run(concat(base, "--stunnel-tcp-proxy", "http://10.0.0.5:3128"));
        assertThat(both.exit()).isEqualTo(2);
        assertThat(both.err()).contains("--stunnel-tcp-proxy-file: give either it or --stunnel-tcp-proxy");
        Files.writeString(urlFile, "https://dvm:" + password + "@10.0.0.5:3128\n");
        Run scheme = run(base);
        assertThat(scheme.exit()).isEqualTo(2);
        assertThat(scheme.err()).contains("--stunnel-tcp-proxy-file: the scheme must be http").doesNotContain(password);
        Run missing = run("network", "--kubeconfig", kubeconfig.toString(), "--context", "src",
                "--stunnel-tcp-proxy-file", dir.resolve("absent.url").toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("--stunnel-tcp-proxy-file: cannot read");
        Run help = run("network", "--help");
        assertThat(help.out()).contains("visible to other users").contains("--stunnel-tcp-proxy-file");
    }

    private static String[] concat(String[] base, String... more) {
        String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    @Test
    void exportWritesThePlanWithAPlaceholderPassword() throws Exception {
        Path out = dir.resolve("export");
        Run run = run("network", "--kubeconfig", kubeconfig.toString(), "--context", "src", "--namespace", "crm",
                "--export", out.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(Files.exists(out.resolve("apply.sh"))).isTrue();
    }

    @Test
    void checkUpgradePassesOnTheSimulatedCluster() {
        Run run = run("check-upgrade", "--kubeconfig", kubeconfig.toString(), "--context", "dst");
        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("ok").contains("SPDY/3.1").contains("101 Switching Protocols");
        Run bad = run("check-upgrade", "--kubeconfig", kubeconfig.toString(), "--context", "dst", "--pod", "x");
        assertThat(bad.exit()).isEqualTo(2);
    }
}
