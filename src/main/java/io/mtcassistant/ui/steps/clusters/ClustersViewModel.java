package io.mtcassistant.ui.steps.clusters;

import io.mtcassistant.cluster.ClusterConnector;
import io.mtcassistant.cluster.ClusterRole;
import io.mtcassistant.cluster.ClusterSession;
import io.mtcassistant.cluster.ConnectionFailure;
import io.mtcassistant.cluster.ConnectionOutcome;
import io.mtcassistant.cluster.ContextEntry;
import io.mtcassistant.cluster.FailureKind;
import io.mtcassistant.cluster.KubeconfigException;
import io.mtcassistant.cluster.KubeconfigLoader;
import io.mtcassistant.cluster.KubeconfigSet;
import io.mtcassistant.common.ActivityEvent;
import io.mtcassistant.common.ActivityListener;
import io.mtcassistant.settings.RememberedRole;
import io.mtcassistant.settings.SettingsKeeper;
import io.mtcassistant.ui.common.DialogService;
import io.mtcassistant.ui.task.BackgroundTask;
import io.mtcassistant.ui.task.TaskFailures;
import io.mtcassistant.ui.task.TaskRunner;
import io.mtcassistant.ui.wizard.StepState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * Step 1: which kubeconfig files, which contexts play which role, and the connections to them.
 * All file and network work runs through the {@link TaskRunner}; every method is called on the FX thread.
 */
public final class ClustersViewModel {

    static final String SOURCE = "Clusters";

    private final KubeconfigLoader loader;
    private final ClusterConnector connector;
    private final SettingsKeeper settings;
    private final TaskRunner runner;
    private final DialogService dialogs;
    private final ActivityListener activity;
    // Demo mode sets its own: the simulation on this machine answers as fast as it started.
    private Duration connectTimeout;

    private final ObservableList<Path> files = FXCollections.observableArrayList();
    private final ObservableList<ContextRow> contexts = FXCollections.observableArrayList(row -> new Observable[] {
            row.roleProperty(), row.connectionProperty(), row.factsProperty(), row.failureProperty()});
    private final ObservableList<ContextRow> assigned = FXCollections.observableArrayList();
    // Created once: the unmodifiable wrappers listen weakly, so a wrapper per call would lose its listeners.
    private final ObservableList<Path> filesView = FXCollections.unmodifiableObservableList(files);
    private final ObservableList<ContextRow> contextsView = FXCollections.unmodifiableObservableList(contexts);
    private final ObservableList<ContextRow> assignedView = FXCollections.unmodifiableObservableList(assigned);
    private final ReadOnlyStringWrapper loadProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
    private String loadingMessage = "";
    private final ReadOnlyBooleanWrapper connecting = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper roleProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<StepState> stepState = new ReadOnlyObjectWrapper<>(StepState.NOT_STARTED);
    private final BooleanBinding canConnect;
    private KubeconfigSet kubeconfigs;
    private boolean rememberFiles = true;

    public ClustersViewModel(KubeconfigLoader loader, ClusterConnector connector, SettingsKeeper settings, TaskRunner runner,
                             DialogService dialogs, ActivityListener activity, Duration connectTimeout) {
        this.loader = loader;
        this.connector = connector;
        this.settings = settings;
        this.runner = runner;
        this.dialogs = dialogs;
        this.activity = activity;
        this.connectTimeout = connectTimeout;
        contexts.addListener((ListChangeListener<ContextRow>) change -> refresh());
        canConnect = Bindings.createBooleanBinding(
                () -> roleProblem.get().isEmpty() && !loading.get() && !connecting.get(), roleProblem, loading, connecting);
        refresh();
    }

    // ---- kubeconfig files -------------------------------------------------------------------------------

