package io.mtcassistant.ui;

import io.mtcassistant.cluster.ClusterRole;
import io.mtcassistant.common.FileTrees;
import io.mtcassistant.common.XdgDirs;
import io.mtcassistant.ui.steps.monitor.ControlClusterMonitors;
import io.mtcassistant.ui.steps.monitor.MonitorNotifications;
import io.mtcassistant.ui.steps.monitor.MonitorView;
import io.mtcassistant.ui.steps.monitor.MonitorViewModel;
import io.mtcassistant.sim.SimulatedEnvironment;
import io.mtcassistant.settings.Settings;
import io.mtcassistant.settings.SettingsKeeper;
import io.mtcassistant.settings.SettingsStore;
import io.mtcassistant.ui.activity.ActivityLog;
import io.mtcassistant.ui.common.DialogService;
import io.mtcassistant.ui.common.ThemeModel;
import io.mtcassistant.ui.steps.clusters.ClustersView;
import io.mtcassistant.ui.steps.clusters.ClustersViewModel;
import io.mtcassistant.ui.steps.compatibility.CompatibilityService;
import io.mtcassistant.ui.steps.compatibility.CompatibilityView;
import io.mtcassistant.ui.steps.compatibility.CompatibilityViewModel;
import io.mtcassistant.ui.steps.compatibility.EngineCompatibilityService;
import io.mtcassistant.ui.steps.mirroring.FxProgressTicker;
import io.mtcassistant.ui.steps.mirroring.MirroringView;
import io.mtcassistant.ui.steps.mirroring.MirroringViewModel;
import io.mtcassistant.ui.steps.network.NetworkView;
import io.mtcassistant.ui.steps.network.NetworkViewModel;
import io.mtcassistant.ui.steps.operators.OperatorsView;
import io.mtcassistant.ui.steps.operators.OperatorsViewModel;
import io.mtcassistant.ui.steps.repository.RepositoryView;
import io.mtcassistant.ui.steps.repository.RepositoryViewModel;
import io.mtcassistant.install.MirrorAccess;
import io.mtcassistant.mirror.session.MirrorSetup;
import io.mtcassistant.mirror.session.MirroringSession;
import io.mtcassistant.ui.task.BackgroundTask;
import io.mtcassistant.ui.task.TaskFailures;
import io.mtcassistant.ui.task.TaskRunner;
import io.mtcassistant.ui.wizard.WizardModel;
import io.mtcassistant.ui.wizard.WizardShell;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: builds the services, view models and the shell. The app passes the real services;
 * tests pass fakes (and a synchronous task runner where they want one).
 */
public final class AppComposition implements AutoCloseable {

    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(15);
    static final String DEMO_SOURCE = "Demo";

    private static final Logger LOG = LoggerFactory.getLogger(AppComposition.class);

    private final ClusterServices clusterServices;
    private final Duration connectTimeout;
    private final TaskRunner runner;
    private final ActivityLog activityLog;
    private final boolean demo;
    private final SettingsKeeper settings;
    private final ThemeModel theme;
    private final WizardModel wizard = WizardModel.standard();
    private final ClustersViewModel clusters;
    private final MigrationPlanHolder migrationPlan = new MigrationPlanHolder();
    private final CompatibilityViewModel compatibility;
    private final MirroringViewModel mirroring;
    private final MonitorViewModel monitor;
    private final ControlClusterMonitors controlClusters;
    private final DialogService dialogs;
    private final OperatorsViewModel operators;
    private final NetworkViewModel network;
    private final RepositoryViewModel repository;
    // Guarded by this: the simulation starts on a worker while close() may run on the FX thread.
    private DemoClusters demoClusters;
    private Path demoDirectory;
    private Thread demoCleanup;
    private boolean closed;

    public AppComposition(ClusterServices clusterServices, SettingsStore settingsStore, Settings initialSettings,
                          Executor settingsWriter, TaskRunner runner, ActivityLog activityLog, DialogService dialogs,
                          boolean demo, Duration connectTimeout) {
        this(clusterServices, EngineCompatibilityService.system(), settingsStore, initialSettings, settingsWriter, runner,
                activityLog, dialogs, demo, connectTimeout);
    }

