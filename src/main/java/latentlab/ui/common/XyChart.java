package latentlab.ui.common;

import java.util.ArrayList;
import java.util.List;

import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

/**
 * A small chart drawn on a canvas from primitive arrays: lines and labelled points against a left axis, optionally
 * one series against a right axis, a key above the plot, and a readout of the point under the mouse. Used for the
 * error against the number of components and for principal angles against training steps.
 */
public final class XyChart extends Region {
    /** How a series is drawn. */
    public enum Style { LINE, DASHED_LINE, POINTS, LINE_AND_POINTS }

    /**
     * One series.
     *
     * @param name      shown in the key and the hover readout
     * @param colour    its colour in the light theme
     * @param dark      its colour in the dark theme
     * @param x         x values
     * @param y         y values (same length; non-finite values are skipped)
     * @param style     how it is drawn
     * @param rightAxis whether it is measured on the right axis
     * @param labels    text written beside each point, or null
     */
    public record Series(String name, Color colour, Color dark, double[] x, double[] y, Style style, boolean rightAxis,
                         String[] labels) {
        public Series {
            if (x.length != y.length || (labels != null && labels.length != x.length)) {
                throw new IllegalArgumentException("series " + name + ": " + x.length + " x values, " + y.length
                        + " y values" + (labels == null ? "" : ", " + labels.length + " labels"));
            }
        }

        /** The number of points. */
        public int size() {
            return x.length;
        }
    }

    private static final double LEFT = 54;
    private static final double BOTTOM = 34;
    private static final double TOP = 26;
    private static final double RIGHT_PLAIN = 14;
    private static final double RIGHT_AXIS = 48;

    private final Canvas canvas = new Canvas();
    private final Appearance appearance;
    private final List<Series> series = new ArrayList<>();
    private String xTitle = "";
    private String yTitle = "";
    private String rightTitle = "";
    private String emptyMessage = "";
    private double xMin = Double.NaN;
    private double xMax = Double.NaN;
    private double yMin = Double.NaN;
    private double yMax = Double.NaN;
    private double rightMin = Double.NaN;
    private double rightMax = Double.NaN;
    private boolean yFromZero = true;
    private boolean integerX;
    private double mouseX = -1;
    private double mouseY = -1;

    public XyChart(Appearance appearance) {
        this.appearance = appearance;
        appearance.themeProperty().addListener(o -> draw());
        appearance.scaleProperty().addListener(o -> draw());
        getStyleClass().add("xy-chart");
        getChildren().add(canvas);
        setMinSize(200, 140);
        setPrefSize(520, 260);
        setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
        setOnMouseMoved(e -> {
            mouseX = e.getX();
            mouseY = e.getY();
            draw();
        });
        setOnMouseExited(e -> {
            mouseX = -1;
            draw();
        });
    }

    /** Axis titles; {@code right} empty when there is no right axis. */
    public void setAxisTitles(String x, String y, String right) {
        xTitle = x;
        yTitle = y;
        rightTitle = right;
        draw();
    }

    /** The x range shown (NaN: from the data). */
    public void setXRange(double min, double max) {
        xMin = min;
        xMax = max;
        draw();
    }

    /** The left axis range (NaN: from the data); values outside it are clipped. */
    public void setYRange(double min, double max) {
        yMin = min;
        yMax = max;
        draw();
    }

    /** The right axis range (NaN: from the data). */
    public void setRightRange(double min, double max) {
        rightMin = min;
        rightMax = max;
        draw();
    }

    /** Whether the left axis starts at zero (default) or at the smallest value. */
    public void setYFromZero(boolean fromZero) {
        yFromZero = fromZero;
        draw();
    }

    /** Whether x ticks are whole numbers only (e.g. a number of components). */
    public void setIntegerX(boolean integer) {
        integerX = integer;
        draw();
    }

    /** What the plot says while it has no data. */
    public void setEmptyMessage(String message) {
        emptyMessage = message;
        draw();
    }

    /** Replaces all series. */
    public void setSeries(List<Series> s) {
        series.clear();
        series.addAll(s);
        draw();
    }

    /** The series shown (tests read them). */
    public List<Series> series() {
        return List.copyOf(series);
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        draw();
    }

