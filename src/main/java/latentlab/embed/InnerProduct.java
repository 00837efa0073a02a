package latentlab.embed;

/**
 * The inner product s(a, b) = a^T b = sum_i a_i b_i, the notes' measure of similarity. Unlike the cosine it
 * rewards long vectors: a code far from the origin in the query's direction scores higher than a close one.
 */
public final class InnerProduct extends Similarity {
    InnerProduct() {
    }

    @Override
    public String name() {
        return "inner";
    }

    @Override
    public String label() {
        return "inner product a·b";
    }

    @Override
    public String valueName() {
        return "a·b";
    }

    @Override
    public double score(float[] a, int aOff, float[] b, int bOff, int len) {
        double s = 0;
        for (int i = 0; i < len; i++) {
            s += (double) a[aOff + i] * b[bOff + i];
        }
        return s;
    }

    @Override
    void scoreByDimension(float[] t, int n, int k, float[] q, float queryInvNorm, float[] invNorms, int j0, int j1,
                          float[] out) {
        innerProducts(t, n, k, q, j0, j1, out);
    }

    @Override
    float fromInnerProduct(float dot, float qq, float xx) {
        return dot;
    }
}
