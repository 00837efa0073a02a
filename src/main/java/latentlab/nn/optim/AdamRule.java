package latentlab.nn.optim;

/**
 * Adam's element-wise update (Kingma and Ba 2015, Algorithm 1) on parameters [from, to), with the gradient
 * g = decay p + grads[0] + grads[1] + ... summed in that order:
 * <pre>m = b1 m + (1 - b1) g;  v = b2 v + (1 - b2) g^2;  p -= stepSize * m / (sqrt(v) + epsHat)</pre>
 * where {@link Adam} folds the bias correction into {@code stepSize = lr sqrt(1 - b2^t) / (1 - b1^t)} and
 * {@code epsHat = eps sqrt(1 - b2^t)}, the paper's "more efficient" ordering. Two implementations with the same
 * operations in the same order ((g g)(1 - b2), not (1 - b2) g g), so the same bits, and an update does not depend
 * on how the parameters are cut into ranges: {@code VectorAdamRule} and {@link Scalar}, chosen once by
 * {@link latentlab.math.KernelSelector}.
 */
public interface AdamRule {
    /** The implementation for this JVM. */
    static AdamRule get() {
        return UpdateRules.ADAM;
    }

    /** The plain-Java implementation (for tests and comparisons). */
    static AdamRule scalar() {
        return UpdateRules.SCALAR_ADAM;
    }

    void update(float[] p, float[][] grads, float[] m, float[] v, int from, int to, float beta1, float beta2,
                float stepSize, float epsHat, float decay);

    /** Plain Java: the reference, and the fallback without the Vector API. */
    final class Scalar implements AdamRule {
        @Override
        public void update(float[] p, float[][] grads, float[] m, float[] v, int from, int to, float beta1,
                           float beta2, float stepSize, float epsHat, float decay) {
            float c1 = 1f - beta1;
            float c2 = 1f - beta2;
            for (int i = from; i < to; i++) {
                float g = decay * p[i];
                for (float[] gr : grads) {
                    g += gr[i];
                }
                float mi = beta1 * m[i] + c1 * g;
                float vi = beta2 * v[i] + g * g * c2;
                m[i] = mi;
                v[i] = vi;
                p[i] -= stepSize * mi / ((float) Math.sqrt(vi) + epsHat);
            }
        }
    }
}
