package io.mtcassistant.ui.common;

import io.mtcassistant.settings.SettingsKeeper;
import io.mtcassistant.settings.Theme;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/** The chosen theme; remembered in the settings. The shell applies it to the window. */
public final class ThemeModel {

    private final SettingsKeeper settings;
    private final ReadOnlyObjectWrapper<Theme> theme;

    public ThemeModel(SettingsKeeper settings) {
        this.settings = settings;
        this.theme = new ReadOnlyObjectWrapper<>(settings.current().theme());
    }

    public ReadOnlyObjectProperty<Theme> themeProperty() {
        return theme.getReadOnlyProperty();
    }

    public Theme theme() {
        return theme.get();
    }

    public void toggle() {
        Theme next = theme.get().toggled();
        theme.set(next);
        settings.update(s -> s.withTheme(next));
    }
}
