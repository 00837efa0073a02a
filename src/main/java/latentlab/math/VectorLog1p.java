package latentlab.math;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * log(1 + x) on float vectors for x in [0, 1], the cross-entropy's log1p(e^-|z|). The JDK's vector LOG1P has no
 * compiled form on every JDK 17 build: there it runs as a scalar loop over boxed vectors, which also keeps the
 * surrounding kernel from being compiled without allocation (each call then allocates its vectors on the heap).
 * This one uses only exactly rounded operations (add, mul, fma, div, compare), so it is compiled like the rest of
 * the kernel and gives the same bits interpreted or compiled.
 *
 * <p>Method: u = fl(1 + x) in [1, 2]; log u by Cephes' logf (Moshier, <i>Methods and Programs for Mathematical
 * Functions</i>, 1989): u = 2^n m with m in [1/sqrt 2, sqrt 2) (n = 1 and m = u / 2 above sqrt 2, both exact),
 * f = m - 1 (exact), log m = f - f^2/2 + f^3 P(f) with Cephes' degree-8 P, plus n ln 2 split in two parts. Then
 * Goldberg's correction log1p(x) = log(u) x / (u - 1) recovers what rounding 1 + x lost (Goldberg, "What every
 * computer scientist should know about floating-point arithmetic", 1991, Theorem 4), and x itself when u = 1.
 * Relative error a few ulp.
 */
final class VectorLog1p {
    static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final float SQRT2 = 1.41421356237f;
    private static final float LN2_HI = 0.693359375f;
    private static final float LN2_LO = -2.12194440e-4f;

    private VectorLog1p() {
    }

    /** log(1 + x) for lanes in [0, 1]. */
    static FloatVector log1p(FloatVector x) {
        FloatVector u = x.add(1f);
        VectorMask<Float> upper = u.compare(VectorOperators.GE, SQRT2);
        FloatVector n = FloatVector.zero(S).blend(1f, upper);
        FloatVector m = u.blend(u.mul(0.5f), upper);
        FloatVector f = m.sub(1f);
        FloatVector f2 = f.mul(f);
        FloatVector p = f.fma(FloatVector.broadcast(S, 7.0376836292e-2f), FloatVector.broadcast(S, -1.1514610310e-1f));
        p = p.fma(f, FloatVector.broadcast(S, 1.1676998740e-1f));
        p = p.fma(f, FloatVector.broadcast(S, -1.2420140846e-1f));
        p = p.fma(f, FloatVector.broadcast(S, 1.4249322787e-1f));
        p = p.fma(f, FloatVector.broadcast(S, -1.6668057665e-1f));
        p = p.fma(f, FloatVector.broadcast(S, 2.0000714765e-1f));
        p = p.fma(f, FloatVector.broadcast(S, -2.4999993993e-1f));
        p = p.fma(f, FloatVector.broadcast(S, 3.3333331174e-1f));
        FloatVector y = p.mul(f).mul(f2);
        y = n.fma(FloatVector.broadcast(S, LN2_LO), y);
        y = f2.fma(FloatVector.broadcast(S, -0.5f), y);
        FloatVector logU = f.add(y);
        logU = n.fma(FloatVector.broadcast(S, LN2_HI), logU);
        FloatVector du = u.sub(1f);
        VectorMask<Float> exact = du.compare(VectorOperators.EQ, 0f);
        // Where u rounded to 1, log1p(x) = x to within rounding; dividing by du = 0 there is discarded by the blend.
        return logU.mul(x).div(du.blend(1f, exact)).blend(x, exact);
    }
}
