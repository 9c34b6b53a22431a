package io.mtcassistant.ui.activity;

import io.mtcassistant.common.ActivityEvent;
import io.mtcassistant.common.ActivityListener;
import io.mtcassistant.common.SecretMasker;
import java.util.concurrent.Executor;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The activity panel's content: what the app did, with timestamps. Accepts events from any thread and adds them on
 * the UI executor (Platform::runLater in the app, the calling thread in tests). Also writes them to the log file.
 */
public final class ActivityLog implements ActivityListener {

    static final int MAX_ENTRIES = 5000;

    private static final Logger LOG = LoggerFactory.getLogger("activity");

    private final ObservableList<ActivityEvent> entries = FXCollections.observableArrayList();
    private final Executor uiExecutor;

    public ActivityLog(Executor uiExecutor) {
        this.uiExecutor = uiExecutor;
    }

    @Override
    public void onEvent(ActivityEvent event) {
        ActivityEvent masked = new ActivityEvent(event.at(), event.level(), event.source(), SecretMasker.mask(event.message()));
        LOG.info("[{}] {}: {}", masked.level(), masked.source(), masked.message());
        uiExecutor.execute(() -> {
            entries.add(masked);
            if (entries.size() > MAX_ENTRIES) {
                entries.remove(0, entries.size() - MAX_ENTRIES);
            }
        });
    }

    /** Every entry as plain text lines (UTC timestamps), for "copy to clipboard" in support cases. */
    public String asText() {
        StringBuilder text = new StringBuilder();
        for (ActivityEvent event : entries) {
            text.append(event.at()).append(' ').append(event.level()).append(' ')
                    .append(event.source()).append(": ").append(event.message()).append('\n');
        }
        return text.toString();
    }

    public void clear() {
        entries.clear();
    }

    public ObservableList<ActivityEvent> entries() {
        return entries;
    }
}
