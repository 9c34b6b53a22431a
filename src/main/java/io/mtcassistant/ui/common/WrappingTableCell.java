package io.mtcassistant.ui.common;

import javafx.geometry.Insets;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.TableCell;
import javafx.scene.text.Text;

/**
 * A table cell whose text wraps at its column's width and makes its row taller, instead of being cut with "…" in a
 * narrow window. (A wrapping Labeled cannot do that: the row asks for its height without a width.) The text takes its
 * colour from CSS class {@code wrapping-cell-text}, which follows the cell's state classes.
 */
public class WrappingTableCell<S> extends TableCell<S, String> {

    private final Text text = new Text();

    public WrappingTableCell() {
        text.getStyleClass().add("wrapping-cell-text");
        setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        text.layoutBoundsProperty().addListener((obs, old, bounds) -> fitHeight());
        paddingProperty().addListener((obs, old, padding) -> fitHeight());
        tableColumnProperty().addListener((obs, old, column) -> {
            text.wrappingWidthProperty().unbind();
            if (column != null) {
                // The cell's padding, so the text stays off the column's border.
                text.wrappingWidthProperty().bind(column.widthProperty().subtract(16));
            }
        });
    }

    @Override
    protected void updateItem(String item, boolean empty) {
        super.updateItem(item, empty);
        text.setText(empty || item == null ? "" : item);
        setGraphic(empty || item == null ? null : text);
        fitHeight();
    }

    /** The row is as tall as its tallest cell's preference, which must count the wrapped lines. */
    private void fitHeight() {
        if (getGraphic() == null) {
            setPrefHeight(USE_COMPUTED_SIZE);
            return;
        }
        Insets padding = getPadding();
        setPrefHeight(Math.ceil(text.getLayoutBounds().getHeight() + padding.getTop() + padding.getBottom()));
    }
}
