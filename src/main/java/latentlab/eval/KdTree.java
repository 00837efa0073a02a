package latentlab.eval;

import java.util.Arrays;

/**
 * Exact k-nearest-neighbour search in a k-d tree (Bentley 1975; the search of Friedman, Bentley and Finkel 1977):
 * the points are split recursively at the median of the coordinate with the widest spread until at most
 * {@value #LEAF} remain; a query descends to the leaf of its cell first, then visits the other side of a split only
 * if the squared distance to the splitting plane is at most the k-th best squared distance so far. For the
 * 2- to 8-dimensional codes of a data set this visits a few hundred points per query instead of all of them; in
 * more dimensions nearly every cell has to be visited, so {@link KnnClassifier} scans instead.
 *
 * <p>Distances are exact squared Euclidean distances summed in double from the float coordinates, and neighbours
 * are ordered by (distance, index): the k nearest are the same set, in the same order, as a full sort would give,
 * whatever the tree's shape. Immutable after construction; any number of threads may query it at once, each with
 * its own {@link Neighbours}.
 */
public final class KdTree {
    /** Points in a leaf: few enough to scan, enough that the tree stays shallow. */
    static final int LEAF = 16;

    private final int dims;
    /** The points in tree order, point after point. */
    private final float[] points;
    /** The original index of each point in tree order. */
    private final int[] index;
    /** For each node: the split dimension (or -1 for a leaf), the split value, the children or the leaf's range. */
    private int[] splitDim;
    private float[] splitValue;
    private int[] left;
    private int[] right;
    private int[] from;
    private int[] to;
    private int nodes;

    /**
     * A tree of the {@code points.length / dims} points in {@code points} (row-major); the array is not kept.
     */
    public KdTree(float[] points, int dims) {
        if (dims < 1 || points.length % dims != 0) {
            throw new IllegalArgumentException(points.length + " values are not points of size " + dims);
        }
        this.dims = dims;
        int n = points.length / dims;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        int capacity = Math.max(1, 2 * (n / LEAF + 1) + 1);
        splitDim = new int[capacity];
        splitValue = new float[capacity];
        left = new int[capacity];
        right = new int[capacity];
        from = new int[capacity];
        to = new int[capacity];
        build(points, order, 0, n);
        this.index = order;
        this.points = new float[points.length];
        for (int i = 0; i < n; i++) {
            System.arraycopy(points, order[i] * dims, this.points, i * dims, dims);
        }
    }

    private int build(float[] p, int[] order, int lo, int hi) {
        int node = nodes++;
        if (node == splitDim.length) {
            grow();
        }
        from[node] = lo;
        to[node] = hi;
        splitDim[node] = -1;
        if (hi - lo <= LEAF) {
            return node;
        }
        int dim = widest(p, order, lo, hi);
        if (dim < 0) {
            return node; // all points equal: a leaf, however many
        }
        int mid = (lo + hi) >>> 1;
        select(p, order, lo, hi - 1, mid, dim);
        splitDim[node] = dim;
        splitValue[node] = p[order[mid] * dims + dim];
        int l = build(p, order, lo, mid);
        int r = build(p, order, mid, hi);
        left[node] = l;
        right[node] = r;
        return node;
    }

    private void grow() {
        int c = splitDim.length * 2;
        splitDim = Arrays.copyOf(splitDim, c);
        splitValue = Arrays.copyOf(splitValue, c);
        left = Arrays.copyOf(left, c);
        right = Arrays.copyOf(right, c);
        from = Arrays.copyOf(from, c);
        to = Arrays.copyOf(to, c);
    }

    /** The coordinate with the widest range among the points, or -1 when every range is zero. */
    private int widest(float[] p, int[] order, int lo, int hi) {
        int best = -1;
        float bestRange = 0;
        for (int d = 0; d < dims; d++) {
            float min = Float.POSITIVE_INFINITY;
            float max = Float.NEGATIVE_INFINITY;
            for (int i = lo; i < hi; i++) {
                float v = p[order[i] * dims + d];
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            if (max - min > bestRange) {
                bestRange = max - min;
                best = d;
            }
        }
        return best;
    }

    /** Hoare's selection: orders {@code order[lo..hi]} so that position k holds the k-th smallest by {@code dim}. */
    private void select(float[] p, int[] order, int lo, int hi, int k, int dim) {
        while (hi > lo) {
            float pivot = p[order[(lo + hi) >>> 1] * dims + dim];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (p[order[i] * dims + dim] < pivot) {
                    i++;
                }
                while (p[order[j] * dims + dim] > pivot) {
                    j--;
                }
                if (i <= j) {
                    int t = order[i];
                    order[i] = order[j];
                    order[j] = t;
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return;
            }
        }
    }

    /**
     * The k nearest points to {@code query[offset .. offset + dims)}, nearest first, into {@code out} (whose k is
     * its capacity).
     */
    public void nearest(float[] query, int offset, Neighbours out) {
        out.clear();
        search(0, query, offset, out);
    }

    private void search(int node, float[] q, int offset, Neighbours out) {
        int dim = splitDim[node];
        if (dim < 0) {
            for (int i = from[node]; i < to[node]; i++) {
                double s = 0;
                for (int d = 0; d < dims; d++) {
                    double diff = (double) q[offset + d] - points[i * dims + d];
                    s += diff * diff;
                }
                out.offer(s, index[i]);
            }
            return;
        }
        double gap = (double) q[offset + dim] - splitValue[node];
        int near = gap < 0 ? left[node] : right[node];
        int far = gap < 0 ? right[node] : left[node];
        search(near, q, offset, out);
        // Points equal to the split value sit on both sides, so the plane's own distance decides, with ties visited.
        if (gap * gap <= out.worst()) {
            search(far, q, offset, out);
        }
    }

    /** The k best (distance, index) pairs of one query, nearest first; ties go to the lower index. */
    public static final class Neighbours {
        private final double[] dist;
        private final int[] idx;
        private int count;

        public Neighbours(int k) {
            if (k < 1) {
                throw new IllegalArgumentException("k must be at least 1, got " + k);
            }
            dist = new double[k];
            idx = new int[k];
        }

        void clear() {
            count = 0;
        }

        /** The k-th best distance so far, or infinity while fewer than k are known. */
        double worst() {
            return count < dist.length ? Double.POSITIVE_INFINITY : dist[count - 1];
        }

        void offer(double d, int i) {
            int k = dist.length;
            if (count == k && (d > dist[k - 1] || (d == dist[k - 1] && i > idx[k - 1]))) {
                return;
            }
            int pos = count < k ? count++ : k - 1;
            while (pos > 0 && (dist[pos - 1] > d || (dist[pos - 1] == d && idx[pos - 1] > i))) {
                dist[pos] = dist[pos - 1];
                idx[pos] = idx[pos - 1];
                pos--;
            }
            dist[pos] = d;
            idx[pos] = i;
        }

        /** How many were found (k, unless the tree has fewer points). */
        public int count() {
            return count;
        }

        /** The j-th nearest point's index. */
        public int index(int j) {
            return idx[j];
        }

        /** The j-th nearest point's squared distance. */
        public double distance(int j) {
            return dist[j];
        }
    }
}
