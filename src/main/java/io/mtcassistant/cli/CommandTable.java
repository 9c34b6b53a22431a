package io.mtcassistant.cli;

import java.util.List;
import java.util.Optional;
import picocli.CommandLine;

/**
 * Every subcommand of `mtc-assistant`, ONE entry each: its name, the line the top-level help shows for it, and its
 * class (picocli makes the object). A run builds picocli's reflective model of the invoked command only; the others
 * get a model made of their name and summary (see {@link MtcAssistantCommand#run}), which is all the top-level help,
 * `help` and picocli's "did you mean" need. Building every command's model cost each start about a second.
 */
final class CommandTable {

    /** One subcommand. {@code summary} is what `mtc-assistant --help` lists; the command's own help says the rest. */
    record Entry(String name, String summary, Class<?> type) {
    }

    static final List<Entry> COMMANDS = List.of(
            new Entry("help", "Display help information about the specified command.",
                    CommandLine.HelpCommand.class),
            new Entry("clusters", "Connect to kubeconfig contexts and show per cluster: API URL, Kubernetes and "
                    + "OpenShift version, platform class, user and whether the user is cluster-admin.",
                    ClustersCommand.class),
            new Entry("simulate", "Serve two simulated clusters on 127.0.0.1 (sim-source, OpenShift 3.11, and "
                    + "sim-target, OpenShift 4.12) and write a kubeconfig for them. A simulation, not a cluster.",
                    SimulateCommand.class),
            new Entry("check", "Check the clusters against the MTC compatibility table (Table 7.1) and the "
                    + "procedure's rules.", CheckCommand.class),
            new Entry("copy", "Copy one image, keeping its digest.", CopyCommand.class),
            new Entry("mirror", "Mirror an image set: registry -> registry, registry -> archive, archive -> registry.",
                    MirrorCommand.class),
            new Entry("install", "Install MTC on one cluster from the mirror (OLM on OpenShift 4.6+, the legacy "
                    + "operator on 3.11 and 4.0-4.5): plan, export or apply.", InstallCommand.class),
            new Entry("uninstall", "Remove MTC from one cluster (procedure 7.6): plan, export, or delete after "
                    + "confirming the cluster's name.", UninstallCommand.class),
            new Entry("network", "Proxy and network settings for migration on one cluster (procedure 7.4): proxy"
                    + " overrides, rsync settings, policies that block the rsync pods, fixes: plan, export or apply.",
                    NetworkCommand.class),
            new Entry("check-upgrade", "Test that exec upgrades (SPDY, websocket) reach the API server through this"
                    + " machine's path, the cause of \"Upgrade request required\".", CheckUpgradeCommand.class),
            new Entry("monitor", "Show migration plans and their migrations (state, steps, progress) from the control "
                    + "cluster or from a file of objects.", MonitorCommand.class),
            new Entry("migrate", "Start a stage, cutover or rollback of a migration plan, or cancel a migration, as "
                    + "the MTC web console does.", MigrateCommand.class),
            new Entry("repository", "The replication repository (procedure 7.5): check an S3 endpoint and bucket from "
                    + "this workstation.", RepositoryCommand.class),
            new Entry("register-cluster", "Register a remote cluster on the control cluster: service account token "
                    + "Secret and MigCluster, waited for Ready.", RegisterClusterCommand.class),
            new Entry("plan", "Create, edit, close or delete a migration plan (MigPlan), checked before it is "
                    + "created: plan, export or apply.", PlanCommand.class));

    private CommandTable() {
    }

    static Optional<Entry> find(String name) {
        for (Entry entry : COMMANDS) {
            if (entry.name().equals(name)) {
                return Optional.of(entry);
            }
        }
        return Optional.empty();
    }
}
