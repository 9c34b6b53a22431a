package io.mtcassistant.settings;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The settings of this run, shared by every part of the app that remembers something. Changes are applied in
 * memory at once and written in order on the given executor, so callers never wait for the disk and two parts
 * changing different fields never lose each other's change.
 */
public final class SettingsKeeper {

    private final SettingsStore store;
    private final Executor writer;
    private final Consumer<SettingsException> onSaveFailure;
    private final AtomicReference<Settings> current;

    public SettingsKeeper(SettingsStore store, Settings initial, Executor writer, Consumer<SettingsException> onSaveFailure) {
        this.store = store;
        this.writer = writer;
        this.onSaveFailure = onSaveFailure;
        this.current = new AtomicReference<>(initial);
    }

    public Settings current() {
        return current.get();
    }

    public void update(UnaryOperator<Settings> change) {
        current.updateAndGet(old -> {
            Settings next = change.apply(old);
            if (next == null) {
                throw new IllegalArgumentException("settings change returned null");
            }
            return next;
        });
        writer.execute(() -> {
            try {
                // Write the newest state, not necessarily `updated`: a later change may have overtaken this one.
                store.save(current.get());
            } catch (SettingsException e) {
                onSaveFailure.accept(e);
            }
        });
    }
}
