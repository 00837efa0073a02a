package latentlab.ui.dimensions;

import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import latentlab.data.Dataset;
import latentlab.eval.DimensionAnalysis;
import latentlab.eval.LatentTraversal;
import latentlab.morpho.Morphometric;
import latentlab.ui.common.DigitImages;
import latentlab.ui.common.Theme;

/**
 * Draws the traversal grid — every latent dimension's sweep in one picture, one row per dimension, as in the β-VAE
 * literature (Higgins et al., "β-VAE: Learning Basic Visual Concepts with a Constrained Variational Framework",
 * ICLR 2017, fig. 1) — with each row's measured property curve beside it ({@link TraversalCurves}). The same
 * drawing serves the window and the exported PNG. FX thread only.
 */
public final class TraversalGridPainter {
    private static final String FAMILY = "DejaVu Sans";
    private final Text probe = new Text();

    /**
     * Paints {@code m} into {@code g} with layout {@code l}.
     *
     * @param prefix "a" or "PC": the rows' names
     * @param chosen the property every curve shows, or null for the one each row's dimension tracks most
     */
    public void paint(GraphicsContext g, TraversalGridLayout l, MeasuredDimensions m, String prefix,
                      Morphometric chosen, Theme theme) {
        g.setFill(Theme.color(theme.plotBackground()));
        g.fillRect(0, 0, g.getCanvas().getWidth(), g.getCanvas().getHeight());
        if (m == null) {
            return;
        }
        DimensionAnalysis a = m.analysis();
        LatentTraversal t = a.traversal();
        Dataset images = m.images();
        int rows = Math.min(l.rows(), a.dimensions());
        header(g, l, theme);
        WritableImage sheet = sheet(t, rows, images.rows(), images.cols(), DigitImages.of(theme));
        g.setImageSmoothing(false);
        for (int j = 0; j < rows; j++) {
            double top = l.rowTop(j);
            g.setFill(theme.strong());
            g.setFont(Font.font(FAMILY, FontWeight.BOLD, l.font()));
            g.setTextAlign(TextAlignment.LEFT);
            g.setTextBaseline(VPos.CENTER);
            g.fillText(prefix + (j + 1), 2, top + l.cell() / 2);
            for (int s = 0; s < t.steps(); s++) {
                g.drawImage(sheet, s * images.cols(), j * images.rows(), images.cols(), images.rows(),
                        l.imageLeft(s), top, l.cell(), l.cell());
            }
            if (l.curve() > 0) {
                curve(g, l, m, j, TraversalCurves.propertyFor(m, j, chosen), theme);
            }
        }
    }

    /**
     * The grid drawn afresh with image cells of {@code cell} pixels for a picture file: ARGB pixels, and its width
     * and height in {@code size}.
     */
    public int[] picture(MeasuredDimensions m, String prefix, Morphometric chosen, Theme theme, double cell,
                         int[] size) {
        TraversalGridLayout l = TraversalGridLayout.ofCell(cell, m.dimensions(), m.analysis().traversal().steps(), 1,
                true);
        Canvas canvas = new Canvas(Math.ceil(l.width() + 8), Math.ceil(l.height() + 4));
        paint(canvas.getGraphicsContext2D(), l, m, prefix, chosen, theme);
        WritableImage img = canvas.snapshot(null, null);
        int w = (int) img.getWidth();
        int h = (int) img.getHeight();
        int[] argb = new int[w * h];
        img.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        size[0] = w;
        size[1] = h;
        return argb;
    }

