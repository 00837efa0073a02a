package latentlab.ui.explorer;

/**
 * The points of a latent map as its view-model derives them from the codes: for each of the {@code n} display
 * images its label and its coordinates (x, y) in the two shown dimensions, and for each class the median of its
 * points (where the cluster label goes). The arrays are never written after construction.
 *
 * @param n       number of points
 * @param k       size of the codes they come from (0 without codes)
 * @param dimX    dimension on the horizontal axis (0-based)
 * @param dimY    dimension on the vertical axis; with k = 1 the vertical coordinate is a fixed jitter in [-1, 1]
 * @param labels  class of each point
 * @param x       horizontal coordinate of each point, in code units
 * @param y       vertical coordinate of each point
 * @param medians per class {x, y}, or null for a class without points
 * @param glide   whether the points should glide from their old places (a new snapshot of the same images) or
 *                jump (new images, another display set)
 */
record MapPoints(int n, int k, int dimX, int dimY, int[] labels, float[] x, float[] y, float[][] medians,
                 boolean glide) {
    /** No codes yet. */
    static final MapPoints NONE = new MapPoints(0, 0, 0, 0, new int[0], new float[0], new float[0], new float[0][],
            false);
}
