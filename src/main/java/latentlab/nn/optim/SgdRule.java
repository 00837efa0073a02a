package latentlab.nn.optim;

/**
 * SGD's element-wise update with momentum on parameters [from, to) (the form of Sutskever et al. 2013 that PyTorch
 * uses; mu = 0 is plain SGD):
 * <pre>g = decay p + grads[0] + grads[1] + ...;   u = mu u + g;   p -= lr u</pre>
 * Two implementations with the same operations in the same order: {@code VectorSgdRule} and {@link Scalar}, chosen
 * once by {@link latentlab.math.KernelSelector}.
 */
public interface SgdRule {
    /** The implementation for this JVM. */
    static SgdRule get() {
        return UpdateRules.SGD;
    }

    /** The plain-Java implementation (for tests and comparisons). */
    static SgdRule scalar() {
        return UpdateRules.SCALAR_SGD;
    }

    void update(float[] p, float[][] grads, float[] u, int from, int to, float lr, float momentum, float decay);

    /** Plain Java: the reference, and the fallback without the Vector API. */
    final class Scalar implements SgdRule {
        @Override
        public void update(float[] p, float[][] grads, float[] u, int from, int to, float lr, float momentum,
                           float decay) {
            for (int i = from; i < to; i++) {
                float g = decay * p[i];
                for (float[] gr : grads) {
                    g += gr[i];
                }
                float ui = momentum * u[i] + g;
                u[i] = ui;
                p[i] -= lr * ui;
            }
        }
    }
}
