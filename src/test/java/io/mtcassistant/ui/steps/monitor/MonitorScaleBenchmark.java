package io.mtcassistant.ui.steps.monitor;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.mtcassistant.monitor.MigResources;
import io.mtcassistant.monitor.MonitorSnapshot;
import io.mtcassistant.settings.Theme;
import io.mtcassistant.sim.SimulatedCluster;
import io.mtcassistant.sim.migration.SimulatedMigrationLoad;
import io.mtcassistant.ui.common.ThemeStyles;
import io.mtcassistant.ui.testsupport.FakeDialogs;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/**
 * The Monitor step's scale benchmark (run by scripts/bench-monitor.sh, never by the tests): a simulated control
 * cluster holding PLANS plans and MIGRATIONS migrations, {@link SimulatedMigrationLoad} writing RATE status updates
 * per second for SECONDS, and the Monitor page open under Monocle watching it. A probe migration in its own plan
 * (selected on screen) gets a numbered error every 250 ms; the time from before its write until the number is in the
 * details pane's label is the server-to-screen delay. Prints FX latencies, that delay, heap and process CPU.
 *
 * <p>Arguments: SECONDS PLANS MIGRATIONS RATE (defaults 60 200 1000 1000).
 */
public final class MonitorScaleBenchmark {

    private static final String PROBE_PLAN = "bench-probe";
    private static final String PROBE_MIGRATION = "bench-probe-1";