    /** With the compatibility engine given (tests pass one that reads no cluster). */
    public AppComposition(ClusterServices clusterServices, CompatibilityService compatibilityService,
                          SettingsStore settingsStore, Settings initialSettings, Executor settingsWriter, TaskRunner runner,
                          ActivityLog activityLog, DialogService dialogs, boolean demo, Duration connectTimeout) {
        this(clusterServices, compatibilityService, settingsStore, initialSettings, settingsWriter, runner, activityLog, dialogs, demo,
                connectTimeout, XdgDirs.system());
    }

    /** With the app's folders given (tests pass temporary ones). */
    public AppComposition(ClusterServices clusterServices, CompatibilityService compatibilityService,
                          SettingsStore settingsStore, Settings initialSettings, Executor settingsWriter, TaskRunner runner,
                          ActivityLog activityLog, DialogService dialogs, boolean demo, Duration connectTimeout, XdgDirs dirs) {
        this.clusterServices = clusterServices;
        this.connectTimeout = connectTimeout;
        this.runner = runner;
        this.activityLog = activityLog;
        this.demo = demo;
        this.settings = new SettingsKeeper(settingsStore, initialSettings, settingsWriter,
                e -> activityLog.warning("Settings", e.getMessage()));
        this.theme = new ThemeModel(settings);
        this.clusters = new ClustersViewModel(clusterServices.loader(), clusterServices.connector(), settings, runner,
                dialogs, activityLog, connectTimeout);
        wizard.step(WizardModel.CLUSTERS).stateProperty().bind(clusters.stepStateProperty());
        this.compatibility = new CompatibilityViewModel(clusters, compatibilityService, migrationPlan, settings, runner, dialogs,
                activityLog);
        wizard.step(WizardModel.COMPATIBILITY).stateProperty().bind(compatibility.stepStateProperty());
        // The demo keeps its mirror folders and its interrupted-run record apart from real work.
        Path mirrorBase = demo ? dirs.cache().resolve("demo-mirror") : Path.of(System.getProperty("user.home"), "mtc-mirror");
        this.mirroring = new MirroringViewModel(migrationPlan, runner, dialogs, activityLog, demo, dirs.cache(), mirrorBase,
                demo ? mirrorBase.resolve("last-run.properties") : dirs.state().resolve("mirroring-last-run.properties"),
                settingsWriter, new FxProgressTicker());
        wizard.step(WizardModel.MIRRORING).stateProperty().bind(mirroring.stepStateProperty());
        this.dialogs = dialogs;
        this.controlClusters = new ControlClusterMonitors(clusters, migrationPlan);
        this.monitor = new MonitorViewModel(controlClusters,
                MonitorNotifications.toasts(activityLog));
        wizard.step(WizardModel.MONITOR).stateProperty().bind(monitor.stepStateProperty());
        this.operators = new OperatorsViewModel(clusters, migrationPlan, mirroring.factsProperty(), () -> {
                    MirrorSetup setup = mirroring.currentSetup();
                    return new MirrorAccess(MirroringSession.mirrorAccess(setup, demo), !setup.insecure());
                }, runner, dialogs, activityLog, Platform::runLater);
        wizard.step(WizardModel.OPERATORS).stateProperty().bind(operators.stepStateProperty());
        this.network = new NetworkViewModel(clusters, runner, dialogs, activityLog, Platform::runLater);
        this.repository = new RepositoryViewModel(clusters, migrationPlan, runner, dialogs, activityLog, Platform::runLater);
        wizard.step(WizardModel.REPOSITORY).stateProperty().bind(repository.stepStateProperty());
        if (demo) {
            repository.demoNote("The demo's gateway names a simulated S3 server in this app (plain HTTP on 127.0.0.1, "
                    + "objects in memory, signatures checked): the check, a bucket claim, the MigStorage and its Ready "
                    + "work as with a real endpoint, and a wrong key or secret fails as it would there.");
        }
        wizard.currentProperty().addListener((obs, old, step) -> {
            if (step.id().equals(WizardModel.MONITOR)) {
                monitor.arrive();
            } else {
                monitor.leave();
            }
            if (step.id().equals(WizardModel.COMPATIBILITY)) {
                compatibility.arrive();
            } else if (step.id().equals(WizardModel.MIRRORING)) {
                mirroring.arrive();
            } else if (step.id().equals(WizardModel.OPERATORS)) {
                operators.arrive();
            } else if (step.id().equals(WizardModel.NETWORK)) {
                network.arrive();
            } else if (step.id().equals(WizardModel.REPOSITORY)) {
                repository.arrive();
            }
        });
    }

