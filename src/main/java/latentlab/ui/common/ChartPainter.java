package latentlab.ui.common;

import java.util.List;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

/**
 * Paints one frame of an {@link XyChart} on its canvas: the plot's frame, grid and tick labels, axis titles, the
 * series (lines under points and labels), the key above the plot, and the readout of the point under the mouse.
 * Made for one drawing pass with the theme, the text scale and the plot's rectangle.
 */
final class ChartPainter {
    private final GraphicsContext g;
    private final Theme theme;
    private final boolean dark;
    private final double scale;
    private final Font font;
    private final double left;
    private final double top;
    private final double width;
    private final double height;

    /**
     * @param left   the plot's left edge in the canvas
     * @param top    its top edge
     * @param width  its width
     * @param height its height
     */
    ChartPainter(GraphicsContext g, Theme theme, double scale, double left, double top, double width,
                 double height) {
        this.g = g;
        this.theme = theme;
        this.dark = theme == Theme.DARK;
        this.scale = scale;
        this.font = Font.font("DejaVu Sans", 10.5 * scale);
        this.left = left;
        this.top = top;
        this.width = width;
        this.height = height;
        g.setFont(font);
    }

    private Color colour(XyChart.Series s) {
        return dark ? s.dark() : s.colour();
    }

    /** The plot's frame. */
    void frame() {
        g.setStroke(theme.frame());
        g.setLineWidth(1);
        g.strokeRect(left + 0.5, top + 0.5, width - 1, height - 1);
    }

    /** A message in the middle of the plot (there is no data). */
    void message(String text) {
        g.setFill(theme.axisText());
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(text, left + width / 2, top + height / 2);
    }

    /** Ticks on the left axis over {@code range}, with grid lines; returns the number of ticks aimed at. */
    int leftAxis(double[] range, ChartScale y) {
        int target = Math.max(2, (int) (height / (38 * scale)));
        double step = NiceTicks.step(range[0], range[1], target);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        for (double t : NiceTicks.ticks(range[0], range[1], target)) {
            double py = Math.round(y.at(t)) + 0.5;
            g.setStroke(Theme.color(theme.gridLine()));
            g.strokeLine(left + 1, py, left + width - 1, py);
            g.setFill(theme.axisText());
            g.fillText(NiceTicks.label(t, step), left - 5, py);
        }
        return target;
    }

    /** Ticks below the plot over {@code range} (whole numbers only if {@code integer}), and the axis title. */
    void bottomAxis(double[] range, ChartScale x, boolean integer, String title, double canvasHeight) {
        int target = Math.max(2, (int) (width / (70 * scale)));
        double step = NiceTicks.step(range[0], range[1], target);
        if (integer) {
            step = Math.max(1, Math.round(step));
        }
        g.setFill(theme.axisText());
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        for (double t : NiceTicks.ticks(range[0], range[1], target)) {
            if (integer && t != Math.rint(t)) {
                continue;
            }
            double px = x.at(t);
            g.setStroke(theme.tick());
            g.strokeLine(Math.round(px) + 0.5, top + height, Math.round(px) + 0.5, top + height + 4);
            g.fillText(NiceTicks.label(t, step), px, top + height + 5);
        }
        g.setTextBaseline(VPos.BOTTOM);
        g.fillText(title, left + width / 2, canvasHeight - 1);
    }

    /** The left axis's title, written upwards at {@code x}. */
    void leftTitle(String title, double x) {
        rotated(title, x, top + height / 2, theme.axisText());
    }

    /** Tick labels right of the plot in the colour of the series they measure, and the title at {@code titleX}. */
    void rightAxis(double[] range, ChartScale r, int target, XyChart.Series measured, String title, double titleX) {
        Color c = colour(measured);
        double step = NiceTicks.step(range[0], range[1], target);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        g.setFill(c);
        for (double t : NiceTicks.ticks(range[0], range[1], target)) {
            g.fillText(NiceTicks.label(t, step), left + width + 4, r.at(t));
        }
        rotated(title, titleX, top + height / 2, c);
    }

    private void rotated(String text, double x, double y, Color colour) {
        g.save();
        g.translate(x, y);
        g.rotate(-90);
        g.setFill(colour);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(text, 0, 0);
        g.restore();
    }

    /** The lines of every series (clipped to the plot); a non-finite value breaks a line. */
    void lines(List<XyChart.Series> series, ChartScale x, ChartScale y, ChartScale r) {
        g.save();
        g.beginPath();
        g.rect(left, top, width, height);
        g.clip();
        for (XyChart.Series s : series) {
            if (s.style() == XyChart.Style.POINTS) {
                continue;
            }
            ChartScale ya = s.rightAxis() && r != null ? r : y;
            g.setStroke(colour(s));
            g.setLineWidth(2);
            g.setLineDashes(s.style() == XyChart.Style.DASHED_LINE ? new double[] {6, 4} : null);
            g.beginPath();
            boolean started = false;
            for (int i = 0; i < s.size(); i++) {
                if (!Double.isFinite(s.y()[i])) {
                    started = false;
                    continue;
                }
                if (!started) {
                    g.moveTo(x.at(s.x()[i]), ya.at(s.y()[i]));
                    started = true;
                } else {
                    g.lineTo(x.at(s.x()[i]), ya.at(s.y()[i]));
                }
            }
            g.stroke();
            g.setLineDashes((double[]) null);
        }
        g.restore();
    }

