package latentlab.ui.explorer;

import java.util.Arrays;

import latentlab.ui.common.NiceTicks;

/**
 * The visible region of the latent plane and the plot rectangle it is drawn in: the affine map between code units
 * and the map's pixels, zoom about a point, panning, and fitting to the codes.
 *
 * <p>The plot rectangle is the view's size less fixed margins for the axes (left and bottom), a right margin
 * that grows when the legend sits beside the plot and a top margin that grows when it sits above it. With view bounds [x0, x1] x [y0, y1] and plot rectangle
 * (left, top, width w, height h), a code (cx, cy) is drawn at
 * <pre>
 *   x = left + (cx - x0) / (x1 - x0) * w,    y = top + (y1 - cy) / (y1 - y0) * h
 * </pre>
 * (larger codes further up). Fitting takes the 0.2nd to 99.8th percentile of the codes along each axis, padded
 * by 8% of that range, so a few far outliers do not shrink everything else into a corner; the view then eases
 * towards the fitted region exponentially (time constant 0.15 s) while it follows the codes.
 *
 * <p>Plain Java, no JavaFX; used on the FX thread.
 */
final class Viewport {
    /** Room for the vertical axis' tick labels and title. */
    static final double LEFT = 58;
    /** Room for the horizontal axis' tick labels and title. */
    static final double BOTTOM = 42;
    /** The top margin when nothing sits above the plot. */
    static final double TOP = 12;
    /** The right margin when nothing sits beside the plot. */
    static final double RIGHT = 14;
    /** Time constant of the easing towards the fitted region, in seconds. */
    private static final double EASE_SECONDS = 0.15;

    private double width = 1;
    private double height = 1;
    private double right = RIGHT;
    private double top = TOP;
    private double x0 = -1;
    private double x1 = 1;
    private double y0 = -1;
    private double y1 = 1;
    private double fitX0 = -1;
    private double fitX1 = 1;
    private double fitY0 = -1;
    private double fitY1 = 1;

    /** The size of the whole map (plot and margins), in layout pixels. */
    void setSize(double w, double h) {
        width = w;
        height = h;
    }

    /** The right margin: {@link #RIGHT}, or wider when the legend is laid out beside the plot. */
    void setRightMargin(double r) {
        right = r;
    }

    double rightMargin() {
        return right;
    }

    /** The top margin: {@link #TOP}, or taller when the legend is laid out above the plot. */
    void setTopMargin(double t) {
        top = t;
    }

    double topMargin() {
        return top;
    }

    double width() {
        return width;
    }

    double height() {
        return height;
    }

    double plotLeft() {
        return LEFT;
    }

    double plotTop() {
        return top;
    }

    /** Width of the plot rectangle, at least 10 pixels. */
    double plotWidth() {
        return Math.max(10, width - LEFT - right);
    }

    /** Height of the plot rectangle, at least 10 pixels. */
    double plotHeight() {
        return Math.max(10, height - top - BOTTOM);
    }

    double plotRight() {
        return LEFT + plotWidth();
    }

    double plotBottom() {
        return top + plotHeight();
    }

    /** Whether (x, y) lies in the plot rectangle. */
    boolean inPlot(double x, double y) {
        return x >= LEFT && x <= plotRight() && y >= top && y <= plotBottom();
    }

    double screenX(double cx) {
        return LEFT + (cx - x0) / (x1 - x0) * plotWidth();
    }

    double screenY(double cy) {
        return top + (y1 - cy) / (y1 - y0) * plotHeight();
    }

    double codeX(double x) {
        return x0 + (x - LEFT) / plotWidth() * (x1 - x0);
    }

    double codeY(double y) {
        return y1 - (y - top) / plotHeight() * (y1 - y0);
    }

    /** Pixels per code unit along x (the slope of {@link #screenX}). */
    double pixelsPerUnitX() {
        return plotWidth() / (x1 - x0);
    }

    /** Pixels per code unit along y (positive; screen y grows downwards). */
    double pixelsPerUnitY() {
        return plotHeight() / (y1 - y0);
    }

    double x0() {
        return x0;
    }

    double x1() {
        return x1;
    }

    double y0() {
        return y0;
    }

    double y1() {
        return y1;
    }

