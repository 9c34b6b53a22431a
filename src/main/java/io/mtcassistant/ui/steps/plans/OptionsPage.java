package io.mtcassistant.ui.steps.plans;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The Options page: direct or indirect (through the repository) image and volume migration, and what direct volume
 * migration needs of the rsync endpoint to the chosen target.
 */
public final class OptionsPage {

    private final BooleanProperty directImages = new SimpleBooleanProperty(false);
    private final BooleanProperty directVolumes = new SimpleBooleanProperty(true);
    private final StringProperty volumesNeed = new SimpleStringProperty("");

    public BooleanProperty directImagesProperty() { return directImages; }
    public BooleanProperty directVolumesProperty() { return directVolumes; }
    /** What the rsync endpoint direct volume migration would use needs, or a warning; empty when it is off. */
    public StringProperty volumesNeedProperty() { return volumesNeed; }
}
