package latentlab.math;

import static latentlab.math.VectorExp.exp;
import static latentlab.math.VectorLog1p.log1p;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link LossKernels} on the Vector API. Sums run in float lanes over at most 1,024 elements at a time, then in
 * double. The lanes are added in a fixed order rather than by {@code reduceLanes}, whose order may differ between
 * the interpreter and compiled code, so a loss never depends on how warm the JVM is (as in
 * {@link VectorDoubleKernels}).
 */
final class VectorLossKernels implements LossKernels {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    @Override
    public double bceWithLogits(float[] z, int zOff, float[] x, int xOff, float[] dz, float scale, int len) {
        Shapes.loss("bceWithLogits", z, zOff, x, xOff, dz, len);
        double total = 0;
        int i = 0;
        int bound = S.loopBound(len);
        while (i < bound) {
            // Sum in float lanes over at most 1024 elements, then in double: accurate and fast.
            int chunkEnd = Math.min(bound, i + 1024);
            FloatVector sum = FloatVector.zero(S);
            for (; i < chunkEnd; i += L) {
                FloatVector zv = FloatVector.fromArray(S, z, zOff + i);
                FloatVector xv = FloatVector.fromArray(S, x, xOff + i);
                FloatVector e = exp(zv.abs().neg());
                FloatVector l = zv.max(0f).sub(xv.mul(zv)).add(log1p(e));
                sum = sum.add(l);
                FloatVector num = e.blend(1f, zv.compare(VectorOperators.GE, 0f));
                num.div(e.add(1f)).sub(xv).mul(scale).intoArray(dz, zOff + i);
            }
            for (int k = 0; k < L; k++) {
                total += sum.lane(k);
            }
        }
        for (; i < len; i++) {
            double zi = z[zOff + i];
            double xi = x[xOff + i];
            double e = Math.exp(-Math.abs(zi));
            total += Math.max(zi, 0) - xi * zi + Math.log1p(e);
            double s = zi >= 0 ? 1 / (1 + e) : e / (1 + e);
            dz[zOff + i] = (float) (scale * (s - xi));
        }
        return total;
    }

    @Override
    public double squaredError(float[] y, int yOff, float[] x, int xOff, float[] dy, float scale, int len) {
        Shapes.loss("squaredError", y, yOff, x, xOff, dy, len);
        double total = 0;
        int i = 0;
        int bound = S.loopBound(len);
        float twoScale = 2f * scale;
        while (i < bound) {
            int chunkEnd = Math.min(bound, i + 1024);
            FloatVector sum = FloatVector.zero(S);
            for (; i < chunkEnd; i += L) {
                FloatVector r = FloatVector.fromArray(S, y, yOff + i).sub(FloatVector.fromArray(S, x, xOff + i));
                sum = r.fma(r, sum);
                r.mul(twoScale).intoArray(dy, yOff + i);
            }
            for (int k = 0; k < L; k++) {
                total += sum.lane(k);
            }
        }
        for (; i < len; i++) {
            float r = y[yOff + i] - x[xOff + i];
            total += (double) r * r;
            dy[yOff + i] = twoScale * r;
        }
        return total;
    }

    @Override
    public double sumOfSquares(float[] x, int off, int len) {
        Shapes.range("sumOfSquares", "x", x.length, off, len);
        double total = 0;
        int i = off;
        int end = off + len;
        int bound = off + S.loopBound(len);
        while (i < bound) {
            int chunkEnd = Math.min(bound, i + 1024);
            FloatVector sum = FloatVector.zero(S);
            for (; i < chunkEnd; i += L) {
                FloatVector v = FloatVector.fromArray(S, x, i);
                sum = v.fma(v, sum);
            }
            for (int k = 0; k < L; k++) {
                total += sum.lane(k);
            }
        }
        for (; i < end; i++) {
            total += (double) x[i] * x[i];
        }
        return total;
    }
}
