package latentlab.ui.dimensions;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.scene.canvas.Canvas;
import javafx.scene.layout.Region;
import latentlab.morpho.Morphometric;
import latentlab.ui.common.Appearance;

/**
 * The traversal grid on screen: a canvas that fills the region and is repainted, with cells as large as fit, when
 * the analysis, the chosen property, the theme, the text size or the region's size change.
 */
public final class TraversalGridView extends Region {
    private final Canvas canvas = new Canvas();
    private final TraversalGridPainter painter = new TraversalGridPainter();
    private final ObjectProperty<MeasuredDimensions> dimensions = new SimpleObjectProperty<>(this, "dimensions");
    private final ObjectProperty<Morphometric> curve = new SimpleObjectProperty<>(this, "curve");
    private final Appearance look;
    private final boolean curves;
    private String prefix = "a";
    private TraversalGridLayout layout;

    /** @param curves whether each row's property curve is drawn beside it */
    public TraversalGridView(Appearance look, boolean curves) {
        this.look = look;
        this.curves = curves;
        getStyleClass().add("traversal-grid");
        getChildren().add(canvas);
        for (ObservableValue<?> o : new ObservableValue<?>[] {dimensions, curve, look.themeProperty(),
            look.scaleProperty(), widthProperty(), heightProperty()}) {
            o.addListener((x, was, now) -> repaint());
        }
        dimensions.addListener((o, was, now) -> requestLayout());
        setMinWidth(0);
    }

    /** The analysis shown (null: an empty grid). */
    public ObjectProperty<MeasuredDimensions> dimensionsProperty() {
        return dimensions;
    }

    /** The property every curve shows; null: the one each row's dimension tracks most. */
    public ObjectProperty<Morphometric> curveProperty() {
        return curve;
    }

    /** How rows are named: "a" (a1, a2, …) or "PC". */
    public void setPrefix(String prefix) {
        this.prefix = prefix;
        repaint();
    }

    /** The layout of the last paint (tests check it). */
    public TraversalGridLayout layoutShown() {
        return layout;
    }

    @Override
    protected void layoutChildren() {
        canvas.relocate(snappedLeftInset(), snappedTopInset());
    }

    @Override
    protected double computePrefWidth(double height) {
        return 400 * look.scaleProperty().get();
    }

    /** Never shorter than the rows at their smallest cells (a scroll pane around the view scrolls then). */
    @Override
    protected double computeMinHeight(double width) {
        MeasuredDimensions m = dimensions.get();
        int rows = m == null ? 0 : m.dimensions();
        return TraversalGridLayout.ofCell(TraversalGridLayout.MIN_CELL, rows, 9, look.scaleProperty().get(), curves)
                .height();
    }

    @Override
    protected double computePrefHeight(double width) {
        MeasuredDimensions m = dimensions.get();
        int rows = m == null ? 2 : m.dimensions();
        return TraversalGridLayout.ofCell(48, rows, 9, look.scaleProperty().get(), curves).height();
    }

    private void repaint() {
        double w = Math.floor(getWidth() - snappedLeftInset() - snappedRightInset());
        double h = Math.floor(getHeight() - snappedTopInset() - snappedBottomInset());
        if (w <= 0 || h <= 0) {
            return;
        }
        MeasuredDimensions m = dimensions.get();
        int rows = m == null ? 0 : m.dimensions();
        int steps = m == null ? 9 : m.analysis().traversal().steps();
        layout = TraversalGridLayout.fit(w, h, rows, steps, look.scaleProperty().get(), curves);
        canvas.setWidth(w);
        canvas.setHeight(h);
        painter.paint(canvas.getGraphicsContext2D(), layout, m, prefix, curve.get(), look.getTheme());
    }
}