    /** The points of the series drawn with points, and their labels, inside the plot. */
    void points(List<XyChart.Series> series, ChartScale x, ChartScale y, ChartScale r) {
        for (XyChart.Series s : series) {
            if (s.style() != XyChart.Style.POINTS && s.style() != XyChart.Style.LINE_AND_POINTS) {
                continue;
            }
            ChartScale ya = s.rightAxis() && r != null ? r : y;
            double d = s.style() == XyChart.Style.POINTS ? 10 : 6;
            for (int i = 0; i < s.size(); i++) {
                if (!Double.isFinite(s.y()[i])) {
                    continue;
                }
                double px = x.at(s.x()[i]);
                double py = ya.at(s.y()[i]);
                if (px < left - 1 || px > left + width + 1 || py < top - 1 || py > top + height + 1) {
                    continue;
                }
                g.setFill(colour(s));
                g.fillOval(px - d / 2, py - d / 2, d, d);
                if (s.style() == XyChart.Style.POINTS) {
                    g.setStroke(Theme.color(theme.plotBackground()));
                    g.setLineWidth(1.5);
                    g.strokeOval(px - d / 2, py - d / 2, d, d);
                }
                if (s.labels() != null && s.labels()[i] != null) {
                    boolean rightHalf = px > left + width * 0.7;
                    g.setFill(theme.strong());
                    g.setTextAlign(rightHalf ? TextAlignment.RIGHT : TextAlignment.LEFT);
                    g.setTextBaseline(VPos.BOTTOM);
                    g.fillText(s.labels()[i], px + (rightHalf ? -8 : 8), py - 4);
                }
            }
        }
    }

    /** The key above the plot: each named series' mark and name, left to right. */
    void key(List<XyChart.Series> series) {
        Text measure = new Text();
        measure.setFont(font);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        double keyY = top / 2;
        double kx = left + 2;
        for (XyChart.Series s : series) {
            if (s.name().isEmpty()) {
                continue;
            }
            Color c = colour(s);
            g.setFill(c);
            g.setStroke(c);
            if (s.style() == XyChart.Style.POINTS) {
                g.fillOval(kx + 2, keyY - 4, 8, 8);
            } else {
                g.setLineWidth(2);
                g.setLineDashes(s.style() == XyChart.Style.DASHED_LINE ? new double[] {4, 3} : null);
                g.strokeLine(kx, keyY, kx + 14, keyY);
                g.setLineDashes((double[]) null);
            }
            g.setFill(theme.strong());
            g.fillText(s.name(), kx + 18, keyY);
            measure.setText(s.name());
            kx += 18 + measure.getLayoutBounds().getWidth() + 16;
        }
    }

    /** The value of the point nearest the mouse (within a few pixels), written beside it. */
    void readout(List<XyChart.Series> series, ChartScale x, ChartScale y, ChartScale r, double mouseX,
                 double mouseY, boolean integerX) {
        if (mouseX < 0) {
            return;
        }
        double best = 12 * 12;
        String text = null;
        double bx = 0;
        double by = 0;
        for (XyChart.Series s : series) {
            ChartScale ya = s.rightAxis() && r != null ? r : y;
            for (int i = 0; i < s.size(); i++) {
                if (!Double.isFinite(s.y()[i])) {
                    continue;
                }
                double px = x.at(s.x()[i]);
                double py = ya.at(s.y()[i]);
                double d2 = (px - mouseX) * (px - mouseX) + (py - mouseY) * (py - mouseY);
                if (d2 < best) {
                    best = d2;
                    bx = px;
                    by = py;
                    String lab = s.labels() != null && s.labels()[i] != null ? s.labels()[i] + ": " : "";
                    text = s.name() + " · " + lab + NiceTicks.label(s.x()[i], integerX ? 1 : 0.01) + ", "
                            + String.format("%.2f", s.y()[i]);
                }
            }
        }
        if (text == null) {
            return;
        }
        Text measure = new Text(text);
        measure.setFont(g.getFont());
        double tw = measure.getLayoutBounds().getWidth() + 10;
        double th = measure.getLayoutBounds().getHeight() + 6;
        double tx = Math.min(bx + 10, left + width - tw - 2);
        double ty = Math.max(top + 2, by - th - 8);
        g.setFill(Theme.color(theme.plotBackground()).deriveColor(0, 1, 1, 0.92));
        g.fillRect(tx, ty, tw, th);
        g.setStroke(theme.frame());
        g.strokeRect(tx + 0.5, ty + 0.5, tw - 1, th - 1);
        g.setFill(theme.strong());
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(text, tx + 5, ty + th / 2);
        g.setStroke(theme.strong());
        g.strokeOval(bx - 7, by - 7, 14, 14);
    }
}