    /** Builds the window content; cheap (no files, no network), so the window shows at once. */
    public Parent createShell() {
        Map<String, Supplier<Node>> pages = Map.of(WizardModel.CLUSTERS, () -> ClustersView.create(clusters),
                WizardModel.COMPATIBILITY, () -> CompatibilityView.create(compatibility,
                        () -> wizard.goTo(wizard.step(WizardModel.CLUSTERS))),
                WizardModel.MIRRORING, () -> MirroringView.create(mirroring),
                WizardModel.MONITOR, () -> MonitorView.create(monitor, dialogs, this::openNewPlan,
                        this::openPlanEditor),
                WizardModel.OPERATORS, () -> OperatorsView.create(operators),
                WizardModel.NETWORK, () -> NetworkView.create(network),
                WizardModel.REPOSITORY, () -> RepositoryView.create(repository));
        return WizardShell.create(wizard, pages, runner, activityLog, theme, demo ? demoBannerText() : null);
    }

    /** The Monitor page's "New plan…": the plans flow on the control cluster the Monitor watches. */
    private void openNewPlan(javafx.stage.Window owner) {
        openPlanEditor(owner, null);
    }

    /** The same window on an existing plan (the Monitor page's "Edit…"), or a new one when {@code existing} is null. */
    private void openPlanEditor(javafx.stage.Window owner, String existing) {
        var service = planService();
        if (service.isEmpty()) {
            activityLog.warning("New plan", "Connect the control (or target) cluster in the Clusters step first.");
            return;
        }
        var window = new java.util.concurrent.atomic.AtomicReference<javafx.stage.Stage>();
        var viewModel = new io.mtcassistant.ui.steps.plans.NewPlanViewModel(service.get(), runner, plan -> {
            monitor.selectedPlanProperty().set(plan);
            if (window.get() != null) {
                window.get().close();
            }
        });
        if (existing != null) {
            viewModel.editExisting(existing);
        }
        window.set(io.mtcassistant.ui.steps.plans.NewPlanWindow.open(owner, viewModel, dialogs));
    }

    /**
     * The plans flow on the cluster the Monitor page watches (MigPlans live on the control cluster step 2 chose, which
     * need not be the target), else on the one it would watch (a file is shown); the source's namespaces from the
     * connected source.
     */
    java.util.Optional<io.mtcassistant.ui.steps.plans.ClusterPlanService> planService() {
        var control = monitor.controlCluster().or(() -> controlClusters.get()
                .flatMap(io.mtcassistant.ui.steps.monitor.MonitorService::controlCluster));
        return control.map(c -> new io.mtcassistant.ui.steps.plans.ClusterPlanService(c.name(), c.client(),
                clusters.session(ClusterRole.SOURCE).map(s -> s.client()).orElse(null)));
    }

    public String windowTitle() {
        return demo ? "MTC Assistant — DEMO: simulated clusters" : "MTC Assistant";
    }

    public static String demoBannerText() {
        return "Demo mode: the clusters below are simulated inside this app (sim-source: OpenShift 3.11, "
                + "sim-target: OpenShift 4.12). Nothing here touches a real cluster.";
    }

