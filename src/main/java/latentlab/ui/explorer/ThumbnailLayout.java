package latentlab.ui.explorer;

import java.util.function.IntConsumer;

/**
 * Which images the map draws as thumbnails (level of detail): in a fixed priority order, each image inside the
 * plot whose thumbnail would not overlap one already chosen, up to a limit. Zooming in spreads the points apart,
 * so more of them find room. Occupancy is kept in a grid of cells as large as a thumbnail (plus a 2-pixel gap):
 * a candidate only needs the occupants of its own and the eight neighbouring cells checked, so the whole choice
 * is linear in the number of points.
 *
 * <p>Plain Java, no JavaFX.
 */
final class ThumbnailLayout {
    /** At most this many thumbnails per picture: beyond it they no longer add information, only time. */
    static final int LIMIT = 4000;

    private ThumbnailLayout() {
    }

    /**
     * Chooses the thumbnails; returns how many were written to {@code out} (at most its length).
     *
     * @param sx       screen x of each point (the thumbnail's centre)
     * @param priority the order in which points are tried
     * @param isolated the isolated class (others get no thumbnail), or -1
     * @param left     the plot rectangle [left, right) x [top, bottom): centres outside it get no thumbnail
     * @param cell     the side of a thumbnail plus the gap, in pixels: chosen centres are at least this far
     *                 apart along x or along y
     * @param width    width of the picture in pixels (sizes the occupancy grid)
     * @param out      receives the chosen indices in the order they were chosen
     */
    static int choose(float[] sx, float[] sy, int[] labels, int[] priority, int n, int isolated, double left,
                      double top, double right, double bottom, int cell, int width, int height, int[] out) {
        return choose(sx, sy, labels, priority, n, isolated, left, top, right, bottom, cell, width, height, out,
                i -> { });
    }

    /**
     * As above, handing each index to {@code chosen} as soon as it is chosen: the renderer draws the thumbnail
     * then, in the same pass, while its coordinates are at hand (a second pass would fetch them again from arrays
     * of up to 70,000 points).
     */
    static int choose(float[] sx, float[] sy, int[] labels, int[] priority, int n, int isolated, double left,
                      double top, double right, double bottom, int cell, int width, int height, int[] out,
                      IntConsumer chosen) {
        int gw = width / cell + 3;
        int gh = height / cell + 3;
        int[] occupant = new int[gw * gh];
        int limit = out.length;
        int count = 0;
        for (int q = 0; q < n && count < limit; q++) {
            int i = priority[q];
            if (isolated >= 0 && labels[i] != isolated) {
                continue;
            }
            float x = sx[i];
            float y = sy[i];
            if (x < left || x >= right || y < top || y >= bottom) {
                continue;
            }
            int gx = (int) (x / cell) + 1;
            int gy = (int) (y / cell) + 1;
            boolean free = true;
            for (int yy = gy - 1; yy <= gy + 1 && free; yy++) {
                for (int xx = gx - 1; xx <= gx + 1 && free; xx++) {
                    int o = occupant[yy * gw + xx] - 1;
                    if (o >= 0 && Math.abs(sx[o] - x) < cell && Math.abs(sy[o] - y) < cell) {
                        free = false;
                    }
                }
            }
            if (!free || occupant[gy * gw + gx] != 0) {
                continue;
            }
            occupant[gy * gw + gx] = i + 1;
            out[count++] = i;
            chosen.accept(i);
        }
        return count;
    }
}
