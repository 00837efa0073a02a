package latentlab.nn.optim;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/** {@link AdamRule} on the Vector API: L parameters per step, the tail in scalar code with the same operations. */
final class VectorAdamRule implements AdamRule {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    @Override
    public void update(float[] p, float[][] grads, float[] m, float[] v, int from, int to, float beta1, float beta2,
                       float stepSize, float epsHat, float decay) {
        float c1 = 1f - beta1;
        float c2 = 1f - beta2;
        int i = from;
        for (int bound = from + S.loopBound(to - from); i < bound; i += L) {
            FloatVector g = FloatVector.fromArray(S, p, i).mul(decay);
            for (float[] gr : grads) {
                g = g.add(FloatVector.fromArray(S, gr, i));
            }
            FloatVector mi = FloatVector.fromArray(S, m, i).mul(beta1).add(g.mul(c1));
            FloatVector vi = FloatVector.fromArray(S, v, i).mul(beta2).add(g.mul(g).mul(c2));
            mi.intoArray(m, i);
            vi.intoArray(v, i);
            FloatVector step = mi.mul(stepSize).div(vi.sqrt().add(epsHat));
            FloatVector.fromArray(S, p, i).sub(step).intoArray(p, i);
        }
        for (; i < to; i++) {
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
