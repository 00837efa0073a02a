package latentlab.embed;

import java.util.List;
import java.util.Locale;

/**
 * How alike two vectors are, as a score where <em>higher means more similar</em>, so that every search ranks the
 * same way whatever the measure. The notes measure similarity by the inner product a^T b; the other two are its
 * usual relatives:
 * <ul>
 *   <li>{@link InnerProduct}: s(a, b) = a . b</li>
 *   <li>{@link Cosine}: s(a, b) = a . b / (||a|| ||b||), the inner product of the directions</li>
 *   <li>{@link Euclidean}: s(a, b) = -||a - b||, the negative distance</li>
 * </ul>
 * One small class per measure; {@link #byName} is the registry the command line and the window use.
 *
 * <p>Besides the reference formula {@link #score(float[], int, float[], int, int)} (in double precision), each
 * measure scores blocks of candidates in float for {@link NeighbourIndex} and {@link PixelNeighbourIndex}; those
 * package-private methods are element-wise, so a candidate's score never depends on its block or thread.
 */
public abstract sealed class Similarity permits InnerProduct, Cosine, Euclidean {
    /** The inner product a^T b. */
    public static final Similarity INNER_PRODUCT = new InnerProduct();
    /** The cosine of the angle between a and b. */
    public static final Similarity COSINE = new Cosine();
    /** The Euclidean distance, scored as its negative. */
    public static final Similarity EUCLIDEAN = new Euclidean();

    private static final List<Similarity> ALL = List.of(INNER_PRODUCT, COSINE, EUCLIDEAN);

    Similarity() {
    }

    /** All measures, in the order a menu shows them. */
    public static List<Similarity> all() {
        return ALL;
    }

    /**
     * The measure called {@code name} ({@link #name()}, case-insensitive; "dot" and "inner-product" also mean the
     * inner product, "distance" and "l2" the Euclidean distance).
     *
     * @throws IllegalArgumentException naming the known measures
     */
    public static Similarity byName(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        switch (n) {
            case "inner", "inner-product", "dot" -> {
                return INNER_PRODUCT;
            }
            case "cosine", "cos" -> {
                return COSINE;
            }
            case "euclidean", "distance", "l2" -> {
                return EUCLIDEAN;
            }
            default -> throw new IllegalArgumentException("unknown similarity '" + name
                    + "': choose inner, cosine or euclidean");
        }
    }

    /** The registry key: "inner", "cosine" or "euclidean". */
    public abstract String name();

    /** What a menu shows, e.g. "inner product a·b". */
    public abstract String label();

    /** The quantity shown next to a neighbour, e.g. "a·b", "cos" or "distance". */
    public abstract String valueName();

    /**
     * The number shown next to a neighbour for a score: the score itself, except for {@link Euclidean}, which shows
     * the distance (the negated score).
     */
    public double displayValue(double score) {
        return score;
    }

    /** Reference score of {@code a[aOff..aOff+len)} against {@code b[bOff..bOff+len)}, in double precision. */
    public abstract double score(float[] a, int aOff, float[] b, int bOff, int len);

    /** Reference score of two vectors of the same length, in double precision. */
    public final double score(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("vectors of different lengths: " + a.length + " and " + b.length);
        }
        return score(a, 0, b, 0, a.length);
    }

    // ---------------------------------------------------------------- block scoring for the indexes

    /**
     * Scores candidates [j0, j1) of a set stored by dimension (coordinate p of candidate j at
     * {@code t[p * n + j]}) against {@code q[0..k)}, into {@code out[0..j1-j0)}. {@code invNorms[j]} is 1/||x_j||
     * (0 for a zero vector) and {@code queryInvNorm} 1/||q||; only {@link Cosine} reads them.
     */
    abstract void scoreByDimension(float[] t, int n, int k, float[] q, float queryInvNorm, float[] invNorms, int j0,
                                   int j1, float[] out);

    /**
     * The score from the inner product and the squared norms, for spaces where only the inner product is computed
     * blockwise (pixels): {@code dot = q.x}, {@code qq = ||q||^2}, {@code xx = ||x||^2}.
     */
    abstract float fromInnerProduct(float dot, float qq, float xx);

    /** Accumulates {@code out[j - j0] = sum_p q[p] t[p*n + j]}: shared by the inner product and the cosine. */
    static void innerProducts(float[] t, int n, int k, float[] q, int j0, int j1, float[] out) {
        int len = j1 - j0;
        java.util.Arrays.fill(out, 0, len, 0f);
        for (int p = 0; p < k; p++) {
            float qp = q[p];
            int base = p * n + j0;
            // Element-wise over candidates (no reduction), so the JIT vectorises it without reordering any sum.
            for (int j = 0; j < len; j++) {
                out[j] += qp * t[base + j];
            }
        }
    }

    @Override
    public String toString() {
        return name();
    }
}
