package latentlab.ui.explorer;

import latentlab.math.Rng;

/**
 * Where the map's points are, in primitive arrays and apart from any drawing (chart-fx's split of data and
 * renderer): their targets in code units (the newest codes), their current positions while they glide there
 * ({@link Tween}), and their screen coordinates, computed for all points in one loop per redraw. The renderer,
 * the picker and the overlay read these arrays; nothing allocates per point or per frame.
 *
 * <p>A fixed pseudo-random order of the points (seeded, the same on every run) decides which thumbnails win
 * where they would overlap, so the picture does not flicker from one redraw to the next.
 *
 * <p>Plain Java, no JavaFX; used on the FX thread.
 */
final class PointCache {
    private static final long PRIORITY_SEED = 12345;

    private final Tween tween = new Tween();
    private int n;
    private int k;
    private int[] labels = new int[0];
    private float[] toX = new float[0];
    private float[] toY = new float[0];
    private float[] curX = new float[0];
    private float[] curY = new float[0];
    private float[] sx = new float[0];
    private float[] sy = new float[0];
    private int[] priority = new int[0];

    /**
     * Takes new targets at time {@code now}: the points glide there from where they are if {@code p.glide()} and
     * the number of points and k are unchanged, else they jump.
     *
     * @return whether the number of points or k changed (the view then fits itself to the new points)
     */
    boolean retarget(MapPoints p, long now) {
        boolean reshape = p.n() != n || p.k() != k;
        if (reshape) {
            n = p.n();
            curX = new float[n];
            curY = new float[n];
            sx = new float[n];
            sy = new float[n];
            priority = stableShuffle(n);
        }
        k = p.k();
        labels = p.labels();
        toX = p.x();
        toY = p.y();
        if (reshape || !p.glide()) {
            tween.start(toX, toY, n, now);
            System.arraycopy(toX, 0, curX, 0, n);
            System.arraycopy(toY, 0, curY, 0, n);
        } else {
            tween.start(curX, curY, n, now);
        }
        return reshape;
    }

    /** Moves the current positions to where the glide is at {@code now}. */
    void advance(long now) {
        tween.apply(now, toX, toY, curX, curY, n);
    }

    /** Whether the points are still gliding at {@code now}. */
    boolean gliding(long now) {
        return tween.running(now);
    }

    /** Screen coordinates of all points for the viewport, in one loop: sx = cx a + b, sy = cy c + d. */
    void project(Viewport v) {
        float ax = (float) v.pixelsPerUnitX();
        float bx = (float) (v.plotLeft() - v.x0() * ax);
        float ay = (float) -v.pixelsPerUnitY();
        float by = (float) (v.plotTop() - v.y1() * ay);
        for (int i = 0; i < n; i++) {
            sx[i] = curX[i] * ax + bx;
            sy[i] = curY[i] * ay + by;
        }
    }

    /** The screen coordinates times {@code scale} (for an export at another resolution): {xs, ys}, new arrays. */
    float[][] scaledScreen(double scale) {
        float[] xs = new float[n];
        float[] ys = new float[n];
        for (int i = 0; i < n; i++) {
            xs[i] = (float) (sx[i] * scale);
            ys[i] = (float) (sy[i] * scale);
        }
        return new float[][] {xs, ys};
    }

    int size() {
        return n;
    }

    /** Size of the codes the points come from (0 without codes). */
    int latentSize() {
        return k;
    }

    int[] labels() {
        return labels;
    }

    /** Target x of each point (code units). */
    float[] targetX() {
        return toX;
    }

    float[] targetY() {
        return toY;
    }

    /** Current x of each point (code units; differs from the target while gliding). */
    float[] currentX() {
        return curX;
    }

    float[] currentY() {
        return curY;
    }

    /** Screen x of each point after the last {@link #project}. */
    float[] screenX() {
        return sx;
    }

    float[] screenY() {
        return sy;
    }

    /** The points in thumbnail priority order (a fixed shuffle). */
    int[] priority() {
        return priority;
    }

    /** 0 .. n-1 in a seeded pseudo-random order. */
    static int[] stableShuffle(int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        new Rng(PRIORITY_SEED).shuffle(p);
        return p;
    }
}