    /** The visible region {x0, x1, y0, y1}. */
    double[] bounds() {
        return new double[] {x0, x1, y0, y1};
    }

    /** Shows region {x0, x1, y0, y1}; returns false (and changes nothing) unless it is a non-empty rectangle. */
    boolean setBounds(double[] b) {
        if (b == null || b.length != 4 || !(b[1] > b[0]) || !(b[3] > b[2])) {
            return false;
        }
        x0 = b[0];
        x1 = b[1];
        y0 = b[2];
        y1 = b[3];
        return true;
    }

    /** Zooms by {@code factor} (&lt; 1 zooms in) keeping the code under screen point (atX, atY) in place. */
    void zoom(double factor, double atX, double atY) {
        double cx = codeX(atX);
        double cy = codeY(atY);
        x0 = cx + (x0 - cx) * factor;
        x1 = cx + (x1 - cx) * factor;
        y0 = cy + (y0 - cy) * factor;
        y1 = cy + (y1 - cy) * factor;
    }

    /** Moves the region with the pointer: the code under the pointer moves by (dx, dy) pixels. */
    void pan(double dx, double dy) {
        double ddx = dx / plotWidth() * (x1 - x0);
        double ddy = dy / plotHeight() * (y1 - y0);
        x0 -= ddx;
        x1 -= ddx;
        y0 += ddy;
        y1 += ddy;
    }

    /** Sets the fitted region from the first {@code n} points (x, y); nothing without points. */
    void fitTo(float[] xs, float[] ys, int n) {
        if (n == 0) {
            return;
        }
        double[] bx = robustRange(xs, n);
        double[] by = robustRange(ys, n);
        fitX0 = bx[0];
        fitX1 = bx[1];
        fitY0 = by[0];
        fitY1 = by[1];
    }

    /** Jumps to the fitted region. */
    void showFit() {
        x0 = fitX0;
        x1 = fitX1;
        y0 = fitY0;
        y1 = fitY1;
    }

    /** The fitted region {x0, x1, y0, y1}. */
    double[] fit() {
        return new double[] {fitX0, fitX1, fitY0, fitY1};
    }

    /**
     * Moves the region a step of {@code dt} seconds towards the fitted one; returns whether it was still visibly
     * apart (more than 0.1% of its size), i.e. whether it moved.
     */
    boolean easeTowardsFit(double dt) {
        double a = 1 - Math.exp(-dt / EASE_SECONDS);
        double apart = Math.abs(fitX0 - x0) + Math.abs(fitX1 - x1) + Math.abs(fitY0 - y0) + Math.abs(fitY1 - y1);
        if (apart <= 1e-3 * (Math.abs(x1 - x0) + Math.abs(y1 - y0))) {
            return false;
        }
        x0 += (fitX0 - x0) * a;
        x1 += (fitX1 - x1) * a;
        y0 += (fitY0 - y0) * a;
        y1 += (fitY1 - y1) * a;
        return true;
    }

    /** About one tick per 90 pixels along x. */
    int xTickTarget() {
        return Math.max(2, (int) (plotWidth() / 90));
    }

    /** About one tick per 70 pixels along y. */
    int yTickTarget() {
        return Math.max(2, (int) (plotHeight() / 70));
    }

    double[] xTicks() {
        return NiceTicks.ticks(x0, x1, xTickTarget());
    }

    double[] yTicks() {
        return NiceTicks.ticks(y0, y1, yTickTarget());
    }

    /**
     * The 0.2nd to 99.8th percentile of the first {@code n} values, padded by 8% of that range (at least 0.001),
     * from at most 4096 evenly spaced values: {lo, hi}.
     */
    static double[] robustRange(float[] v, int n) {
        int stride = Math.max(1, n / 4096);
        int m = (n + stride - 1) / stride;
        float[] s = new float[m];
        for (int i = 0; i < m; i++) {
            s[i] = v[Math.min(n - 1, i * stride)];
        }
        Arrays.sort(s);
        double lo = s[(int) (0.002 * (m - 1))];
        double hi = s[(int) Math.ceil(0.998 * (m - 1))];
        double pad = Math.max(1e-3, (hi - lo) * 0.08);
        return new double[] {lo - pad, hi + pad};
    }
}
