package io.mtcassistant.monitor;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.CustomResourceDefinitionContext;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.mtcassistant.common.SecretMasker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the migration resources of the control cluster with fabric8 informers (one per kind, in
 * openshift-migration) and delivers coalesced {@link MonitorUpdate}s: at most one per interval however many events
 * arrive, with the model computed on the watcher's thread. Events are coalesced per object; each tick reads only the
 * objects that changed and rebuilds only what they touch ({@link IncrementalMonitorModel}).
 *
 * <p>The watcher owns reconnection so the admin can see it: when a watch stays broken past a short grace, the
 * informers are stopped, the last good objects stay on screen marked stale, and a new set of informers is started
 * after a growing delay (1 s, 2 s, 4 s ... 30 s), forever, until {@link #close()}.
 */
public final class MigrationWatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MigrationWatcher.class);
    /** Kinds the monitor can live without (an older MTC, or no rights): a 404 on them is not an outage. */
    private static final Set<String> OPTIONAL = Set.of("DirectVolumeMigrationProgress", "DirectImageMigration",
            "DirectVolumeMigration", "MigCluster", "MigStorage");
    /** A watch that informers re-open on their own (a normal watch timeout) is not an outage. */
    private static final Duration GRACE = Duration.ofSeconds(2);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    private static final Duration START_LIMIT = Duration.ofSeconds(20);

    private final KubernetesClient client;
    private final String namespace;
    /** The last good objects' model: kept while the watch is broken, so the screen shows them stale. */
    private final IncrementalMonitorModel model;
    private final Clock clock;
    private final Duration interval;
    private final Duration firstBackoff;
    private final MonitorListener listener;
    private final ScheduledExecutorService ticker;
    private final Set<String> absentKinds = ConcurrentHashMap.newKeySet();
    /**
     * The objects changed since the last tick, by kind and store key: a burst of events on one object is one entry,
     * and the tick reads the object's newest state from the informer's store (absent: deleted).
     */
    private final Set<ChangedObject> changed = ConcurrentHashMap.newKeySet();
    private final java.util.concurrent.atomic.AtomicLong events = new java.util.concurrent.atomic.AtomicLong();

    private record ChangedObject(String kind, String key) {
    }

    private final class ChangeHandler implements ResourceEventHandler<GenericKubernetesResource> {
        private final String kind;

        ChangeHandler(String kind) {
            this.kind = kind;
        }

        @Override
        public void onAdd(GenericKubernetesResource obj) {
            events.incrementAndGet();
            changed.add(new ChangedObject(kind, Cache.metaNamespaceKeyFunc(obj)));
        }

        @Override
        public void onUpdate(GenericKubernetesResource oldObj, GenericKubernetesResource newObj) {
            onAdd(newObj);
        }

        @Override
        public void onDelete(GenericKubernetesResource obj, boolean deletedFinalStateUnknown) {
            onAdd(obj);
        }
    }

    // state below is touched on the ticker thread only (informer callbacks hand over through volatile/atomic fields)
    private List<SharedIndexInformer<GenericKubernetesResource>> informers = List.of();
    private Map<String, SharedIndexInformer<GenericKubernetesResource>> informersByKind = Map.of();
    private FeedStatus status = FeedStatus.connecting();
    private boolean everLive;
    private Instant notWatchingSince;
    private Instant staleSince;
    private int attempts;
    private Duration nextDelay;
    private volatile String lastError;
    private volatile boolean closed;
    private long serial;
    private long lastAgeSecond = -1;

    public MigrationWatcher(KubernetesClient client, String namespace, Clock clock, Duration interval,
            MonitorListener listener) {
        this(client, namespace, clock, interval, Duration.ofSeconds(1), listener);
    }

    /** @param firstBackoff the delay before the first retry; it doubles up to 30 s */
    public MigrationWatcher(KubernetesClient client, String namespace, Clock clock, Duration interval,
            Duration firstBackoff, MonitorListener listener) {
        this.client = client;
        this.namespace = namespace;
        this.clock = clock;
        this.model = new IncrementalMonitorModel(clock);
        this.interval = interval;
        this.firstBackoff = firstBackoff;
        this.listener = listener;
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "monitor-watch");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts watching; returns at once (the first update says CONNECTING). */
    public MigrationWatcher start() {
        ticker.execute(this::attempt);
        // at a fixed rate: a change waits at most one interval plus the tick's own work, not the work twice
        ticker.scheduleAtFixedRate(this::tick, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** One connection attempt: a fresh informer per kind; live when all have listed. */
    private void attempt() {
        if (closed) {
            return;
        }
        List<SharedIndexInformer<GenericKubernetesResource>> started = new ArrayList<>();
        Map<String, SharedIndexInformer<GenericKubernetesResource>> byKind = new HashMap<>();
        List<CompletableFuture<Void>> synced = new ArrayList<>();
        for (CustomResourceDefinitionContext kind : MigResources.WATCHED) {
            if (absentKinds.contains(kind.getKind())) {
                continue;
            }
            SharedIndexInformer<GenericKubernetesResource> informer = client.genericKubernetesResources(kind)
                    .inNamespace(namespace).runnableInformer(0);
            informer.exceptionHandler((isStarted, failure) -> failed(kind.getKind(), failure));
            String kindName = kind.getKind();
            informer.addEventHandler(new ChangeHandler(kindName));
            started.add(informer);
            byKind.put(kindName, informer);
            synced.add(informer.start().toCompletableFuture().handle((ok, failure) -> {
                if (failure != null && !absentKinds.contains(kindName)) {
                    throw new IllegalStateException(failure);
                }
                return null;
            }));
        }
        List<SharedIndexInformer<GenericKubernetesResource>> attempted = List.copyOf(started);
        informers = attempted;
        informersByKind = Map.copyOf(byKind);
        CompletableFuture.allOf(synced.toArray(CompletableFuture[]::new))
                .orTimeout(START_LIMIT.toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((ok, failure) -> ticker.execute(() -> attemptEnded(attempted, failure)));
    }

    private void attemptEnded(List<SharedIndexInformer<GenericKubernetesResource>> attempted, Throwable failure) {
        if (closed || attempted != informers) {
            return;
        }
        if (failure == null) {
            everLive = true;
            attempts = 0;
            staleSince = null;
            notWatchingSince = null;
            nextDelay = null;
            lastError = null;
            setStatus(FeedStatus.live());
            return;
        }
        if (lastError == null) {
            lastError = plainWords(failure);
        }
        retryLater();
    }

    private void retryLater() {
        stopInformers();
        attempts++;
        long factor = 1L << Math.min(attempts - 1, 5);
        nextDelay = firstBackoff.multipliedBy(factor);
        if (nextDelay.compareTo(MAX_BACKOFF) > 0) {
            nextDelay = MAX_BACKOFF;
        }
        Instant retryAt = clock.instant().plus(nextDelay);
        setStatus(everLive
                ? new FeedStatus(FeedStatus.Kind.RECONNECTING, staleSince, attempts, nextDelay, lastError)
                : new FeedStatus(FeedStatus.Kind.CONNECTING, null, attempts, nextDelay, lastError));
        LOG.info("monitor: watch attempt {} failed ({}); next in {}", attempts, lastError, nextDelay);
        ticker.schedule(() -> {
            lastError = null;
            attempt();
        }, Math.max(0, Duration.between(clock.instant(), retryAt).toMillis()), TimeUnit.MILLISECONDS);
    }

    private boolean failed(String kind, Throwable failure) {
        if (failure instanceof KubernetesClientException e && e.getCode() == 404 && OPTIONAL.contains(kind)) {
            absentKinds.add(kind);
            return false;
        }
        lastError = plainWords(failure);
        LOG.debug("watch of {} failed: {}", kind, lastError);
        return false; // the watcher reconnects itself, with a backoff it can show
    }

    private void tick() {
        if (closed) {
            return;
        }
        try {
            Instant now = clock.instant();
            if (status.kind() == FeedStatus.Kind.LIVE) {
                boolean watching = informers.stream().allMatch(i -> i.isWatching() || !i.isRunning() && i.hasSynced());
                if (watching) {
                    notWatchingSince = null;
                } else if (notWatchingSince == null) {
                    notWatchingSince = now;
                } else if (Duration.between(notWatchingSince, now).compareTo(GRACE) >= 0) {
                    staleSince = notWatchingSince;
                    lastError = lastError == null ? "the watch connection was lost" : lastError;
                    retryLater();
                    return;
                }
                boolean objectsChanged = applyChanges();
                if (objectsChanged || serial == 0 || model.clockDue()) {
                    deliver();
                }
            } else if (status.stale()) {
                long ageSecond = Duration.between(staleSince, now).toSeconds();
                if (ageSecond != lastAgeSecond) { // the age on screen moves once a second
                    lastAgeSecond = ageSecond;
                    deliver();
                }
            } else if (serial == 0) {
                deliver();
            }
        } catch (RuntimeException e) {
            LOG.warn("monitor update failed", e);
        }
    }

    private void setStatus(FeedStatus newStatus) {
        status = newStatus;
        if (newStatus.kind() == FeedStatus.Kind.LIVE) {
            // changes noted before this point are in the stores' contents; later ones are applied by the next tick
            changed.clear();
            List<JsonNode> objects = new ArrayList<>();
            for (SharedIndexInformer<GenericKubernetesResource> informer : informers) {
                for (GenericKubernetesResource resource : informer.getStore().list()) {
                    objects.add(ResourceTrees.tree(resource));
                }
            }
            model.reset(objects);
        }
        deliver();
    }

    /** Takes the objects changed since the last tick into the model; false when none did. */
    private boolean applyChanges() {
        if (changed.isEmpty()) {
            return false;
        }
        for (Iterator<ChangedObject> pending = changed.iterator(); pending.hasNext(); ) {
            ChangedObject object = pending.next();
            pending.remove();
            SharedIndexInformer<GenericKubernetesResource> informer = informersByKind.get(object.kind());
            if (informer == null) {
                continue;
            }
            GenericKubernetesResource resource = informer.getStore().getByKey(object.key());
            if (resource == null) {
                model.remove(object.kind(), object.key().substring(object.key().indexOf('/') + 1));
            } else {
                model.put(ResourceTrees.tree(resource));
            }
        }
        return model.changed();
    }

    private void deliver() {
        serial++;
        listener.updated(new MonitorUpdate(model.snapshot(), status, serial));
    }

    private void stopInformers() {
        for (SharedIndexInformer<GenericKubernetesResource> informer : informers) {
            try {
                informer.stop();
            } catch (RuntimeException e) {
                LOG.debug("stopping an informer failed", e);
            }
        }
        informers = List.of();
        informersByKind = Map.of();
    }

    private static String plainWords(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        if (root instanceof java.net.ConnectException) {
            message = "connection refused";
        } else if (root instanceof java.util.concurrent.TimeoutException) {
            message = "no answer within " + START_LIMIT.toSeconds() + " s";
        } else if (message == null || message.isBlank()) {
            message = root.getClass().getSimpleName();
        }
        return SecretMasker.mask(message);
    }

    /** The informer events received so far (each add, update and delete), for benchmarks and diagnostics. */
    public long eventsReceived() {
        return events.get();
    }

    @Override
    public void close() {
        closed = true;
        ticker.execute(this::stopInformers);
        ticker.shutdown();
        try {
            if (!ticker.awaitTermination(5, TimeUnit.SECONDS)) {
                ticker.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ticker.shutdownNow();
        }
    }
}
