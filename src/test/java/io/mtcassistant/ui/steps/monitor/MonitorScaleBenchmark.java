package io.mtcassistant.ui.steps.monitor;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.mtcassistant.monitor.MigResources;
import io.mtcassistant.monitor.MigrationWatcher;
import io.mtcassistant.monitor.MonitorSnapshot;
import io.mtcassistant.settings.Theme;
import io.mtcassistant.ui.common.ThemeStyles;
import io.mtcassistant.ui.testsupport.FakeDialogs;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
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
 * cluster holding PLANS plans and MIGRATIONS migrations, with {@code SimulatedMigrationLoad} writing RATE status
 * updates per second for SECONDS, runs in a child JVM ({@link MonitorBenchLoadProcess}); this JVM holds only the
 * Monitor page, open under Monocle and watching that cluster through a kubeconfig as the app does. A probe migration
 * in its own plan (selected on screen) gets a numbered error every 250 ms; the time from just before its write (this
 * JVM's clock, so the server's answer and the watch are inside it) until the number is in the details pane's label
 * as laid out by the pulse that then draws it is the server-to-screen delay. Prints the update rate reached next to
 * the goal (and whether it was within 95% of it: a run below that does not count), FX latencies, that delay, heap,
 * the CPU of both JVMs, the machine's load average and which goals were met; exits 1 when one was missed.
 *
 * <p>Arguments: SECONDS PLANS MIGRATIONS RATE (defaults 60 200 1000 1000).
 */
public final class MonitorScaleBenchmark {

    private static final String PROBE_PLAN = "bench-probe";
    private static final String PROBE_MIGRATION = "bench-probe-1";
    /** Under this share of the asked rate the load was not what the goal says: the run does not count. */
    private static final double RATE_TOLERANCE = 0.95;

