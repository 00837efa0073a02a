package latentlab.nn.optim;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/** {@link SgdRule} on the Vector API: L parameters per step, the tail in scalar code with the same operations. */
final class VectorSgdRule implements SgdRule {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    @Override
    public void update(float[] p, float[][] grads, float[] u, int from, int to, float lr, float momentum,
                       float decay) {
        int i = from;
        for (int bound = from + S.loopBound(to - from); i < bound; i += L) {
            FloatVector g = FloatVector.fromArray(S, p, i).mul(decay);
            for (float[] gr : grads) {
                g = g.add(FloatVector.fromArray(S, gr, i));
            }
            FloatVector ui = FloatVector.fromArray(S, u, i).mul(momentum).add(g);
            ui.intoArray(u, i);
            FloatVector.fromArray(S, p, i).sub(ui.mul(lr)).intoArray(p, i);
        }
        for (; i < to; i++) {
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