    /** Starts the work the app does after the window is visible: reading kubeconfigs, or starting the simulation. */
    public void start() {
        if (!demo) {
            clusters.start(clusterServices.defaultKubeconfigs());
            return;
        }
        activityLog.info(DEMO_SOURCE, "Starting the simulated clusters…");
        SimulationStartProgress stages = new SimulationStartProgress();
        clusters.setLoading(SimulationStartProgress.pageText(stages.summary()));
        long startedAt = System.nanoTime();
        runner.run(BackgroundTask.of("Start the simulated clusters", progress -> {
                    DemoClusters simulation;
                    Path directory;
                    synchronized (this) {
                        if (closed) {
                            throw new CancellationException("the app is closing");
                        }
                        directory = Files.createTempDirectory("mtc-assistant-demo-");
                        demoDirectory = directory;
                        // SIGTERM ends the JVM without stop(): the kubeconfig folder goes anyway.
                        demoCleanup = new Thread(() -> deleteTree(directory), "mtc-demo-cleanup");
                        Runtime.getRuntime().addShutdownHook(demoCleanup);
                        simulation = clusterServices.demoClusters().get();
                        demoClusters = simulation;
                    }
                    progress.message(stages.summary());
                    Path kubeconfig = simulation.start(directory, part -> {
                        progress.message(stages.ready(part));
                    });
                    synchronized (this) {
                        if (closed) {
                            // close() ran while the clusters started; it may have missed them.
                            simulation.close();
                            deleteTree(directory);
                            throw new CancellationException("the app is closing");
                        }
                    }
                    return kubeconfig;
                })
                .onMessage(summary -> {
                    if (clusters.loadingProperty().get()) {
                        clusters.setLoading(SimulationStartProgress.pageText(summary));
                    }
                })
                .onSuccess(kubeconfig -> {
                    activityLog.success(DEMO_SOURCE, "Simulated clusters started; kubeconfig written to " + kubeconfig);
                    clusters.useDemoKubeconfig(kubeconfig, DEMO_ROLES,
                            demoConnectTimeout(Duration.ofNanos(System.nanoTime() - startedAt)));
                    DemoClusters started;
                    synchronized (this) {
                        started = demoClusters;
                    }
                    if (started != null) {
                        started.mirrorRegistry().ifPresent(m -> mirroring.useDemoMirror(m.endpoint(), m.caFile()));
                    }
                    StartupMarker.phase("demo clusters started");
                })
                .onFailure(error -> {
                    clusters.setLoading(null);
                    activityLog.error(DEMO_SOURCE, "The simulated clusters did not start: " + TaskFailures.describe(error));
                }));
    }

    /** The demo needs no setup: its pair comes with the roles it was built for. */
    static final Map<String, ClusterRole> DEMO_ROLES = Map.of(SimulatedEnvironment.SOURCE_CONTEXT, ClusterRole.SOURCE,
            SimulatedEnvironment.TARGET_CONTEXT, ClusterRole.TARGET);

    /**
     * The simulation runs in this process: a machine that took long to start it answers slowly too, so the first connect
     * waits in proportion (never less than the app's timeout, at most two minutes).
     */
    Duration demoConnectTimeout(Duration simulationStart) {
        Duration scaled = simulationStart.multipliedBy(3);
        Duration atLeast = scaled.compareTo(connectTimeout) > 0 ? scaled : connectTimeout;
        return atLeast.compareTo(Duration.ofMinutes(2)) > 0 ? Duration.ofMinutes(2) : atLeast;
    }

    /** The shutdown hook that deletes the demo folder when the JVM ends without close() (SIGTERM); null before the demo. */
    synchronized Thread demoCleanupHook() {
        return demoCleanup;
    }

    public WizardModel wizard() {
        return wizard;
    }

    public ClustersViewModel clusters() {
        return clusters;
    }

    public CompatibilityViewModel compatibility() {
        return compatibility;
    }

    /** Step 3; its {@code factsProperty()} carries the mirrored catalog and legacy operator image for the later steps. */
    public MirroringViewModel mirroring() {
        return mirroring;
    }

    /** Step 4: install, verification and uninstall per cluster. */
    public NetworkViewModel network() {
        return network;
    }

    /** Step 6: the replication repository and the MigClusters. */
    public RepositoryViewModel repository() {
        return repository;
    }

    public OperatorsViewModel operators() {
        return operators;
    }

    /** The Compatibility step's report and plan, for the later steps. */
    public MonitorViewModel monitor() {
        return monitor;
    }

    public MigrationPlanHolder migrationPlan() {
        return migrationPlan;
    }

    public ThemeModel theme() {
        return theme;
    }

    public SettingsKeeper settings() {
        return settings;
    }

    public ActivityLog activityLog() {
        return activityLog;
    }

    public TaskRunner runner() {
        return runner;
    }

    public boolean demo() {
        return demo;
    }

    @Override
    public void close() {
        monitor.leave();
        clusters.close();
        mirroring.close();
        DemoClusters simulation;
        Path directory;
        Thread cleanup;
        synchronized (this) {
            closed = true;
            simulation = demoClusters;
            directory = demoDirectory;
            cleanup = demoCleanup;
        }
        if (cleanup != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(cleanup);
            } catch (IllegalStateException e) {
                // The JVM is already shutting down: the hook runs and deletes the folder itself.
            }
        }
        if (simulation != null) {
            simulation.close();
        }
        deleteTree(directory);
    }

    private static void deleteTree(Path directory) {
        if (!FileTrees.delete(directory)) {
            LOG.warn("Could not delete the demo folder {}", directory);
        }
    }
}