    /** Loads the remembered files, or when none are remembered the usual places (KUBECONFIG, ~/.kube/config). */
    public void start(Supplier<List<Path>> defaultLocations) {
        List<Path> remembered = settings.current().kubeconfigFiles().stream().map(Path::of).toList();
        if (!remembered.isEmpty()) {
            load(remembered, false);
        } else {
            runner.run(BackgroundTask.of("Look for kubeconfig files",
                            progress -> defaultLocations.get().stream().filter(Files::isRegularFile).toList())
                    .onSuccess(found -> {
                        if (found.isEmpty()) {
                            activity.info(SOURCE, "No kubeconfig found in KUBECONFIG or ~/.kube/config; add one with \"Add kubeconfig…\".");
                        } else {
                            load(found, false);
                        }
                    }));
        }
    }

    /** Demo mode: shows only the simulated clusters' kubeconfig and remembers nothing about it. */
    public void useDemoKubeconfig(Path kubeconfig) {
        useDemoKubeconfig(kubeconfig, Map.of(), null);
    }

    /**
     * Demo mode with nothing to set up: loads the simulated clusters' kubeconfig, gives the contexts these roles and,
     * when the roles are complete, connects at once (the simulation is ready when this is called).
     *
     * @param timeout the connect timeout for the simulation; null keeps the app's
     */
    public void useDemoKubeconfig(Path kubeconfig, Map<String, ClusterRole> roles, Duration timeout) {
        rememberFiles = false;
        if (timeout != null) {
            connectTimeout = timeout;
        }
        load(List.of(kubeconfig), false, () -> {
            roles.forEach((name, role) -> contexts.stream().filter(row -> row.name().equals(name)).findFirst()
                    .ifPresent(row -> assignRole(row, role)));
            if (!roles.isEmpty() && canConnect.get()) {
                connect();
            }
        });
    }

    public void addFiles() {
        Path initial = files.isEmpty() ? null : files.get(files.size() - 1).getParent();
        addFiles(dialogs.chooseKubeconfigFiles(initial));
    }

    /** Adds files (chosen in a dialog or dropped on the list) after the ones already there. */
    public void addFiles(List<Path> chosen) {
        if (chosen.isEmpty()) {
            return;
        }
        LinkedHashSet<Path> merged = new LinkedHashSet<>(files);
        chosen.stream().map(p -> p.toAbsolutePath().normalize()).forEach(merged::add);
        load(List.copyOf(merged), true);
    }

    public void removeFile(Path file) {
        if (file == null || !files.contains(file)) {
            return;
        }
        List<Path> remaining = new ArrayList<>(files);
        remaining.remove(file);
        activity.info(SOURCE, "Removed kubeconfig " + file);
        load(remaining, true);
    }

    /** @param userChoice the user changed the list (rather than the app offering one): remember the result */
    private void load(List<Path> requested, boolean userChoice) {
        load(requested, userChoice, () -> { });
    }

    private void load(List<Path> requested, boolean userChoice, Runnable afterLoad) {
        List<Path> normalized = requested.stream().map(p -> p.toAbsolutePath().normalize()).distinct().toList();
        setLoading("Reading kubeconfig files…");
        runner.run(BackgroundTask.of("Read kubeconfig files", progress -> readUsable(normalized))
                .onSuccess(result -> {
                    applyLoad(result);
                    if (rememberFiles && userChoice) {
                        List<String> remembered = result.files().stream().map(Path::toString).toList();
                        settings.update(s -> s.withKubeconfigFiles(remembered));
                    }
                    // Loading is over before what follows it (the demo connects at once).
                    setLoading(null);
                    afterLoad.run();
                })
                .onFailure(error -> {
                    loadProblem.set("The kubeconfig files could not be read: " + TaskFailures.describe(error));
                    TaskFailures.report("Read kubeconfig files", error, activity);
                })
                .onFinally(() -> setLoading(null)));
    }

    private record LoadResult(List<Path> files, KubeconfigSet set, List<String> problems) {
    }