    private final List<Long> runLaterNanos = Collections.synchronizedList(new ArrayList<>());
    private final List<Long> pulseGapNanos = Collections.synchronizedList(new ArrayList<>());
    private final List<Long> screenDelayNanos = Collections.synchronizedList(new ArrayList<>());
    private final Map<Integer, Long> probeSent = new ConcurrentHashMap<>();
    private final AtomicInteger lastSeenProbe = new AtomicInteger(-1);
    private final AtomicLong snapshotsShown = new AtomicLong();
    private final AtomicLong peakHeap = new AtomicLong();
    private volatile boolean measuring;

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        int plans = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int migrations = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
        int rate = args.length > 3 ? Integer.parseInt(args[3]) : 1000;
        headless();
        int exit = 1;
        try {
            new MonitorScaleBenchmark().run(seconds, plans, migrations, rate);
            exit = 0;
        } finally {
            Platform.exit();
            System.exit(exit);
        }
    }

    private static void headless() {
        // the headless screen must hold the 1280x840 window, or every repaint overflows its buffer
        Map.of("glass.platform", "Monocle", "monocle.platform", "Headless", "prism.order", "sw", "prism.text", "t2k",
                        "headless.geometry", "1920x1080-32")
                .forEach((key, value) -> {
                    if (System.getProperty(key) == null) {
                        System.setProperty(key, value);
                    }
                });
    }

    private void run(int seconds, int plans, int migrations, int rate) throws Exception {
        System.out.printf(Locale.ROOT, "bench-monitor: %d plans, %d migrations, %d updates/s for %d s%n", plans,
                migrations, rate, seconds);
        try (SimulatedCluster cluster = SimulatedCluster.builder().name("sim-bench").start();
                KubernetesClient admin = cluster.client()) {
            long seedStart = System.nanoTime();
            SimulatedMigrationLoad load = SimulatedMigrationLoad.seeded(cluster, plans, migrations);
            createProbe(admin);
            System.out.printf(Locale.ROOT, "seeded in %.1f s%n", (System.nanoTime() - seedStart) / 1e9);

            openPage(admin, plans + 1);
            ScheduledExecutorService probes = Executors.newScheduledThreadPool(2, r -> {
                Thread thread = new Thread(r, "bench-probe");
                thread.setDaemon(true);
                return thread;
            });
            AtomicInteger probeNumber = new AtomicInteger();
            probes.scheduleAtFixedRate(() -> writeProbe(admin, probeNumber.getAndIncrement()), 0, 250,
                    TimeUnit.MILLISECONDS);
            probes.scheduleAtFixedRate(this::sampleFx, 0, 20, TimeUnit.MILLISECONDS);
            probes.scheduleAtFixedRate(this::sampleHeap, 0, 500, TimeUnit.MILLISECONDS);

            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            long cpuStart = os.getProcessCpuTime();
            long wallStart = System.nanoTime();
            long sentBefore = load.updatesSent();
            measuring = true;
            load.drive(rate, Duration.ofSeconds(seconds));
            if (!load.awaitFinished(Duration.ofSeconds(seconds + 120L))) {
                System.out.println("the load did not stop in time");
            }
            measuring = false;
            double wall = (System.nanoTime() - wallStart) / 1e9;
            double cpu = (os.getProcessCpuTime() - cpuStart) / 1e9;
            probes.shutdownNow();
            System.gc();
            long liveAfterGc = usedHeap();

            System.out.printf(Locale.ROOT, "load: %d updates sent in %.1f s (%.0f/s), %d skipped (server behind), %d failed%n",
                    load.updatesSent() - sentBefore, wall, (load.updatesSent() - sentBefore) / wall,
                    load.updatesSkipped(), load.updatesFailed());
            System.out.printf(Locale.ROOT, "screen: %d snapshots applied (%.1f/s)%n", snapshotsShown.get(),
                    snapshotsShown.get() / wall);
            report("FX runLater latency", runLaterNanos);
            report("FX pulse gap", pulseGapNanos);
            report("server -> screen delay", screenDelayNanos);
            System.out.printf(Locale.ROOT, "probes: %d written, %d seen on screen%n", probeNumber.get(),
                    screenDelayNanos.size());
            System.out.printf(Locale.ROOT, "heap: peak used %d MB, live after GC %d MB (max %d MB)%n",
                    peakHeap.get() >> 20, liveAfterGc >> 20, Runtime.getRuntime().maxMemory() >> 20);
            System.out.printf(Locale.ROOT, "process CPU: %.1f s in %.1f s = %.2f of %d cores (the simulated API server and"
                    + " the load run in this process too); machine load average %.1f%n", cpu, wall, cpu / wall,
                    os.getAvailableProcessors(), os.getSystemLoadAverage());
            load.close();
        }
    }

    private void openPage(KubernetesClient admin, int expectedPlans) throws Exception {
        CountDownLatch shown = new CountDownLatch(1);
        CountDownLatch loaded = new CountDownLatch(1);
        Platform.startup(() -> {
            MonitorViewModel viewModel = new MonitorViewModel(() -> Optional.of(new ClusterMonitorService(admin)),
                    (title, text) -> { });
            ThemeStyles.apply(Theme.LIGHT);
            Parent page = (Parent) MonitorView.create(viewModel, new FakeDialogs());
            Scene scene = new Scene(page, 1280, 840);
            ThemeStyles.addAppStylesheet(scene);
            Stage stage = new Stage();
            stage.setScene(scene);
            stage.show();
            // registered after the view's own listener, so the page has been patched when this runs
            viewModel.snapshotProperty().addListener((obs, old, snapshot) -> onShown(viewModel, scene, snapshot,
                    expectedPlans, loaded));
            new AnimationTimer() {
                private long last;

                @Override
                public void handle(long now) {
                    if (last != 0 && measuring) {
                        pulseGapNanos.add(now - last);
                    }
                    last = now;
                }
            }.start();
            viewModel.arrive();
            shown.countDown();
        });
        shown.await();
        if (!loaded.await(180, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the Monitor page did not list the " + expectedPlans + " plans in 180 s");
        }
    }

    private void onShown(MonitorViewModel viewModel, Scene scene, MonitorSnapshot snapshot, int expectedPlans,
            CountDownLatch loaded) {
        snapshotsShown.incrementAndGet();
        if (snapshot.plans().size() >= expectedPlans && loaded.getCount() > 0) {
            viewModel.selectedPlanProperty().set(PROBE_PLAN);
            loaded.countDown();
        }
        if (!measuring) {
            return;
        }
        long now = System.nanoTime();
        VBox errors = (VBox) scene.lookup("#monitor-errors");
        if (errors == null || errors.getChildren().isEmpty()) {
            return;
        }
        String text = ((Labeled) errors.getChildren().get(0)).getText();
        int at = text.lastIndexOf("probe ");
        if (at < 0) {
            return;
        }
        int number = Integer.parseInt(text.substring(at + 6).trim());
        int previous = lastSeenProbe.getAndSet(number);
        // every probe written since the last one seen reached the screen now (coalescing skips the ones between)
        for (int n = previous + 1; n <= number; n++) {
            Long sent = probeSent.remove(n);
            if (sent != null) {
                screenDelayNanos.add(now - sent);
            }
        }
    }

    private void sampleFx() {
        if (!measuring) {
            return;
        }
        long submitted = System.nanoTime();
        Platform.runLater(() -> runLaterNanos.add(System.nanoTime() - submitted));
    }

    private void sampleHeap() {
        peakHeap.accumulateAndGet(usedHeap(), Math::max);
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static void createProbe(KubernetesClient admin) {
        GenericKubernetesResource plan = Serialization.unmarshal("""
                {"apiVersion": "migration.openshift.io/v1alpha1", "kind": "MigPlan",
                 "metadata": {"name": "%s", "namespace": "openshift-migration"},
                 "spec": {"namespaces": ["probe"]}}""".formatted(PROBE_PLAN), GenericKubernetesResource.class);
        admin.genericKubernetesResources(MigResources.MIG_PLAN).inNamespace(MigResources.NAMESPACE).resource(plan)
                .create();
        GenericKubernetesResource migration = Serialization.unmarshal("""
                {"apiVersion": "migration.openshift.io/v1alpha1", "kind": "MigMigration",
                 "metadata": {"name": "%s", "namespace": "openshift-migration"},
                 "spec": {"migPlanRef": {"name": "%s", "namespace": "openshift-migration"}, "stage": true}}"""
                .formatted(PROBE_MIGRATION, PROBE_PLAN), GenericKubernetesResource.class);
        admin.genericKubernetesResources(MigResources.MIG_MIGRATION).inNamespace(MigResources.NAMESPACE)
                .resource(migration).create();
    }

    private void writeProbe(KubernetesClient admin, int number) {
        ObjectNode status = JsonNodeFactory.instance.objectNode();
        status.put("phase", "Prepare");
        status.put("startTimestamp", Instant.now().toString());
        status.putArray("errors").add("probe " + number);
        String patch = JsonNodeFactory.instance.arrayNode().add(JsonNodeFactory.instance.objectNode()
                .put("op", "add").put("path", "/status").set("value", status)).toString();
        if (measuring) {
            probeSent.put(number, System.nanoTime());
        }
        try {
            admin.genericKubernetesResources(MigResources.MIG_MIGRATION).inNamespace(MigResources.NAMESPACE)
                    .withName(PROBE_MIGRATION).subresource("status").patch(PatchContext.of(PatchType.JSON), patch);
        } catch (RuntimeException e) {
            probeSent.remove(number);
        }
    }

    private static void report(String what, List<Long> nanos) {
        List<Long> sorted;
        synchronized (nanos) {
            sorted = new ArrayList<>(nanos);
        }
        if (sorted.isEmpty()) {
            System.out.println(what + ": no samples");
            return;
        }
        Collections.sort(sorted);
        System.out.printf(Locale.ROOT, "%s: p50 %.1f ms, p99 %.1f ms, max %.1f ms (%d samples)%n", what,
                percentile(sorted, 50), percentile(sorted, 99), sorted.get(sorted.size() - 1) / 1e6, sorted.size());
    }

    private static double percentile(List<Long> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index))) / 1e6;
    }
}