    private final List<Long> runLaterNanos = Collections.synchronizedList(new ArrayList<>());
    private final List<Long> pulseGapNanos = Collections.synchronizedList(new ArrayList<>());
    private final List<Long> screenDelayNanos = Collections.synchronizedList(new ArrayList<>());
    /** How long the server took to answer a probe's write: the part of the server-to-screen delay before the watch. */
    private final List<Long> probeWriteNanos = Collections.synchronizedList(new ArrayList<>());
    private final Map<Integer, Long> probeSent = new ConcurrentHashMap<>();
    private final AtomicInteger lastSeenProbe = new AtomicInteger(-1);
    private final AtomicLong snapshotsShown = new AtomicLong();
    private final AtomicLong peakHeap = new AtomicLong();
    private final List<Double> loadAverages = Collections.synchronizedList(new ArrayList<>());
    private final BlockingQueue<String> loadLines = new LinkedBlockingQueue<>();
    private volatile boolean measuring;
    private volatile MigrationWatcher watcher;
    /** The details pane's list of status.errors (made once by the view); FX thread only. */
    private VBox probeErrors;

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        int plans = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int migrations = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
        int rate = args.length > 3 ? Integer.parseInt(args[3]) : 1000;
        headless();
        int exit = 2;
        try {
            exit = new MonitorScaleBenchmark().run(seconds, plans, migrations, rate) ? 0 : 1;
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

    /** True when every goal was met (the rate reached included). */
    private boolean run(int seconds, int plans, int migrations, int rate) throws Exception {
        System.out.printf(Locale.ROOT, "bench-monitor: %d plans, %d migrations, %d updates/s for %d s%n", plans,
                migrations, rate, seconds);
        Path work = Files.createTempDirectory("bench-monitor");
        Path kubeconfig = work.resolve("kubeconfig");
        Process loadProcess = startLoadProcess(kubeconfig, plans, migrations, rate, seconds);
        try {
            String ready = awaitLoadLine("ready", Duration.ofSeconds(600));
            System.out.println("simulated cluster (own JVM, pid " + loadProcess.pid() + ") " + ready);
            Config config = Config.fromKubeconfig(Files.readString(kubeconfig));
            config.setHttp2Disable(true);
            try (KubernetesClient admin = new KubernetesClientBuilder().withConfig(config).build()) {
                createProbe(admin);
                openPage(admin, plans + 1);
                return measure(admin, loadProcess, seconds, rate);
            }
        } finally {
            loadProcess.getOutputStream().close();
            if (!loadProcess.waitFor(30, TimeUnit.SECONDS)) {
                loadProcess.destroy();
            }
            Files.deleteIfExists(kubeconfig);
            Files.deleteIfExists(work);
        }
    }

    private boolean measure(KubernetesClient admin, Process loadProcess, int seconds, int rate) throws Exception {
        ScheduledExecutorService probes = Executors.newScheduledThreadPool(2, r -> {
            Thread thread = new Thread(r, "bench-probe");
            thread.setDaemon(true);
            return thread;
        });
        AtomicInteger probeNumber = new AtomicInteger();
        probes.scheduleAtFixedRate(() -> writeProbe(admin, probeNumber.getAndIncrement()), 0, 250,
                TimeUnit.MILLISECONDS);
        probes.scheduleAtFixedRate(this::sampleFx, 0, 20, TimeUnit.MILLISECONDS);
        probes.scheduleAtFixedRate(this::sampleMachine, 0, 500, TimeUnit.MILLISECONDS);

        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpuStart = os.getProcessCpuTime();
        long wallStart = System.nanoTime();
        long eventsStart = watcher.eventsReceived();
        measuring = true;
        Writer commands = new OutputStreamWriter(loadProcess.getOutputStream(), StandardCharsets.UTF_8);
        commands.write("drive\n");
        commands.flush();
        Map<String, String> result = fields(awaitLoadLine("result", Duration.ofSeconds(seconds + 300L)));
        measuring = false;
        double wall = (System.nanoTime() - wallStart) / 1e9;
        long events = watcher.eventsReceived() - eventsStart;
        double cpu = (os.getProcessCpuTime() - cpuStart) / 1e9;
        probes.shutdownNow();
        System.gc();
        long liveAfterGc = usedHeap();

        long sent = Long.parseLong(result.get("sent"));
        double loadWall = Double.parseDouble(result.get("wall"));
        double achieved = sent / loadWall;
        boolean reached = achieved >= rate * RATE_TOLERANCE;
        System.out.printf(Locale.ROOT, "load: %d status updates in %.1f s = %.0f/s; goal %d/s %s%n", sent, loadWall,
                achieved, rate, reached ? "REACHED" : String.format(Locale.ROOT, "NOT REACHED (%.0f%% of it)",
                        100 * achieved / rate));
        System.out.printf(Locale.ROOT, "      %s skipped (the server was behind), %s failed, %s not sent (nothing had"
                + " changed)%s%n", result.get("skipped"), result.get("failed"), result.get("unchanged"),
                Boolean.parseBoolean(result.get("stopped")) ? "" : "; the load did not stop in time");
        // a status write is one watch event; the probe's writes and events are on top
        boolean delivered = events >= sent * RATE_TOLERANCE;
        System.out.printf(Locale.ROOT, "watch: %d events reached the page's watcher (%.0f/s, %.0f%% of the writes)%n",
                events, events / wall, 100.0 * events / Math.max(1, sent));
        reached &= delivered;
        System.out.printf(Locale.ROOT, "screen: %d snapshots applied (%.1f/s)%n", snapshotsShown.get(),
                snapshotsShown.get() / wall);
        report("FX runLater latency", runLaterNanos);
        double pulseP99 = report("FX pulse gap", pulseGapNanos);
        double delayP99 = report("server -> screen delay", screenDelayNanos);
        report("  of which the probe's write until the server answered", probeWriteNanos);
        System.out.printf(Locale.ROOT, "probes: %d written, %d seen on screen%n", probeNumber.get(),
                screenDelayNanos.size());
        System.out.printf(Locale.ROOT, "heap (app JVM): peak used %d MB, live after GC %d MB (max %d MB)%n",
                peakHeap.get() >> 20, liveAfterGc >> 20, Runtime.getRuntime().maxMemory() >> 20);
        System.out.printf(Locale.ROOT, "CPU: app JVM (watchers + UI) %.1f s in %.1f s = %.2f cores; simulated cluster"
                + " JVM %.1f s = %.2f cores; %d cores%n", cpu, wall, cpu / wall, Double.parseDouble(result.get("cpu")),
                Double.parseDouble(result.get("cpu")) / loadWall, os.getAvailableProcessors());
        System.out.printf(Locale.ROOT, "machine load average while measuring: mean %.1f, max %.1f%n",
                loadAverages.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN),
                loadAverages.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN));
        boolean pulseMet = pulseP99 < 100;
        boolean delayMet = delayP99 < 1000 && screenDelayNanos.size() >= probeNumber.get() * 0.9;
        boolean heapMet = peakHeap.get() < 512L << 20;
        System.out.printf(Locale.ROOT, "goals: rate written and watched >= %.0f%% of %d/s %s; FX pulse p99 < 100 ms %s;"
                + " server -> screen p99 < 1 s %s; heap < 512 MB %s%n", RATE_TOLERANCE * 100, rate, verdict(reached), verdict(pulseMet),
                verdict(delayMet), verdict(heapMet));
        return reached && pulseMet && delayMet && heapMet;
    }

    private static String verdict(boolean met) {
        return met ? "met" : "MISSED";
    }

    private Process startLoadProcess(Path kubeconfig, int plans, int migrations, int rate, int seconds)
            throws java.io.IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-Xmx1g", "-cp", System.getProperty("java.class.path"),
                MonitorBenchLoadProcess.class.getName(), kubeconfig.toString(), String.valueOf(plans),
                String.valueOf(migrations), String.valueOf(rate), String.valueOf(seconds))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        Thread reader = new Thread(() -> readLoadLines(process), "bench-load-output");
        reader.setDaemon(true);
        reader.start();
        return process;
    }

    private void readLoadLines(Process process) {
        try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith(MonitorBenchLoadProcess.PREFIX)) {
                    loadLines.add(line.substring(MonitorBenchLoadProcess.PREFIX.length()));
                } else {
                    System.err.println("[simulated cluster] " + line);
                }
            }
        } catch (java.io.IOException e) {
            // the process ended
        }
        loadLines.add("ended");
    }

    /** The next line from the load process, which must start with {@code word}; the rest of it is returned. */
    private String awaitLoadLine(String word, Duration limit) throws InterruptedException {
        String line = loadLines.poll(limit.toMillis(), TimeUnit.MILLISECONDS);
        if (line == null || !line.startsWith(word)) {
            throw new IllegalStateException("the simulated cluster process said " + (line == null
                    ? "nothing in " + limit.toSeconds() + " s" : "\"" + line + "\"") + " instead of " + word);
        }
        return line.substring(word.length()).trim();
    }

    private static Map<String, String> fields(String line) {
        Map<String, String> fields = new java.util.HashMap<>();
        for (String field : line.split(" ")) {
            int at = field.indexOf('=');
            if (at > 0) {
                fields.put(field.substring(0, at), field.substring(at + 1));
            }
        }
        return fields;
    }

    private void openPage(KubernetesClient admin, int expectedPlans) throws Exception {
        CountDownLatch shown = new CountDownLatch(1);
        CountDownLatch loaded = new CountDownLatch(1);
        Platform.startup(() -> {
            // the page's own service, with the watcher kept to count the watch events that reach this JVM
            ClusterMonitorService actions = new ClusterMonitorService(admin);
            MonitorService service = new MonitorService() {
                @Override
                public AutoCloseable watch(io.mtcassistant.monitor.MonitorListener listener) {
                    watcher = new MigrationWatcher(admin, MigResources.NAMESPACE, java.time.Clock.systemUTC(),
                            ClusterMonitorService.COALESCE, listener).start();
                    return watcher;
                }

                @Override
                public String apply(MonitorSnapshot snapshot, io.mtcassistant.monitor.ActionRequest request)
                        throws io.mtcassistant.monitor.MigrationActions.ActionRefusedException {
                    return actions.apply(snapshot, request);
                }
            };
            MonitorViewModel viewModel = new MonitorViewModel(() -> Optional.of(service), (title, text) -> { });
            ThemeStyles.apply(Theme.LIGHT);
            Parent page = (Parent) MonitorView.create(viewModel, new FakeDialogs());
            Scene scene = new Scene(page, 1280, 840);
            ThemeStyles.addAppStylesheet(scene);
            Stage stage = new Stage();
            stage.setScene(scene);
            stage.show();
            // registered after the view's own listener, so the page has been patched when this runs
            viewModel.snapshotProperty().addListener((obs, old, snapshot) -> onShown(viewModel, snapshot,
                    expectedPlans, loaded));
            // after CSS and layout, just before the pulse hands the scene to the renderer: what is drawn now
            scene.addPostLayoutPulseListener(() -> onLaidOut(scene));
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

    private void onShown(MonitorViewModel viewModel, MonitorSnapshot snapshot, int expectedPlans,
            CountDownLatch loaded) {
        snapshotsShown.incrementAndGet();
        if (snapshot.plans().size() >= expectedPlans && loaded.getCount() > 0) {
            viewModel.selectedPlanProperty().set(PROBE_PLAN);
            loaded.countDown();
        }
    }

    /** The probe number in the laid-out details pane, read at every pulse while measuring. */
    private void onLaidOut(Scene scene) {
        if (!measuring) {
            return;
        }
        long now = System.nanoTime();
        if (probeErrors == null) {
            probeErrors = (VBox) scene.lookup("#monitor-errors");
        }
        VBox errors = probeErrors;
        if (errors == null || errors.getChildren().isEmpty() || !errors.isVisible()) {
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

    private void sampleMachine() {
        peakHeap.accumulateAndGet(usedHeap(), Math::max);
        if (measuring) {
            loadAverages.add(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static final GenericKubernetesResource PROBE_REFERENCE = Serialization.unmarshal("""
            {"apiVersion": "migration.openshift.io/v1alpha1", "kind": "MigMigration",
             "metadata": {"name": "%s", "namespace": "openshift-migration"}}""".formatted(PROBE_MIGRATION),
            GenericKubernetesResource.class);

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
        long sent = System.nanoTime();
        if (measuring) {
            probeSent.put(number, sent);
        }
        try {
            admin.genericKubernetesResources(MigResources.MIG_MIGRATION).inNamespace(MigResources.NAMESPACE)
                    .resource(PROBE_REFERENCE).subresource("status").patch(PatchContext.of(PatchType.JSON), patch);
            if (measuring) {
                probeWriteNanos.add(System.nanoTime() - sent);
            }
        } catch (RuntimeException e) {
            probeSent.remove(number);
        }
    }

    /** Prints p50, p99 and max; returns p99 in ms (infinite without samples). */
    private static double report(String what, List<Long> nanos) {
        List<Long> sorted;
        synchronized (nanos) {
            sorted = new ArrayList<>(nanos);
        }
        if (sorted.isEmpty()) {
            System.out.println(what + ": no samples");
            return Double.POSITIVE_INFINITY;
        }
        Collections.sort(sorted);
        System.out.printf(Locale.ROOT, "%s: p50 %.1f ms, p99 %.1f ms, max %.1f ms (%d samples)%n", what,
                percentile(sorted, 50), percentile(sorted, 99), sorted.get(sorted.size() - 1) / 1e6, sorted.size());
        return percentile(sorted, 99);
    }

    private static double percentile(List<Long> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index))) / 1e6;
    }
}