    private boolean hasRight() {
        return !rightTitle.isEmpty() && series.stream().anyMatch(Series::rightAxis);
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.clearRect(0, 0, w, h);
        Theme theme = appearance.getTheme();
        boolean dark = theme == Theme.DARK;
        double scale = appearance.scaleProperty().get();
        Font font = Font.font("DejaVu Sans", 10.5 * scale);
        g.setFont(font);
        double right = hasRight() ? RIGHT_AXIS * scale : RIGHT_PLAIN;
        double left = LEFT * scale;
        double top = TOP * scale;
        double bottom = BOTTOM * scale;
        double pw = w - left - right;
        double ph = h - top - bottom;
        if (pw < 30 || ph < 30) {
            return;
        }
        g.setStroke(theme.frame());
        g.setLineWidth(1);
        g.strokeRect(left + 0.5, top + 0.5, pw - 1, ph - 1);
        boolean empty = series.stream().allMatch(s -> s.size() == 0);
        if (empty) {
            g.setFill(theme.axisText());
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.fillText(emptyMessage, left + pw / 2, top + ph / 2);
            return;
        }
        double[] xr = range(false, true);
        double[] yr = range(false, false);
        double[] rr = hasRight() ? range(true, false) : null;
        if (!Double.isNaN(xMin)) {
            xr = new double[] {xMin, xMax};
        }
        if (rr != null && !Double.isNaN(rightMin)) {
            rr = new double[] {rightMin, rightMax};
        }
        double pad = (yr[1] - yr[0]) * 0.08;
        yr = !Double.isNaN(yMin) ? new double[] {yMin, yMax}
                : new double[] {yFromZero ? Math.min(0, yr[0]) : yr[0] - pad, yr[1] + pad};
        Axis x = new Axis(xr[0], xr[1], left, left + pw);
        Axis y = new Axis(yr[1], yr[0], top, top + ph);
        Axis r = rr == null ? null : new Axis(rr[1], rr[0], top, top + ph);

        // Grid and tick labels.
        int yTarget = Math.max(2, (int) (ph / (38 * scale)));
        double yStep = NiceTicks.step(yr[0], yr[1], yTarget);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        for (double t : NiceTicks.ticks(yr[0], yr[1], yTarget)) {
            double py = Math.round(y.at(t)) + 0.5;
            g.setStroke(Theme.color(theme.gridLine()));
            g.strokeLine(left + 1, py, left + pw - 1, py);
            g.setFill(theme.axisText());
            g.fillText(NiceTicks.label(t, yStep), left - 5, py);
        }
        int xTarget = Math.max(2, (int) (pw / (70 * scale)));
        double xStep = NiceTicks.step(xr[0], xr[1], xTarget);
        if (integerX) {
            xStep = Math.max(1, Math.round(xStep));
        }
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        for (double t : NiceTicks.ticks(xr[0], xr[1], xTarget)) {
            if (integerX && t != Math.rint(t)) {
                continue;
            }
            double px = x.at(t);
            g.setStroke(theme.tick());
            g.strokeLine(Math.round(px) + 0.5, top + ph, Math.round(px) + 0.5, top + ph + 4);
            g.fillText(NiceTicks.label(t, xStep), px, top + ph + 5);
        }
        g.setTextBaseline(VPos.BOTTOM);
        g.fillText(xTitle, left + pw / 2, h - 1);
        drawRotated(g, yTitle, 11 * scale, top + ph / 2, theme.axisText());
        if (r != null) {
            Series rs = series.stream().filter(Series::rightAxis).findFirst().orElseThrow();
            Color rc = dark ? rs.dark() : rs.colour();
            double rStep = NiceTicks.step(rr[0], rr[1], yTarget);
            g.setTextAlign(TextAlignment.LEFT);
            g.setTextBaseline(VPos.CENTER);
            g.setFill(rc);
            for (double t : NiceTicks.ticks(rr[0], rr[1], yTarget)) {
                g.fillText(NiceTicks.label(t, rStep), left + pw + 4, r.at(t));
            }
            drawRotated(g, rightTitle, w - 8 * scale, top + ph / 2, rc);
        }

        // Series: lines first, then points and labels on top.
        g.save();
        g.beginPath();
        g.rect(left, top, pw, ph);
        g.clip();
        for (Series s : series) {
            Axis ya = s.rightAxis() && r != null ? r : y;
            Color c = dark ? s.dark() : s.colour();
            if (s.style() != Style.POINTS) {
                g.setStroke(c);
                g.setLineWidth(2);
                g.setLineDashes(s.style() == Style.DASHED_LINE ? new double[] {6, 4} : null);
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
        }
        g.restore();
        for (Series s : series) {
            Axis ya = s.rightAxis() && r != null ? r : y;
            Color c = dark ? s.dark() : s.colour();
            if (s.style() == Style.POINTS || s.style() == Style.LINE_AND_POINTS) {
                double d = s.style() == Style.POINTS ? 10 : 6;
                for (int i = 0; i < s.size(); i++) {
                    if (!Double.isFinite(s.y()[i])) {
                        continue;
                    }
                    double px = x.at(s.x()[i]);
                    double py = ya.at(s.y()[i]);
                    if (px < left - 1 || px > left + pw + 1 || py < top - 1 || py > top + ph + 1) {
                        continue;
                    }
                    g.setFill(c);
                    g.fillOval(px - d / 2, py - d / 2, d, d);
                    if (s.style() == Style.POINTS) {
                        g.setStroke(Theme.color(theme.plotBackground()));
                        g.setLineWidth(1.5);
                        g.strokeOval(px - d / 2, py - d / 2, d, d);
                    }
                    if (s.labels() != null && s.labels()[i] != null) {
                        g.setFill(theme.strong());
                        g.setTextAlign(px > left + pw * 0.7 ? TextAlignment.RIGHT : TextAlignment.LEFT);
                        g.setTextBaseline(VPos.BOTTOM);
                        g.fillText(s.labels()[i], px + (px > left + pw * 0.7 ? -8 : 8), py - 4);
                    }
                }
            }
        }
        drawKey(g, theme, dark, left, top, font);
        drawReadout(g, theme, x, y, r, left, top, pw, ph);
    }

    private void drawKey(GraphicsContext g, Theme theme, boolean dark, double left, double top, Font font) {
        Text measure = new Text();
        measure.setFont(font);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        double keyY = top / 2;
        double kx = left + 2;
        for (Series s : series) {
            if (s.name().isEmpty()) {
                continue;
            }
            Color c = dark ? s.dark() : s.colour();
            g.setFill(c);
            g.setStroke(c);
            if (s.style() == Style.POINTS) {
                g.fillOval(kx + 2, keyY - 4, 8, 8);
            } else {
                g.setLineWidth(2);
                g.setLineDashes(s.style() == Style.DASHED_LINE ? new double[] {4, 3} : null);
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
    private void drawReadout(GraphicsContext g, Theme theme, Axis x, Axis y, Axis r, double left, double top,
                             double pw, double ph) {
        if (mouseX < 0) {
            return;
        }
        double best = 12 * 12;
        String text = null;
        double bx = 0;
        double by = 0;
        for (Series s : series) {
            Axis ya = s.rightAxis() && r != null ? r : y;
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
        double tx = Math.min(bx + 10, left + pw - tw - 2);
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

    private static void drawRotated(GraphicsContext g, String text, double x, double y, Color colour) {
        g.save();
        g.translate(x, y);
        g.rotate(-90);
        g.setFill(colour);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(text, 0, 0);
        g.restore();
    }

    /** The finite range of x values, or of left or right y values. */
    private double[] range(boolean rightAxis, boolean xs) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            if (!xs && s.rightAxis() != rightAxis) {
                continue;
            }
            double[] v = xs ? s.x() : s.y();
            for (int i = 0; i < v.length; i++) {
                if (Double.isFinite(v[i]) && Double.isFinite(s.y()[i])) {
                    lo = Math.min(lo, v[i]);
                    hi = Math.max(hi, v[i]);
                }
            }
        }
        if (!(lo <= hi)) {
            return new double[] {0, 1};
        }
        if (hi - lo < 1e-12) {
            double p = Math.max(1, Math.abs(hi)) * 0.5;
            return new double[] {lo - p, hi + p};
        }
        return new double[] {lo, hi};
    }

    /** A linear map from data values {@code a..b} to pixels {@code pa..pb}. */
    private record Axis(double a, double b, double pa, double pb) {
        double at(double v) {
            return pa + (v - a) / (b - a) * (pb - pa);
        }
    }
}
