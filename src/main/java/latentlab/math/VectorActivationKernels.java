package latentlab.math;

import static latentlab.math.VectorExp.exp;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link ActivationKernels} on the Vector API: one vector of L floats per step, the tail in scalar code. tanh and the
 * sigmoid go through {@link VectorExp}, whose bits do not depend on the JIT.
 */
final class VectorActivationKernels implements ActivationKernels {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    @Override
    public void relu(float[] z, float[] y, int off, int len) {
        Shapes.two("relu", z, y, off, len);
        int i = off;
        int end = off + len;
        for (int bound = off + S.loopBound(len); i < bound; i += L) {
            FloatVector.fromArray(S, z, i).max(0f).intoArray(y, i);
        }
        for (; i < end; i++) {
            y[i] = Math.max(0f, z[i]);
        }
    }

    @Override
    public void reluBackward(float[] z, float[] dy, float[] dz, int off, int len) {
        Shapes.three("reluBackward", z, dy, dz, off, len);
        int i = off;
        int end = off + len;
        FloatVector zero = FloatVector.zero(S);
        for (int bound = off + S.loopBound(len); i < bound; i += L) {
            VectorMask<Float> pos = FloatVector.fromArray(S, z, i).compare(VectorOperators.GT, 0f);
            zero.blend(FloatVector.fromArray(S, dy, i), pos).intoArray(dz, i);
        }
        for (; i < end; i++) {
            dz[i] = z[i] > 0 ? dy[i] : 0f;
        }
    }

    @Override
    public void leakyRelu(float slope, float[] z, float[] y, int off, int len) {
        Shapes.two("leakyRelu", z, y, off, len);
        int i = off;
        int end = off + len;
        for (int bound = off + S.loopBound(len); i < bound; i += L) {
            FloatVector v = FloatVector.fromArray(S, z, i);
            v.mul(slope).blend(v, v.compare(VectorOperators.GT, 0f)).intoArray(y, i);
        }
        for (; i < end; i++) {
            y[i] = z[i] > 0 ? z[i] : slope * z[i];
        }
    }

    @Override
    public void leakyReluBackward(float slope, float[] z, float[] dy, float[] dz, int off, int len) {
        Shapes.three("leakyReluBackward", z, dy, dz, off, len);
        int i = off;
        int end = off + len;
        for (int bound = off + S.loopBound(len); i < bound; i += L) {
            FloatVector g = FloatVector.fromArray(S, dy, i);
            VectorMask<Float> pos = FloatVector.fromArray(S, z, i).compare(VectorOperators.GT, 0f);
            g.mul(slope).blend(g, pos).intoArray(dz, i);
        }
        for (; i < end; i++) {
            dz[i] = z[i] > 0 ? dy[i] : slope * dy[i];
        }
    }

    @Override
    public void elu(float[] z, float[] y, int off, int len) {
        Shapes.two("elu", z, y, off, len);
        int i = off;
        int end = off + len;
        for (int bound = off + S.loopBound(len); i < bound; i += L) {
            FloatVector v = FloatVector.fromArray(S, z, i);
            // exp(min(z, 0)) - 1: absolute error ~1e-7 near 0, where expm1 would be exact; no overflow for large z.
            exp(v.min(0f)).sub(1f).blend(v, v.compare(VectorOperators.GT, 0f)).intoArray(y, i);
        }
        for (; i < end; i++) {
            y[i] = z[i] > 0 ? z[i] : (float) Math.expm1(z[i]);
        }
    }

    @Override
    public void eluBackward(float[] y, float[] dy, float[] dz, int off, int len) {
        Shapes.three("eluBackward", y, dy, dz, off, len);
        int i = off;
        int end = off + len;
        for (int bound = off + S.loopBound(len); i < bound; i += L) {
            FloatVector v = FloatVector.fromArray(S, y, i);
            FloatVector g = FloatVector.fromArray(S, dy, i);
            g.mul(v.add(1f)).blend(g, v.compare(VectorOperators.GT, 0f)).intoArray(dz, i);
        }
        for (; i < end; i++) {
            dz[i] = y[i] > 0 ? dy[i] : dy[i] * (y[i] + 1f);
        }
    }

    @Override
    public void tanh(float[] z, float[] y, int off, int len) {
        Shapes.two("tanh", z, y, off, len);
        int i = off;
        int end = off + len;
        for (int bound = off + S.loopBound(len); i < bound; i += L) {
            // tanh z = 1 - 2 / (e^{2z} + 1): exact at the ends, absolute error ~1e-7 near 0.
            FloatVector e2 = exp(FloatVector.fromArray(S, z, i).mul(2f));
            FloatVector.broadcast(S, 1f).sub(FloatVector.broadcast(S, 2f).div(e2.add(1f))).intoArray(y, i);
        }
        for (; i < end; i++) {
            y[i] = (float) Math.tanh(z[i]);
        }
    }

    @Override
    public void tanhBackward(float[] y, float[] dy, float[] dz, int off, int len) {
        Shapes.three("tanhBackward", y, dy, dz, off, len);
        int i = off;
        int end = off + len;
        for (int bound = off + S.loopBound(len); i < bound; i += L) {
            FloatVector v = FloatVector.fromArray(S, y, i);
            FloatVector.fromArray(S, dy, i).mul(v.mul(v).neg().add(1f)).intoArray(dz, i);
        }
        for (; i < end; i++) {
            dz[i] = dy[i] * (1f - y[i] * y[i]);
        }
    }

    @Override
    public void sigmoid(float[] z, float[] y, int off, int len) {
        Shapes.two("sigmoid", z, y, off, len);
        int i = off;
        int end = off + len;
        for (int bound = off + S.loopBound(len); i < bound; i += L) {
            FloatVector e = exp(FloatVector.fromArray(S, z, i).neg());
            FloatVector.broadcast(S, 1f).div(e.add(1f)).intoArray(y, i);
        }
        for (; i < end; i++) {
            y[i] = (float) (1.0 / (1.0 + Math.exp(-z[i])));
        }
    }

    @Override
    public void sigmoidBackward(float[] y, float[] dy, float[] dz, int off, int len) {
        Shapes.three("sigmoidBackward", y, dy, dz, off, len);
        int i = off;
        int end = off + len;
        for (int bound = off + S.loopBound(len); i < bound; i += L) {
            FloatVector v = FloatVector.fromArray(S, y, i);
            FloatVector.fromArray(S, dy, i).mul(v).mul(v.neg().add(1f)).intoArray(dz, i);
        }
        for (; i < end; i++) {
            dz[i] = dy[i] * y[i] * (1f - y[i]);
        }
    }
}
