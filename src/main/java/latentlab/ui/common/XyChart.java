package latentlab.ui.common;

import java.util.ArrayList;
import java.util.List;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

/**
 * A small chart drawn on a canvas from primitive arrays: lines and labelled points against a left axis, optionally
 * one series against a right axis, a key above the plot, and a readout of the point under the mouse. Used for the
 * error against the number of components and for principal angles against training steps. {@link ChartPainter}
 * paints it.
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
        double scale = appearance.scaleProperty().get();
        double left = LEFT * scale;
        double top = TOP * scale;
        double pw = w - left - (hasRight() ? RIGHT_AXIS * scale : RIGHT_PLAIN);
        double ph = h - top - BOTTOM * scale;
        if (pw < 30 || ph < 30) {
            return;
        }
        ChartPainter p = new ChartPainter(g, appearance.getTheme(), scale, left, top, pw, ph);
        p.frame();
        if (series.stream().allMatch(s -> s.size() == 0)) {
            p.message(emptyMessage);
            return;
        }
        double[] xr = Double.isNaN(xMin) ? range(false, true) : new double[] {xMin, xMax};
        double[] yr = range(false, false);
        double pad = (yr[1] - yr[0]) * 0.08;
        yr = !Double.isNaN(yMin) ? new double[] {yMin, yMax}
                : new double[] {yFromZero ? Math.min(0, yr[0]) : yr[0] - pad, yr[1] + pad};
        double[] rr = !hasRight() ? null : Double.isNaN(rightMin) ? range(true, false)
                : new double[] {rightMin, rightMax};
        ChartScale x = new ChartScale(xr[0], xr[1], left, left + pw);
        ChartScale y = new ChartScale(yr[1], yr[0], top, top + ph);
        ChartScale r = rr == null ? null : new ChartScale(rr[1], rr[0], top, top + ph);

        int ticks = p.leftAxis(yr, y);
        p.bottomAxis(xr, x, integerX, xTitle, h);
        p.leftTitle(yTitle, 11 * scale);
        if (r != null) {
            Series measured = series.stream().filter(Series::rightAxis).findFirst().orElseThrow();
            p.rightAxis(rr, r, ticks, measured, rightTitle, w - 8 * scale);
        }
        p.lines(series, x, y, r);
        p.points(series, x, y, r);
        p.key(series);
        p.readout(series, x, y, r, mouseX, mouseY, integerX);
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
}
