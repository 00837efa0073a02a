package latentlab.math;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * e^x on float vectors for the activation and loss kernels. The JDK's vector EXP is an SVML intrinsic once compiled
 * but a scalar loop before, and the two differ in the last bit; training must not depend on when the JIT kicks in.
 * This exp uses only exactly rounded operations (add, mul, fma, bit shifts), so it gives the same bits interpreted
 * or compiled.
 */
final class VectorExp {
    static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

    private VectorExp() {
    }
    private static final float LOG2E = 1.44269504088896341f;
    private static final float LN2_HI = 0.693359375f;
    private static final float LN2_LO = -2.12194440e-4f;
    private static final float ROUND = 12582912f; // 1.5 * 2^23: adding it rounds to an integer
    private static final float EXP_MAX = 88.0f; // keeps n <= 127, so 2^n stays finite
    private static final float EXP_MIN = -87.33654f;

    /**
     * e^x for float lanes, relative error below 2 ulp on [-87.3, 88] (Cody-Waite reduction x = n ln 2 + r,
     * degree-6 polynomial for e^r on |r| <= ln2 / 2 with the coefficients of Cephes' expf, then scaling by 2^n
     * built in the exponent bits). Arguments outside the range are clamped to it.
     */
    static FloatVector exp(FloatVector x) {
        x = x.max(EXP_MIN).min(EXP_MAX);
        FloatVector shifted = x.fma(FloatVector.broadcast(S, LOG2E), FloatVector.broadcast(S, ROUND));
        FloatVector n = shifted.sub(ROUND);
        FloatVector r = n.fma(FloatVector.broadcast(S, -LN2_HI), x);
        r = n.fma(FloatVector.broadcast(S, -LN2_LO), r);
        FloatVector p = r.fma(FloatVector.broadcast(S, 1.9875691500e-4f), FloatVector.broadcast(S, 1.3981999507e-3f));
        p = p.fma(r, FloatVector.broadcast(S, 8.3334519073e-3f));
        p = p.fma(r, FloatVector.broadcast(S, 4.1665795894e-2f));
        p = p.fma(r, FloatVector.broadcast(S, 1.6666665459e-1f));
        p = p.fma(r, FloatVector.broadcast(S, 5.0000001201e-1f));
        FloatVector r2 = r.mul(r);
        FloatVector e = p.fma(r2, r).add(1f);
        IntVector bits = (IntVector) shifted.reinterpretAsInts();
        IntVector pow2 = bits.sub(0x4B400000 - 127).lanewise(VectorOperators.LSHL, 23);
        return e.mul((FloatVector) pow2.reinterpretAsFloats());
    }
}
