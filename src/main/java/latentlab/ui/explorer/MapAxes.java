package latentlab.ui.explorer;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import latentlab.ui.common.NiceTicks;
import latentlab.ui.common.PixelCanvas;
import latentlab.ui.common.Theme;

/**
 * The map's axes: light grid lines at the ticks under the points (in the pixel layer), and the frame, tick marks,
 * tick labels and axis titles ("a1", "a2", or "PC1", "PC2") on the text layer above. Ticks sit at "nice" values
 * ({@link NiceTicks}), about one per 90 pixels across and one per 70 pixels up. With a one-dimensional code the
 * vertical axis only spreads the points (a strip plot) and has neither ticks nor title.
 */
final class MapAxes {
    private MapAxes() {
    }

    /** Grid lines at the ticks, {@code s} pixels wide at scale s, clipped to the plot [x0, x1) x [y0, y1). */
    static void gridLines(PixelCanvas c, Viewport v, int k, double s, int x0, int y0, int x1, int y1, Theme theme) {
        int line = PixelCanvas.premultiply(theme.gridLine(), 1.0);
        int width = Math.max(1, (int) s);
        for (double t : v.xTicks()) {
            int x = (int) Math.round(v.screenX(t) * s);
            for (int i = 0; i < width; i++) {
                c.vline(x + i, y0, y1, line);
            }
        }
        if (k != 1) {
            for (double t : v.yTicks()) {
                int y = (int) Math.round(v.screenY(t) * s);
                for (int i = 0; i < width; i++) {
                    c.hline(x0, x1, y + i, line);
                }
            }
        }
    }

    /**
     * Frame, ticks, tick labels and titles of the dimensions {@code dx} and {@code dy} (0-based).
     *
     * @param h  the height of the whole map (the x title sits at its bottom)
     * @param fs the text scale
     */
    static void draw(GraphicsContext g, Viewport v, int k, int dx, int dy, String axisPrefix, double h, Theme theme,
                     double fs) {
        double left = v.plotLeft();
        double top = v.plotTop();
        double pw = v.plotWidth();
        double ph = v.plotHeight();
        g.setStroke(theme.frame());
        g.setLineWidth(1);
        g.strokeRect(left + 0.5, top + 0.5, pw - 1, ph - 1);
        g.setFont(Font.font("DejaVu Sans", 11 * fs));
        g.setFill(theme.axisText());
        double xs = NiceTicks.step(v.x0(), v.x1(), v.xTickTarget());
        for (double t : v.xTicks()) {
            double x = Math.round(v.screenX(t)) + 0.5;
            g.setStroke(theme.tick());
            g.strokeLine(x, top + ph, x, top + ph + 5);
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.TOP);
            g.fillText(NiceTicks.label(t, xs), x, top + ph + 7);
        }
        if (k != 1) {
            double ys = NiceTicks.step(v.y0(), v.y1(), v.yTickTarget());
            for (double t : v.yTicks()) {
                double y = Math.round(v.screenY(t)) + 0.5;
                g.setStroke(theme.tick());
                g.strokeLine(left - 5, y, left, y);
                g.setTextAlign(TextAlignment.RIGHT);
                g.setTextBaseline(VPos.CENTER);
                g.fillText(NiceTicks.label(t, ys), left - 8, y);
            }
        }
        g.setFill(theme.strong());
        g.setFont(Font.font("DejaVu Sans", FontWeight.BOLD, 13 * fs));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.BOTTOM);
        g.fillText(axisPrefix + (dx + 1), left + pw / 2, h - 4);
        if (k != 1) {
            g.save();
            g.translate(14, top + ph / 2);
            g.rotate(-90);
            g.setTextBaseline(VPos.CENTER);
            g.fillText(axisPrefix + (dy + 1), 0, 0);
            g.restore();
        }
    }
}
