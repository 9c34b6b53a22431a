package io.mtcassistant.ui.testsupport;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;

/**
 * Finds labels, buttons and cells whose text is shown cut ("Go to C…") without a tooltip that carries it whole. JavaFX
 * says so nowhere publicly, so this compares each Labeled's text with what its skin's text node shows after layout. Call
 * on the FX thread.
 */
public final class CutText {

    private CutText() {
    }

    /** "text shown as shortened" for every showing Labeled under {@code root} whose text does not fit. */
    public static List<String> under(Node root) {
        List<String> cut = new ArrayList<>();
        collect(root, cut);
        return cut;
    }

    private static void collect(Node node, List<String> cut) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof Labeled labeled) {
            check(labeled, cut);
            checkWrappedGraphic(labeled, cut);
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                collect(child, cut);
            }
        }
    }

    private static void check(Labeled labeled, List<String> cut) {
        String text = labeled.getText();
        if (text == null || text.isEmpty()) {
            return;
        }
        String full = labeled.isMnemonicParsing() ? text.replace("_", "") : text;
        for (Node child : labeled.getChildrenUnmodifiable()) {
            // The skin's own text node (LabeledText, style class "text"); a graphic's text is its own Labeled's business.
            if (child instanceof Text shown && shown.getStyleClass().contains("text") && child != labeled.getGraphic()) {
                String ellipsis = labeled.getEllipsisString();
                boolean shortened = labeled.isWrapText()
                        ? shown.getText().endsWith(ellipsis) && !full.endsWith(ellipsis)
                        : !shown.getText().equals(full);
                // A cell that gives way on purpose carries its full text in a tooltip.
                boolean inTooltip = labeled.getTooltip() != null && full.equals(labeled.getTooltip().getText());
                if (shortened && !inTooltip) {
                    cut.add(describe(labeled) + " \"" + full + "\" shown as \"" + shown.getText() + "\"");
                }
                return;
            }
        }
    }

    /** A cell that draws its text as a wrapping Text graphic is cut when its lines are taller than the cell. */
    private static void checkWrappedGraphic(Labeled labeled, List<String> cut) {
        if (labeled.getGraphic() instanceof Text text && text.getWrappingWidth() > 0 && labeled.getHeight() > 0
                && text.getLayoutBounds().getHeight() > labeled.getHeight() - labeled.snappedTopInset()
                        - labeled.snappedBottomInset() + 1) {
            cut.add(describe(labeled) + " \"" + text.getText() + "\" is " + Math.round(text.getLayoutBounds().getHeight())
                    + " px tall in a cell of " + Math.round(labeled.getHeight()) + " px");
        }
    }

    private static String describe(Labeled labeled) {
        String id = labeled.getId() != null ? "#" + labeled.getId() : labeled.getStyleClass().isEmpty() ? ""
                : "." + String.join(".", labeled.getStyleClass());
        return labeled.getClass().getSimpleName() + id;
    }
}
