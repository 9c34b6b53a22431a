package io.mtcassistant.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtcassistant.plans.HookPhase;
import io.mtcassistant.plans.PlanHook;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The `plan` hook flags: parsed into MigHooks, and bad input refused (exit 2) before any cluster is asked. */
class PlanHookOptionsTest {

    @TempDir
    Path dir;

    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        List<String> full = new ArrayList<>(List.of(args));
        // never reached: the flags are checked before connecting
        full.addAll(List.of("--kubeconfig", dir.resolve("no-such-kubeconfig").toString(), "--context", "nowhere"));
        return MtcAssistantCommand.run(full.toArray(String[]::new), new PrintWriter(new StringWriter(), true),
                new PrintWriter(err, true));
    }

    private int create(String... hookArgs) {
        List<String> args = new ArrayList<>(List.of("plan", "create", "--name", "shop", "--source-cluster", "src",
                "--target-cluster", "host", "--storage", "repo", "--namespace", "shop", "--plan"));
        args.addAll(List.of(hookArgs));
        return run(args.toArray(String[]::new));
    }

    private String error() {
        return err.toString().strip();
    }

    private Path playbook(String text) throws Exception {
        Path file = dir.resolve("playbook-" + Math.abs(text.hashCode()) + ".yml");
        Files.writeString(file, text);
        return file;
    }

    @Test
    void twoHookGroupsBecomeTwoHooks() throws Exception {
        Path playbook = playbook("- hosts: localhost\n  tasks:\n  - debug: msg=quiesce\n");
        CommandLine line = new CommandLine(new PlanCommand());
        line.parseArgs("create", "--context", "c", "--plan", "--hook", "quiesce", "--hook-phase", "PreBackup",
                "--hook-playbook", playbook.toString(), "--hook", "warm", "--hook-phase", "PostRestore",
                "--hook-image", "quay.example/tools/warm:1", "--hook-namespace", "shop", "--hook-service-account",
                "default", "--hook-cluster", "destination");
        PlanCommand.Create create = line.getSubcommands().get("create").getCommand();
        List<PlanHook> hooks = PlanHookOptions.hooks(create.hooks);
        assertThat(hooks).containsExactly(
                new PlanHook("quiesce", Files.readString(playbook), null, HookPhase.PreBackup, "source",
                        "openshift-migration", "migration-controller"),
                new PlanHook("warm", null, "quay.example/tools/warm:1", HookPhase.PostRestore, "destination", "shop",
                        "default"));
        assertThat(hooks.get(0).image()).isEqualTo(PlanHook.HOOK_RUNNER_IMAGE);
    }

    @Test
    void badHookFlagsAreBadInputNamingTheFlag() throws Exception {
        assertThat(create("--hook", "Quiesce_DB", "--hook-phase", "PreBackup", "--hook-image", "x")).isEqualTo(2);
        assertThat(error()).startsWith("mtc-assistant: --hook: the name 'Quiesce_DB' must be lower-case");
        err.getBuffer().setLength(0);
        assertThat(create("--hook", "quiesce", "--hook-image", "x")).isEqualTo(2);
        assertThat(error()).isEqualTo("mtc-assistant: --hook quiesce: --hook-phase is required (PreBackup, "
                + "PostBackup, PreRestore or PostRestore)");
        err.getBuffer().setLength(0);
        assertThat(create("--hook", "quiesce", "--hook-phase", "prebackup", "--hook-image", "x")).isEqualTo(2);
        assertThat(error()).isEqualTo("mtc-assistant: --hook quiesce: --hook-phase 'prebackup' is not a phase: use "
                + "PreBackup, PostBackup, PreRestore or PostRestore");
        err.getBuffer().setLength(0);
        assertThat(create("--hook", "quiesce", "--hook-phase", "PreBackup")).isEqualTo(2);
        assertThat(error()).isEqualTo("mtc-assistant: --hook quiesce: give --hook-playbook FILE (an Ansible "
                + "playbook) or --hook-image IMAGE (a custom image)");
        err.getBuffer().setLength(0);
        assertThat(create("--hook", "quiesce", "--hook-phase", "PreBackup", "--hook-image", "x",
                "--hook-cluster", "target")).isEqualTo(2);
        assertThat(error()).isEqualTo("mtc-assistant: --hook quiesce: --hook-cluster 'target' must be source or "
                + "destination");
        err.getBuffer().setLength(0);
        assertThat(create("--hook", "quiesce", "--hook-phase", "PreBackup", "--hook-image", "x",
                "--hook-namespace", "Shop")).isEqualTo(2);
        assertThat(error()).startsWith("mtc-assistant: --hook quiesce: --hook-namespace 'Shop' must be lower-case");
        err.getBuffer().setLength(0);
        assertThat(create("--hook", "quiesce", "--hook-phase", "PreBackup", "--hook-image", "x", "--hook",
                "quiesce", "--hook-phase", "PostRestore", "--hook-image", "y")).isEqualTo(2);
        assertThat(error()).isEqualTo("mtc-assistant: --hook quiesce: given twice; each hook needs its own name");
    }

    @Test
    void aPlaybookMustReadAsAListOfPlays() throws Exception {
        Path missing = dir.resolve("missing.yml");
        assertThat(create("--hook", "quiesce", "--hook-phase", "PreBackup", "--hook-playbook", missing.toString()))
                .isEqualTo(2);
        assertThat(error()).startsWith("mtc-assistant: --hook quiesce: --hook-playbook " + missing + ": cannot read");
        err.getBuffer().setLength(0);
        Path mapping = playbook("hosts: localhost\ntasks: []\n");
        assertThat(create("--hook", "quiesce", "--hook-phase", "PreBackup", "--hook-playbook", mapping.toString()))
                .isEqualTo(2);
        assertThat(error()).isEqualTo("mtc-assistant: --hook quiesce: --hook-playbook " + mapping + ": an Ansible "
                + "playbook is a YAML list of plays (- hosts: localhost ...)");
        err.getBuffer().setLength(0);
        Path broken = playbook("- hosts: [localhost\n");
        assertThat(create("--hook", "quiesce", "--hook-phase", "PreBackup", "--hook-playbook", broken.toString()))
                .isEqualTo(2);
        assertThat(error()).startsWith("mtc-assistant: --hook quiesce: --hook-playbook " + broken + ": is not YAML");
    }

    @Test
    void editTakesOneKindOfChange() {
        assertThat(run("plan", "edit", "--name", "shop", "--no-hooks", "--direct-volumes=false", "--plan"))
                .isEqualTo(2);
        assertThat(error()).startsWith("mtc-assistant: plan edit: give one kind of change");
        err.getBuffer().setLength(0);
        assertThat(run("plan", "edit", "--name", "shop", "--no-hooks", "--hook", "a", "--hook-phase", "PreBackup",
                "--hook-image", "x", "--plan")).isEqualTo(2);
        assertThat(error()).isEqualTo("mtc-assistant: --no-hooks: leave out --hook, or leave out --no-hooks");
    }

    @Test
    void aHookPhaseInAPlanFileIsCheckedToo() throws Exception {
        Path file = dir.resolve("plan.yaml");
        Files.writeString(file, """
                apiVersion: migration.openshift.io/v1alpha1
                kind: MigHook
                metadata: {name: quiesce, namespace: openshift-migration}
                spec: {custom: true, image: quay.example/q:1, targetCluster: source}
                ---
                apiVersion: migration.openshift.io/v1alpha1
                kind: MigPlan
                metadata: {name: shop, namespace: openshift-migration}
                spec:
                  namespaces: [shop]
                  hooks:
                  - {reference: {name: quiesce}, phase: BeforeBackup, executionNamespace: shop, serviceAccount: default}
                """);
        assertThat(run("plan", "create", "--from-file", file.toString(), "--plan")).isEqualTo(2);
        assertThat(error()).isEqualTo("mtc-assistant: --from-file " + file + ": hook quiesce: 'BeforeBackup' is not a "
                + "phase: use PreBackup, PostBackup, PreRestore or PostRestore");
    }
}
