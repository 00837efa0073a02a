package latentlab.ui.explorer;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import latentlab.data.ClassNames;
import latentlab.data.Dataset;
import latentlab.ui.common.Appearance;
import latentlab.ui.common.ColourScale;
import latentlab.ui.common.Theme;

/**
 * The legend drawn as text and circles into an exported picture, where the legend node is not part of the image:
 * one chip per class with its name (up to 20 classes; dimmed while another class is isolated) or, when colouring
 * by a number, the colour bar with its range. It sits where the legend node sits: in the column beside the plot, in the band
 * above it, or over its top right corner.
 */
final class LegendPainter {
    private final MapViewModel map;
    private final Appearance appearance;
    private final String axisPrefix;

    LegendPainter(MapViewModel map, Appearance appearance, String axisPrefix) {
        this.map = map;
        this.appearance = appearance;
        this.axisPrefix = axisPrefix;
    }

    /** Draws the legend for the map's viewport on {@code side} of the plot. */
    void draw(GraphicsContext g, Viewport v, LegendLayout.Side side) {
        ColourScale scale = map.colourScale();
        if (scale != null) {
            colourBar(g, v, side, scale);
            return;
        }
        Dataset d = map.space().getDisplay();
        if (d == null || d.classCount() > 20) {
            return;
        }
        Theme theme = appearance.getTheme();
        double fs = appearance.scaleProperty().get();
        int classes = d.classCount();
        ClassNames names = d.classNames();
        Font font = Font.font("DejaVu Sans", FontWeight.BOLD, 12 * fs);
        Text measure = new Text();
        measure.setFont(font);
        double[] widths = new double[classes];
        double widest = 0;
        for (int c = 0; c < classes; c++) {
            measure.setText(names.name(c));
            widths[c] = 16 * fs + measure.getLayoutBounds().getWidth() + 10 * fs; // dot, gap, name, space after
            widest = Math.max(widest, widths[c]);
        }
        // Chips flow into rows: above the plot as wide as the plot (to fit the band), elsewhere about five a row.
        double rowWidth = side == LegendLayout.Side.ABOVE ? Math.max(widest, v.plotWidth() - 16)
                : Math.max(widest, 5 * 34 * fs);
        double[] xs = new double[classes];
        int[] rows = new int[classes];
        double x = 0;
        double boxContent = 0;
        int row = 0;
        for (int c = 0; c < classes; c++) {
            if (x > 0 && x + widths[c] > rowWidth) {
                row++;
                x = 0;
            }
            xs[c] = x;
            rows[c] = row;
            x += widths[c];
            boxContent = Math.max(boxContent, x);
        }
        double boxW = boxContent + 16;
        double boxH = (row + 1) * 20 * fs + 14;
        double x0 = left(v, side, boxW);
        double y0 = top(v, side, boxH);
        box(g, theme, x0, y0, boxW, boxH);
        g.setFont(font);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        int iso = map.space().selection().isolatedClassProperty().get();
        for (int c = 0; c < classes; c++) {
            double cx = x0 + 8 + xs[c];
            double cy = y0 + 7 + rows[c] * 20 * fs + 10 * fs;
            double alpha = iso >= 0 && c != iso ? 0.35 : 1;
            g.setFill(Theme.color(theme.classColour(c)).deriveColor(0, 1, 1, alpha));
            g.fillOval(cx, cy - 6 * fs, 12 * fs, 12 * fs);
            g.setFill(theme.strong().deriveColor(0, 1, 1, alpha));
            g.fillText(names.name(c), cx + 16 * fs, cy);
        }
    }

    /** Left edge of a legend box {@code boxW} wide. */
    private static double left(Viewport v, LegendLayout.Side side, double boxW) {
        return side == LegendLayout.Side.BESIDE ? v.plotRight() + LegendLayout.GAP
                : Math.floor(v.width()) - v.rightMargin() - boxW - LegendLayout.GAP;
    }

    /**
     * Top edge of a legend box {@code boxH} tall: above the plot it fills the band the legend node makes room for
     * (the picture's box may be taller than the folded node: it then overlaps the plot's top edge a little).
     */
    private static double top(Viewport v, LegendLayout.Side side, double boxH) {
        if (side == LegendLayout.Side.ABOVE) {
            return Math.max(2, v.plotTop() - LegendLayout.GAP - boxH);
        }
        return v.plotTop() + LegendLayout.GAP;
    }

    private static void box(GraphicsContext g, Theme theme, double x0, double y0, double w, double h) {
        g.setFill(Theme.color(theme.plotBackground()).deriveColor(0, 1, 1, 0.92));
        g.fillRoundRect(x0, y0, w, h, 10, 10);
        g.setStroke(theme.frame());
        g.setLineWidth(1);
        g.strokeRoundRect(x0 + 0.5, y0 + 0.5, w - 1, h - 1, 10, 10);
    }

    /** The continuous colour map's bar with its range. */
    private void colourBar(GraphicsContext g, Viewport v, LegendLayout.Side side, ColourScale scale) {
        Theme theme = appearance.getTheme();
        double fs = appearance.scaleProperty().get();
        double boxW = 190 * fs;
        double boxH = 54 * fs;
        double x0 = left(v, side, boxW);
        double y0 = top(v, side, boxH);
        box(g, theme, x0, y0, boxW, boxH);
        g.setFont(Font.font("DejaVu Sans", 11 * fs));
        g.setFill(theme.axisText());
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.fillText("Colour: " + map.colourByProperty().get().describe(axisPrefix), x0 + 8, y0 + 5);
        double bx = x0 + 8;
        double bw = boxW - 16;
        double by = y0 + 22 * fs;
        for (int i = 0; i < (int) bw; i++) {
            g.setFill(Theme.color(ColourScale.viridis(i / Math.max(1, bw - 1))));
            g.fillRect(bx + i, by, 1, 10 * fs);
        }
        g.setFill(theme.strong());
        g.fillText(ScatterLegend.format(scale.min()), bx, by + 12 * fs);
        g.setTextAlign(TextAlignment.RIGHT);
        g.fillText(ScatterLegend.format(scale.max()), bx + bw, by + 12 * fs);
    }
}