    /** Runs on a worker: drops files that are missing or broken (saying why) and merges the rest. */
    private LoadResult readUsable(List<Path> requested) {
        List<Path> usable = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Path file : requested) {
            if (Files.isRegularFile(file)) {
                usable.add(file);
            } else {
                problems.add(file + ": file not found; left out");
            }
        }
        while (!usable.isEmpty()) {
            try {
                return new LoadResult(List.copyOf(usable), loader.load(usable), problems);
            } catch (KubeconfigException e) {
                Path broken = e.file() == null ? null : e.file().toAbsolutePath().normalize();
                if (broken == null || !usable.remove(broken)) {
                    // The loader could not say which file is at fault: keep none rather than guess.
                    problems.add(e.getMessage());
                    return new LoadResult(List.of(), null, problems);
                }
                problems.add(e.getMessage() + "; left out");
            }
        }
        return new LoadResult(List.of(), null, problems);
    }

    private void applyLoad(LoadResult result) {
        kubeconfigs = result.set();
        files.setAll(result.files());
        loadProblem.set(String.join("\n", result.problems()));
        result.problems().forEach(problem -> activity.warning(SOURCE, problem));

        Map<ContextEntry, ContextRow> previous = new HashMap<>();
        contexts.forEach(row -> previous.put(row.entry(), row));
        List<ContextRow> rows = new ArrayList<>();
        if (kubeconfigs != null) {
            for (ContextEntry entry : kubeconfigs.contexts()) {
                ContextRow kept = previous.remove(entry);
                rows.add(kept != null ? kept : rememberedRole(new ContextRow(entry)));
            }
        }
        previous.values().forEach(ContextRow::disconnect);
        contexts.setAll(rows);
        // Source and target are unique; should two remembered ones collide (files merged differently), the first keeps it.
        for (ClusterRole unique : List.of(ClusterRole.SOURCE, ClusterRole.TARGET)) {
            rows.stream().filter(row -> row.role() == unique).skip(1).forEach(row -> row.setRole(null));
        }
        activity.info(SOURCE, "Read " + files.size() + " kubeconfig file(s): " + rows.size() + " context(s).");
    }

    /**
     * Shows that contexts are on their way from elsewhere (demo mode starts its simulated clusters first);
     * null when that is over.
     */
    public void setLoading(String message) {
        loadingMessage = message == null ? "" : message;
        loading.set(message != null);
        refresh();
    }

    // ---- roles --------------------------------------------------------------------------------------------

    /** Gives a context a role (null: no role). Source and target are unique: giving one away takes it from the other context. */
    public void assignRole(ContextRow row, ClusterRole role) {
        if (role == ClusterRole.SOURCE || role == ClusterRole.TARGET) {
            contexts.stream().filter(other -> other != row && other.role() == role).forEach(other -> other.setRole(null));
        }
        row.setRole(role);
        refresh();
        if (rememberFiles) {
            rememberRoles();
        }
    }

    /** The role this context had the last time, by context name and file. */
    private ContextRow rememberedRole(ContextRow row) {
        if (!rememberFiles || row.entry().file() == null) {
            return row;
        }
        String file = row.entry().file().toAbsolutePath().normalize().toString();
        settings.current().roles().stream().filter(r -> r.context().equals(row.name()) && r.file().equals(file)).findFirst()
                .ifPresent(r -> {
                    try {
                        row.setRole(ClusterRole.valueOf(r.role()));
                    } catch (IllegalArgumentException e) {
                        // A role name from another version of the app: the context starts without one.
                    }
                });
        return row;
    }

    /** Keeps the roles of the contexts listed now, and those remembered for contexts of files not loaded now. */
    private void rememberRoles() {
        List<RememberedRole> now = new ArrayList<>();
        java.util.Set<String> listed = new java.util.HashSet<>();
        for (ContextRow row : contexts) {
            if (row.entry().file() == null) {
                continue;
            }
            String file = row.entry().file().toAbsolutePath().normalize().toString();
            listed.add(row.name() + "\u0000" + file);
            if (row.role() != null) {
                now.add(new RememberedRole(row.name(), file, row.role().name()));
            }
        }
        settings.update(s -> {
            List<RememberedRole> merged = new ArrayList<>(now);
            s.roles().stream().filter(r -> !listed.contains(r.context() + "\u0000" + r.file())).forEach(merged::add);
            return s.withRoles(merged);
        });
    }

    public Optional<ContextRow> row(ClusterRole role) {
        return contexts.stream().filter(row -> row.role() == role).findFirst();
    }

    // ---- connections ------------------------------------------------------------------------------------

    /** Connects every context that has a role (again, when already connected). */
    public void connect() {
        if (!canConnect.get()) {
            return;
        }
        assigned.forEach(this::connect);
    }

    /** Tries one context again, with its current TLS choices. */
    public void retry(ContextRow row) {
        if (row.connection() != ConnectionState.CONNECTING && kubeconfigs != null) {
            connect(row);
        }
    }

    private void connect(ContextRow row) {
        int attempt = row.startAttempt();
        refresh();
        KubeconfigSet set = kubeconfigs;
        String context = row.name();
        // The connector reports its requests and results; tagging them with the context keeps parallel connections apart.
        ActivityListener tagged = event -> activity.onEvent(
                new ActivityEvent(event.at(), event.level(), context, event.message()));
        runner.run(BackgroundTask.of("Connect to " + context,
                        progress -> connector.connect(set, context, row.options(connectTimeout), tagged))
                .timeout(connectTimeout.plusSeconds(10))
                .onSuccess(outcome -> {
                    if (!row.isCurrent(attempt)) {
                        closeQuietly(outcome);
                        return;
                    }
                    if (outcome instanceof ConnectionOutcome.Connected connected) {
                        row.connected(connected.session());
                    } else if (outcome instanceof ConnectionOutcome.Failed failed) {
                        row.failed(failed.failure());
                    }
                })
                .onFailure(error -> {
                    if (row.isCurrent(attempt)) {
                        ConnectionFailure failure = unexpected(row, error);
                        row.failed(failure);
                        tagged.error(SOURCE, failure.summary());
                    }
                })
                .onFinally(this::refresh));
    }

    private static void closeQuietly(ConnectionOutcome outcome) {
        if (outcome instanceof ConnectionOutcome.Connected connected) {
            connected.session().close();
        }
    }

    private ConnectionFailure unexpected(ContextRow row, Throwable error) {
        String server = row.entry().server() == null ? "the API server" : row.entry().server();
        if (error instanceof TimeoutException) {
            return new ConnectionFailure(FailureKind.TIMED_OUT,
                    "The connection to " + server + " did not finish within " + connectTimeout.plusSeconds(10).toSeconds() + " s.",
                    "Check that the API server is reachable from this machine (VPN, proxy, firewall), then retry.", "");
        }
        if (error instanceof CancellationException) {
            return new ConnectionFailure(FailureKind.UNEXPECTED, "The connection to " + server + " was cancelled.",
                    "Retry when you are ready.", "");
        }
        return new ConnectionFailure(FailureKind.UNEXPECTED, "The connection to " + server + " failed unexpectedly.",
                "Retry; if it fails again, send the log file to support.", TaskFailures.describe(error));
    }

    /** Lets the user pick the CA that signed the server certificate, then tries again with it. */
    public void chooseCaFile(ContextRow row) {
        Path initial = row.caFileProperty().get() == null ? null : row.caFileProperty().get().getParent();
        dialogs.chooseCaFile(initial).ifPresent(ca -> {
            row.caFileProperty().set(ca);
            activity.info(SOURCE, row.name() + ": will trust the CA in " + ca);
            retry(row);
        });
    }

    public void showFailureDetails(ContextRow row) {
        ConnectionFailure failure = row.failure();
        if (failure != null) {
            dialogs.showDetails("Connection to " + row.name(), failure.summary(), failure.detail());
        }
    }

    /** The live session of the context with this role, for later steps. */
    public Optional<ClusterSession> session(ClusterRole role) {
        return row(role).map(ContextRow::session);
    }

    /** Closes every session (on exit). */
    public void close() {
        contexts.forEach(ContextRow::disconnect);
    }

    // ---- derived state ------------------------------------------------------------------------------------

    private void refresh() {
        List<ContextRow> withRole = contexts.stream().filter(row -> row.role() != null)
                .sorted(Comparator.comparing(ContextRow::role)).toList();
        if (!withRole.equals(assigned)) {
            assigned.setAll(withRole);
        }
        connecting.set(contexts.stream().anyMatch(row -> row.connection() == ConnectionState.CONNECTING));
        roleProblem.set(roleProblem());
        updateStepState(withRole);
    }

    private String roleProblem() {
        if (contexts.isEmpty()) {
            return "Add a kubeconfig file to list its contexts.";
        }
        boolean source = row(ClusterRole.SOURCE).isPresent();
        boolean target = row(ClusterRole.TARGET).isPresent();
        if (!source && !target) {
            return "Choose the source cluster (you migrate from) and the target cluster (you migrate to).";
        }
        if (!source) {
            return "Choose the source cluster (the one you migrate from).";
        }
        if (!target) {
            return "Choose the target cluster (the one you migrate to).";
        }
        return "";
    }

    private void updateStepState(List<ContextRow> withRole) {
        List<ContextRow> failed = withRole.stream().filter(r -> r.connection() == ConnectionState.FAILED).toList();
        List<ContextRow> notAdmin = withRole.stream()
                .filter(r -> r.connection() == ConnectionState.CONNECTED && r.facts() != null && !r.facts().clusterAdmin()).toList();
        boolean attempted = withRole.stream().anyMatch(r -> r.connection() != ConnectionState.NOT_CONNECTED);
        boolean allConnected = !withRole.isEmpty() && withRole.stream().allMatch(r -> r.connection() == ConnectionState.CONNECTED);
        if (loading.get()) {
            status.set(loadingMessage);
        } else if (!failed.isEmpty()) {
            stepState.set(StepState.NEEDS_ATTENTION);
            status.set(failed.size() == 1
                    ? failed.get(0).name() + " could not be connected; see below."
                    : failed.size() + " clusters could not be connected; see below.");
        } else if (connecting.get()) {
            status.set("Connecting…");
        } else if (!roleProblem.get().isEmpty()) {
            stepState.set(attempted ? StepState.NEEDS_ATTENTION : StepState.NOT_STARTED);
            status.set(roleProblem.get());
        } else if (!notAdmin.isEmpty()) {
            stepState.set(StepState.NEEDS_ATTENTION);
            status.set("MTC needs cluster-admin on every cluster; " + notAdmin.get(0).facts().user() + " is not cluster-admin on "
                    + notAdmin.get(0).name() + ". Use a kubeconfig user with cluster-admin.");
        } else if (allConnected) {
            stepState.set(StepState.DONE);
            status.set("All chosen clusters are connected with cluster-admin. Continue with Compatibility.");
        } else {
            stepState.set(attempted ? StepState.NEEDS_ATTENTION : StepState.NOT_STARTED);
            status.set("Connect to check the chosen clusters.");
        }
    }

    // ---- properties for the view ----------------------------------------------------------------------------

    public ObservableList<Path> files() {
        return filesView;
    }

    public ObservableList<ContextRow> contexts() {
        return contextsView;
    }

    /** Contexts with a role: source first, then target, then extra remotes. */
    public ObservableList<ContextRow> assigned() {
        return assignedView;
    }

    public ReadOnlyStringProperty loadProblemProperty() {
        return loadProblem.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty connectingProperty() {
        return connecting.getReadOnlyProperty();
    }

    /** Empty when the roles are complete; otherwise what is missing. */
    public ReadOnlyStringProperty roleProblemProperty() {
        return roleProblem.getReadOnlyProperty();
    }

    /** One line: where the step stands and what to do next. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<StepState> stepStateProperty() {
        return stepState.getReadOnlyProperty();
    }

    public BooleanBinding canConnectProperty() {
        return canConnect;
    }

    public boolean remembersFiles() {
        return rememberFiles;
    }
}
