package io.mtcassistant.ui.common;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;

/**
 * Scrolls a page just enough that a node (a new error) is visible, and leaves it where it is when the node already is:
 * the user keeps their place (issue 16, point 12).
 */
public final class ScrollIntoView {

    private static final double MARGIN = 20;

    private ScrollIntoView() {
    }

    public static void bringIntoView(ScrollPane scroll, Node node) {
        Node content = scroll.getContent();
        if (content == null || node.getScene() == null) {
            return;
        }
        scroll.layout();
        double contentHeight = content.getBoundsInLocal().getHeight();
        double viewport = scroll.getViewportBounds().getHeight();
        if (contentHeight <= viewport) {
            return;
        }
        Bounds bounds = content.sceneToLocal(node.localToScene(node.getBoundsInLocal()));
        double top = scroll.getVvalue() * (contentHeight - viewport);
        double newTop = top;
        if (bounds.getMinY() < top) {
            newTop = bounds.getMinY() - MARGIN;
        } else if (bounds.getMaxY() > top + viewport) {
            newTop = Math.min(bounds.getMinY() - MARGIN, bounds.getMaxY() - viewport + MARGIN);
        }
        scroll.setVvalue(Math.max(0, Math.min(1, newTop / (contentHeight - viewport))));
    }
}