    /**
     * Every decoded image of the traversal at its own size in one image, a row per dimension: the canvas draws
     * its images when the frame is rendered, so each cell needs pixels of its own until then.
     */
    private static WritableImage sheet(LatentTraversal t, int rows, int h, int w, DigitImages digits) {
        int steps = t.steps();
        int width = steps * w;
        int[] argb = new int[width * rows * h];
        float[] images = t.images();
        for (int j = 0; j < rows; j++) {
            for (int s = 0; s < steps; s++) {
                int from = (j * steps + s) * h * w;
                for (int r = 0; r < h; r++) {
                    for (int c = 0; c < w; c++) {
                        float f = images[from + r * w + c];
                        int v = f <= 0 ? 0 : f >= 1 ? 255 : (int) (f * 255f + 0.5f);
                        argb[(j * h + r) * width + s * w + c] = digits.colour(v);
                    }
                }
            }
        }
        WritableImage sheet = new WritableImage(width, Math.max(1, rows * h));
        sheet.getPixelWriter().setPixels(0, 0, width, rows * h, PixelFormat.getIntArgbInstance(), argb, 0, width);
        return sheet;
    }

    private void header(GraphicsContext g, TraversalGridLayout l, Theme theme) {
        g.setFill(theme.axisText());
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        double y = l.header() / 2;
        double half = (l.imageLeft(l.steps()) - l.label()) / 2;
        g.setFont(fitted("99th percentile →", l.font() * 0.92, half - l.gap(), FontWeight.NORMAL));
        g.fillText("← 1st percentile", l.label(), y);
        g.setTextAlign(TextAlignment.RIGHT);
        g.fillText("99th percentile →", l.imageLeft(l.steps()) - l.gap(), y);
        if (l.curve() > 0) {
            String what = "measured";
            g.setTextAlign(TextAlignment.LEFT);
            g.setFont(fitted(what, l.font() * 0.92, l.curve(), FontWeight.NORMAL));
            g.fillText(what, l.curveLeft(), y);
        }
    }

    /** The row's property along the sweep: its name and end values above, the line below. */
    private void curve(GraphicsContext g, TraversalGridLayout l, MeasuredDimensions m, int j, Morphometric p,
                       Theme theme) {
        double x0 = l.curveLeft();
        double w = l.curve();
        double top = l.rowTop(j);
        double h = l.cell();
        double[] v = TraversalCurves.values(m.analysis(), j, p);
        double[] range = TraversalCurves.range(m, p);
        String caption = p.id() + " " + TraversalCurves.change(p, v[0], v[v.length - 1]);
        double size = Math.min(l.font() * 0.9, Math.max(7, h * 0.42));
        Font font = fitted(caption, size, w, FontWeight.NORMAL);
        double textH = font.getSize() * 1.25;
        double lineTop = h - textH >= 8 ? top + textH : top;
        double lineH = top + h - lineTop - 2;
        g.setFill(Theme.color(theme.gridLine()).deriveColor(0, 1, 1, 0.5));
        g.fillRect(x0, lineTop, w, lineH + 1);
        g.setFill(theme.axisText());
        g.setFont(font);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.fillText(caption, x0, top);
        Color line = Theme.color(theme.classColour(0));
        g.setStroke(line);
        g.setFill(line);
        g.setLineWidth(Math.max(1.5, l.font() / 7));
        double dx = w / (v.length - 1);
        double prevX = Double.NaN;
        double prevY = Double.NaN;
        double dot = Math.max(3, l.font() / 3.5);
        for (int s = 0; s < v.length; s++) {
            if (Double.isNaN(v[s])) {
                prevX = Double.NaN;
                continue;
            }
            double x = x0 + s * dx;
            double y = lineTop + lineH * (1 - (v[s] - range[0]) / (range[1] - range[0]));
            if (!Double.isNaN(prevX)) {
                g.strokeLine(prevX, prevY, x, y);
            }
            g.fillOval(x - dot / 2, y - dot / 2, dot, dot);
            prevX = x;
            prevY = y;
        }
    }

    /** A font of at most {@code size} pixels in which {@code text} fits {@code width}. */
    private Font fitted(String text, double size, double width, FontWeight weight) {
        Font f = Font.font(FAMILY, weight, size);
        probe.setFont(f);
        probe.setText(text);
        double w = probe.getLayoutBounds().getWidth();
        if (w <= width || w <= 0) {
            return f;
        }
        return Font.font(FAMILY, weight, Math.max(6, Math.floor(size * width / w * 10) / 10));
    }
}
