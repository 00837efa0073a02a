package latentlab.embed;

/**
 * Euclidean distance ||a - b|| = sqrt(sum_i (a_i - b_i)^2), turned into a score by negation: s(a, b) = -||a - b||,
 * so the nearest vector has the highest score (0 for an identical one). {@link #displayValue} gives the distance
 * back for display.
 *
 * <p>In code space the distance is summed from the differences themselves, not expanded as
 * ||a||^2 + ||b||^2 - 2 a.b: with 70,000 codes in two dimensions the nearest neighbours lie far closer to each
 * other than to the origin, and the expansion would cancel their distances away in float. In pixel space
 * ({@link PixelNeighbourIndex}) distances are large next to that rounding, and the expansion lets one matrix
 * product do the work.
 */
public final class Euclidean extends Similarity {
    Euclidean() {
    }

    @Override
    public String name() {
        return "euclidean";
    }

    @Override
    public String label() {
        return "euclidean distance";
    }

    @Override
    public String valueName() {
        return "distance";
    }

    @Override
    public double displayValue(double score) {
        return -score;
    }

    @Override
    public double score(float[] a, int aOff, float[] b, int bOff, int len) {
        double s = 0;
        for (int i = 0; i < len; i++) {
            double d = (double) a[aOff + i] - b[bOff + i];
            s += d * d;
        }
        return -Math.sqrt(s);
    }

    @Override
    void scoreByDimension(float[] t, int n, int k, float[] q, float queryInvNorm, float[] invNorms, int j0, int j1,
                          float[] out) {
        int len = j1 - j0;
        java.util.Arrays.fill(out, 0, len, 0f);
        for (int p = 0; p < k; p++) {
            float qp = q[p];
            int base = p * n + j0;
            for (int j = 0; j < len; j++) {
                float d = t[base + j] - qp;
                out[j] += d * d;
            }
        }
        for (int j = 0; j < len; j++) {
            out[j] = (float) -Math.sqrt(out[j]);
        }
    }

    @Override
    float fromInnerProduct(float dot, float qq, float xx) {
        // Rounding can push the expansion of a near-duplicate slightly below zero.
        float sq = qq + xx - 2 * dot;
        return sq > 0 ? (float) -Math.sqrt(sq) : 0f;
    }
}
