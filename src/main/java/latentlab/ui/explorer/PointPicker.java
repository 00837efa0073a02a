package latentlab.ui.explorer;

/**
 * The point under the cursor: of the points within a radius of it on screen, the nearest one (the last in index
 * order among equally near ones). While a class is isolated only its points can be picked, since the others are
 * drawn grey underneath. A linear scan over the screen coordinates: a few microseconds for 10,000 points, run
 * once per mouse event.
 *
 * <p>Plain Java, no JavaFX.
 */
final class PointPicker {
    /** How far from a point's centre it can be picked, in pixels. */
    static final double RADIUS = 7;

    private PointPicker() {
    }

    /**
     * The index of the point nearest to (x, y) within {@code radius}, or -1.
     *
     * @param isolated the isolated class, or -1 for all points
     */
    static int nearest(float[] sx, float[] sy, int[] labels, int n, int isolated, double x, double y,
                       double radius) {
        int best = -1;
        double bestD = radius * radius;
        for (int i = 0; i < n; i++) {
            if (isolated >= 0 && labels[i] != isolated) {
                continue;
            }
            double dx = sx[i] - x;
            double dy = sy[i] - y;
            double d = dx * dx + dy * dy;
            if (d <= bestD) {
                bestD = d;
                best = i;
            }
        }
        return best;
    }
}
