package latentlab.embed;

/**
 * Cosine similarity s(a, b) = a^T b / (||a|| ||b||), in [-1, 1]: the inner product of the two directions, blind to
 * length. A zero vector has no direction; its cosine with anything is defined as 0 (neither alike nor opposite).
 */
public final class Cosine extends Similarity {
    Cosine() {
    }

    @Override
    public String name() {
        return "cosine";
    }

    @Override
    public String label() {
        return "cosine";
    }

    @Override
    public String valueName() {
        return "cos";
    }

    @Override
    public double score(float[] a, int aOff, float[] b, int bOff, int len) {
        double ab = 0;
        double aa = 0;
        double bb = 0;
        for (int i = 0; i < len; i++) {
            double x = a[aOff + i];
            double y = b[bOff + i];
            ab += x * y;
            aa += x * x;
            bb += y * y;
        }
        return aa == 0 || bb == 0 ? 0 : ab / (Math.sqrt(aa) * Math.sqrt(bb));
    }

    @Override
    void scoreByDimension(float[] t, int n, int k, float[] q, float queryInvNorm, float[] invNorms, int j0, int j1,
                          float[] out) {
        innerProducts(t, n, k, q, j0, j1, out);
        for (int j = 0; j < j1 - j0; j++) {
            out[j] = out[j] * invNorms[j0 + j] * queryInvNorm;
        }
    }

    @Override
    float fromInnerProduct(float dot, float qq, float xx) {
        if (qq == 0 || xx == 0) {
            return 0f;
        }
        return (float) (dot / (Math.sqrt(qq) * Math.sqrt(xx)));
    }

    /** 1/||x||, or 0 for a zero vector (whose cosine with anything is then 0). */
    static float inverseNorm(double squaredNorm) {
        return squaredNorm > 0 ? (float) (1 / Math.sqrt(squaredNorm)) : 0f;
    }
}
