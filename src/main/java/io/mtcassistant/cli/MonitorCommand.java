package io.mtcassistant.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.mtcassistant.cluster.ClusterSession;
import io.mtcassistant.monitor.FeedStatus;
import io.mtcassistant.monitor.MigResources;
import io.mtcassistant.monitor.MigrationObjectsReader;
import io.mtcassistant.monitor.MigrationState;
import io.mtcassistant.monitor.MigrationView;
import io.mtcassistant.monitor.MigrationWatcher;
import io.mtcassistant.monitor.MonitorJson;
import io.mtcassistant.monitor.MonitorModel;
import io.mtcassistant.monitor.MonitorSnapshot;
import io.mtcassistant.monitor.MonitorTable;
import io.mtcassistant.monitor.MonitorUpdate;
import io.mtcassistant.monitor.ObjectsFile;
import io.mtcassistant.monitor.PlanView;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** `mtc-assistant monitor`: MigPlans and MigMigrations as the desktop app shows them, from a cluster or a file. */
@Command(name = "monitor",
        mixinStandardHelpOptions = true,
        description = {"Show MigPlans and their migrations (state, current step, pipeline steps, progress) from the "
                + "control cluster, or from a file written by 'oc get migplan,migmigration -n openshift-migration "
                + "-o json|yaml'.",
            "Exit codes: 0 done (with --follow: the followed migration succeeded), 1 the cluster could not be read or "
                + "a followed migration failed, 2 bad input."})
public class MonitorCommand implements java.util.concurrent.Callable<Integer> {

    enum Output { table, json }

    @Spec
    CommandSpec spec;

    static final class Source {
        @Option(names = "--context", paramLabel = "CTX", description = "Context of the control cluster.")
        String context;

        @Option(names = "--from-file", paramLabel = "FILE",
                description = "Read the objects from FILE (a List or one object, JSON or YAML) instead of a cluster.")
        Path fromFile;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Option(names = "--kubeconfig", paramLabel = "F[:F...]",
            description = "Kubeconfig files (default: KUBECONFIG, else ~/.kube/config).")
    List<String> kubeconfig;

    @Option(names = "--plan", paramLabel = "NAME", description = "Only this plan, with its migrations in detail.")
    String plan;

    @Option(names = "--follow", description = "Redraw on every change until interrupted; with --plan, until the "
            + "plan's latest migration ends (at once when it already has; exit 1 if it failed).")
    boolean follow;

    @Option(names = {"-o", "--output"}, paramLabel = "table|json", defaultValue = "table",
            description = "table (for people) or json (for scripts). Default: ${DEFAULT-VALUE}.")
    Output output;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (source.fromFile != null) {
            if (follow) {
                throw new BadInputException("--follow needs a cluster (--context), not --from-file");
            }
            List<JsonNode> objects;
            try {
                objects = ObjectsFile.read(source.fromFile);
            } catch (ObjectsFile.BadObjectsFileException e) {
                throw new BadInputException(e.getMessage(), e);
            }
            print(out, new MonitorModel(Clock.systemUTC()).build(objects), FeedStatus.stopped());
            return io.mtcassistant.cli.ExitCodes.OK;
        }
        try (ClusterSession session = ControlClusterConnection.connect(kubeconfig, source.context)) {
            if (!follow) {
                MonitorSnapshot snapshot = new MonitorModel(Clock.systemUTC())
                        .build(MigrationObjectsReader.list(session.client(), MigResources.NAMESPACE));
                print(out, snapshot, FeedStatus.live());
                return ExitCodes.OK;
            }
            return follow(out, session);
        } catch (ControlClusterConnection.ConnectFailedException e) {
            spec.commandLine().getErr().println("mtc-assistant: " + e.getMessage());
            return ExitCodes.FAILED;
        }
    }

    private int follow(PrintWriter out, ClusterSession session) throws InterruptedException {
        LinkedBlockingQueue<MonitorUpdate> updates = new LinkedBlockingQueue<>();
        String followed = null;
        try (MigrationWatcher watcher = new MigrationWatcher(session.client(), MigResources.NAMESPACE,
                Clock.systemUTC(), Duration.ofMillis(500), updates::add).start()) {
            while (true) {
                MonitorUpdate update = updates.poll(1, TimeUnit.HOURS);
                if (update == null) {
                    continue;
                }
                MonitorUpdate newest = update;
                MonitorUpdate next;
                while ((next = updates.poll()) != null) {
                    newest = next; // coalesce what piled up while printing
                }
                if (output == Output.table) {
                    out.print("\033[H\033[2J");
                }
                print(out, newest.snapshot(), newest.status());
                if (plan != null && newest.status().kind() == FeedStatus.Kind.LIVE) {
                    PlanView view = newest.snapshot().plan(plan).orElse(null);
                    MigrationView latest = view == null ? null : view.latest();
                    if (latest != null && followed == null) {
                        followed = latest.name(); // one that already ended ends the follow at once, with its result
                    }
                    if (followed != null) {
                        String name = followed;
                        MigrationView current = newest.snapshot().migration(name).orElse(null);
                        if (current != null && current.state().terminal()) {
                            return current.state() == MigrationState.FAILED ? ExitCodes.FAILED : ExitCodes.OK;
                        }
                    }
                }
            }
        }
    }

    private void print(PrintWriter out, MonitorSnapshot snapshot, FeedStatus status) {
        MonitorSnapshot shown = snapshot;
        if (plan != null) {
            PlanView view = snapshot.plan(plan).orElse(null);
            if (view == null && status.kind() != FeedStatus.Kind.CONNECTING) {
                throw new BadInputException("no MigPlan named " + plan + " (plans: "
                        + String.join(", ", snapshot.plans().stream().map(PlanView::name).toList()) + ")");
            }
            shown = new MonitorSnapshot(snapshot.at(), view == null ? List.of() : List.of(view), List.of());
        }
        if (output == Output.json) {
            out.println(MonitorJson.write(shown, status.stale() ? status.staleSince() : null));
        } else {
            out.print(MonitorTable.write(shown, status, plan != null));
        }
        out.flush();
    }
}
