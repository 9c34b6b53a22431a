package io.mtcassistant.ui.steps.plans;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/** The Options page: direct or indirect (through the repository) image and volume migration. */
public final class OptionsPage {

    private final BooleanProperty directImages = new SimpleBooleanProperty(false);
    private final BooleanProperty directVolumes = new SimpleBooleanProperty(true);

    public BooleanProperty directImagesProperty() { return directImages; }
    public BooleanProperty directVolumesProperty() { return directVolumes; }
}
