package latentlab.math;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * SIMD kernels on the incubating Vector API (JEP 338 onwards), the widest float species of the CPU (16 lanes with
 * AVX-512, 8 with AVX2).
 *
 * <p>The matrix product is a register-blocked micro-kernel in the style of Goto and van de Geijn, "Anatomy of
 * high-performance matrix multiplication" (ACM TOMS 34(3), 2008): a 4 x 2L tile of C stays in 8 vector registers
 * while the kernel streams a column panel of B and broadcasts elements of A, one fused multiply-add per
 * register per step. Measured here it runs 4-15x faster than the auto-vectorised scalar loops.
 */
final class VectorKernels implements Kernels {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    /**
     * 8-row tiles (16 accumulators + 3 operands) where the ISA has 32 vector registers: AVX-512, the only 16-lane
     * species. With AVX2's 16 registers they would spill, so 8-lane CPUs keep the 4-row tiles.
     */
    private static final boolean WIDE_TILES = L >= 16 && !Boolean.getBoolean("latentlab.narrowTiles");

    @Override
    public String description() {
        return "Vector API, " + L + " float lanes";
    }

    // ---------------------------------------------------------------- C = A B (strided A)
    // Vector code is kept free of masks and of vectors passed to helper methods: on JDK 17 either can stop the
    // JIT from keeping vectors in registers, which costs 10x. Column tails narrower than L run as scalar code.

    @Override
    public void gemm(int m0, int m1, int n, int k, float[] a, int aOff, int aRow, int aCol,
                     float[] b, int bOff, int ldb, float[] c, int cOff, int ldc,
                     float[] bias, int biasOff, boolean accumulate) {
        int wide = n - n % (2 * L);
        int narrow = n - n % L;
        int i = m0;
        if (WIDE_TILES) {
            for (; i + 8 <= m1; i += 8) {
                for (int j = 0; j < wide; j += 2 * L) {
                    tile8x2(i, j, k, a, aOff, aRow, aCol, b, bOff, ldb, c, cOff, ldc, bias, biasOff, accumulate);
                }
                if (narrow > wide) {
                    tile4x1(i, wide, k, a, aOff, aRow, aCol, b, bOff, ldb, c, cOff, ldc, bias, biasOff, accumulate);
                    tile4x1(i + 4, wide, k, a, aOff, aRow, aCol, b, bOff, ldb, c, cOff, ldc, bias, biasOff,
                            accumulate);
                }
            }
        }
        for (; i + 4 <= m1; i += 4) {
            for (int j = 0; j < wide; j += 2 * L) {
                tile4x2(i, j, k, a, aOff, aRow, aCol, b, bOff, ldb, c, cOff, ldc, bias, biasOff, accumulate);
            }
            if (narrow > wide) {
                tile4x1(i, wide, k, a, aOff, aRow, aCol, b, bOff, ldb, c, cOff, ldc, bias, biasOff, accumulate);
            }
        }
        for (; i < m1; i++) {
            for (int j = 0; j < narrow; j += L) {
                tile1x1(i, j, k, a, aOff, aRow, aCol, b, bOff, ldb, c, cOff, ldc, bias, biasOff, accumulate);
            }
        }
        if (narrow < n) {
            scalarColumns(m0, m1, narrow, n, k, a, aOff, aRow, aCol, b, bOff, ldb, c, cOff, ldc, bias, biasOff,
                    accumulate);
        }
        // Rows m0..i-1 of the 4-row blocks are complete; the remaining rows were done one by one above.
    }

    /**
     * The 8 x 2L tile: 16 accumulators, for CPUs with 32 vector registers (AVX-512). Each step loads two vectors of B
     * for 16 fused multiply-adds instead of 8, and 16 independent chains hide the FMA latency with room to spare.
     * Every element of C is still one chain of FMAs over p in order, so the result is bit-identical to
     * {@link #tile4x2}'s.
     */
    private static void tile8x2(int i, int j, int k, float[] a, int aOff, int aRow, int aCol,
                                float[] b, int bOff, int ldb, float[] c, int cOff, int ldc,
                                float[] bias, int biasOff, boolean acc) {
        final int a0 = aOff + i * aRow;
        final int a1 = a0 + aRow;
        final int a2 = a1 + aRow;
        final int a3 = a2 + aRow;
        final int a4 = a3 + aRow;
        final int a5 = a4 + aRow;
        final int a6 = a5 + aRow;
        final int a7 = a6 + aRow;
        FloatVector init0;
        FloatVector init1;
        if (bias != null) {
            init0 = FloatVector.fromArray(S, bias, biasOff + j);
            init1 = FloatVector.fromArray(S, bias, biasOff + j + L);
        } else {
            init0 = FloatVector.zero(S);
            init1 = init0;
        }
        FloatVector x00 = init0;
        FloatVector x01 = init1;
        FloatVector x10 = init0;
        FloatVector x11 = init1;
        FloatVector x20 = init0;
        FloatVector x21 = init1;
        FloatVector x30 = init0;
        FloatVector x31 = init1;
        FloatVector x40 = init0;
        FloatVector x41 = init1;
        FloatVector x50 = init0;
        FloatVector x51 = init1;
        FloatVector x60 = init0;
        FloatVector x61 = init1;
        FloatVector x70 = init0;
        FloatVector x71 = init1;
        int bp = bOff + j;
        int ap = 0;
        for (int p = 0; p < k; p++, bp += ldb, ap += aCol) {
            FloatVector b0 = FloatVector.fromArray(S, b, bp);
            FloatVector b1 = FloatVector.fromArray(S, b, bp + L);
            FloatVector s = FloatVector.broadcast(S, a[a0 + ap]);
            x00 = s.fma(b0, x00);
            x01 = s.fma(b1, x01);
            s = FloatVector.broadcast(S, a[a1 + ap]);
            x10 = s.fma(b0, x10);
            x11 = s.fma(b1, x11);
            s = FloatVector.broadcast(S, a[a2 + ap]);
            x20 = s.fma(b0, x20);
            x21 = s.fma(b1, x21);
            s = FloatVector.broadcast(S, a[a3 + ap]);
            x30 = s.fma(b0, x30);
            x31 = s.fma(b1, x31);
            s = FloatVector.broadcast(S, a[a4 + ap]);
            x40 = s.fma(b0, x40);
            x41 = s.fma(b1, x41);
            s = FloatVector.broadcast(S, a[a5 + ap]);
            x50 = s.fma(b0, x50);
            x51 = s.fma(b1, x51);
            s = FloatVector.broadcast(S, a[a6 + ap]);
            x60 = s.fma(b0, x60);
            x61 = s.fma(b1, x61);
            s = FloatVector.broadcast(S, a[a7 + ap]);
            x70 = s.fma(b0, x70);
            x71 = s.fma(b1, x71);
        }
        int c0 = cOff + i * ldc + j;
        int c1 = c0 + ldc;
        int c2 = c1 + ldc;
        int c3 = c2 + ldc;
        int c4 = c3 + ldc;
        int c5 = c4 + ldc;
        int c6 = c5 + ldc;
        int c7 = c6 + ldc;
        if (acc) {
            x00 = x00.add(FloatVector.fromArray(S, c, c0));
            x01 = x01.add(FloatVector.fromArray(S, c, c0 + L));
            x10 = x10.add(FloatVector.fromArray(S, c, c1));
            x11 = x11.add(FloatVector.fromArray(S, c, c1 + L));
            x20 = x20.add(FloatVector.fromArray(S, c, c2));
            x21 = x21.add(FloatVector.fromArray(S, c, c2 + L));
            x30 = x30.add(FloatVector.fromArray(S, c, c3));
            x31 = x31.add(FloatVector.fromArray(S, c, c3 + L));
            x40 = x40.add(FloatVector.fromArray(S, c, c4));
            x41 = x41.add(FloatVector.fromArray(S, c, c4 + L));
            x50 = x50.add(FloatVector.fromArray(S, c, c5));
            x51 = x51.add(FloatVector.fromArray(S, c, c5 + L));
            x60 = x60.add(FloatVector.fromArray(S, c, c6));
            x61 = x61.add(FloatVector.fromArray(S, c, c6 + L));
            x70 = x70.add(FloatVector.fromArray(S, c, c7));
            x71 = x71.add(FloatVector.fromArray(S, c, c7 + L));
        }
        x00.intoArray(c, c0);
        x01.intoArray(c, c0 + L);
        x10.intoArray(c, c1);
        x11.intoArray(c, c1 + L);
        x20.intoArray(c, c2);
        x21.intoArray(c, c2 + L);
        x30.intoArray(c, c3);
        x31.intoArray(c, c3 + L);
        x40.intoArray(c, c4);
        x41.intoArray(c, c4 + L);
        x50.intoArray(c, c5);
        x51.intoArray(c, c5 + L);
        x60.intoArray(c, c6);
        x61.intoArray(c, c6 + L);
        x70.intoArray(c, c7);
        x71.intoArray(c, c7 + L);
    }

    private static void tile4x2(int i, int j, int k, float[] a, int aOff, int aRow, int aCol,
                                float[] b, int bOff, int ldb, float[] c, int cOff, int ldc,
                                float[] bias, int biasOff, boolean acc) {
        final int a0 = aOff + i * aRow;
        final int a1 = a0 + aRow;
        final int a2 = a1 + aRow;
        final int a3 = a2 + aRow;
        FloatVector init0;
        FloatVector init1;
        if (bias != null) {
            init0 = FloatVector.fromArray(S, bias, biasOff + j);
            init1 = FloatVector.fromArray(S, bias, biasOff + j + L);
        } else {
            init0 = FloatVector.zero(S);
            init1 = init0;
        }
        FloatVector x00 = init0;
        FloatVector x01 = init1;
        FloatVector x10 = init0;
        FloatVector x11 = init1;
        FloatVector x20 = init0;
        FloatVector x21 = init1;
        FloatVector x30 = init0;
        FloatVector x31 = init1;
        int bp = bOff + j;
        int ap = 0;
        for (int p = 0; p < k; p++, bp += ldb, ap += aCol) {
            FloatVector b0 = FloatVector.fromArray(S, b, bp);
            FloatVector b1 = FloatVector.fromArray(S, b, bp + L);
            FloatVector s = FloatVector.broadcast(S, a[a0 + ap]);
            x00 = s.fma(b0, x00);
            x01 = s.fma(b1, x01);
            s = FloatVector.broadcast(S, a[a1 + ap]);
            x10 = s.fma(b0, x10);
            x11 = s.fma(b1, x11);
            s = FloatVector.broadcast(S, a[a2 + ap]);
            x20 = s.fma(b0, x20);
            x21 = s.fma(b1, x21);
            s = FloatVector.broadcast(S, a[a3 + ap]);
            x30 = s.fma(b0, x30);
            x31 = s.fma(b1, x31);
        }
        int c0 = cOff + i * ldc + j;
        int c1 = c0 + ldc;
        int c2 = c1 + ldc;
        int c3 = c2 + ldc;
        if (acc) {
            x00 = x00.add(FloatVector.fromArray(S, c, c0));
            x01 = x01.add(FloatVector.fromArray(S, c, c0 + L));
            x10 = x10.add(FloatVector.fromArray(S, c, c1));
            x11 = x11.add(FloatVector.fromArray(S, c, c1 + L));
            x20 = x20.add(FloatVector.fromArray(S, c, c2));
            x21 = x21.add(FloatVector.fromArray(S, c, c2 + L));
            x30 = x30.add(FloatVector.fromArray(S, c, c3));
            x31 = x31.add(FloatVector.fromArray(S, c, c3 + L));
        }
        x00.intoArray(c, c0);
        x01.intoArray(c, c0 + L);
        x10.intoArray(c, c1);
        x11.intoArray(c, c1 + L);
        x20.intoArray(c, c2);
        x21.intoArray(c, c2 + L);
        x30.intoArray(c, c3);
        x31.intoArray(c, c3 + L);
    }

    private static void tile4x1(int i, int j, int k, float[] a, int aOff, int aRow, int aCol,
                                float[] b, int bOff, int ldb, float[] c, int cOff, int ldc,
                                float[] bias, int biasOff, boolean acc) {
        final int a0 = aOff + i * aRow;
        final int a1 = a0 + aRow;
        final int a2 = a1 + aRow;
        final int a3 = a2 + aRow;
        FloatVector x0 = bias != null ? FloatVector.fromArray(S, bias, biasOff + j) : FloatVector.zero(S);
        FloatVector x1 = x0;
        FloatVector x2 = x0;
        FloatVector x3 = x0;
        int bp = bOff + j;
        int ap = 0;
        for (int p = 0; p < k; p++, bp += ldb, ap += aCol) {
            FloatVector b0 = FloatVector.fromArray(S, b, bp);
            x0 = FloatVector.broadcast(S, a[a0 + ap]).fma(b0, x0);
            x1 = FloatVector.broadcast(S, a[a1 + ap]).fma(b0, x1);
            x2 = FloatVector.broadcast(S, a[a2 + ap]).fma(b0, x2);
            x3 = FloatVector.broadcast(S, a[a3 + ap]).fma(b0, x3);
        }
        int c0 = cOff + i * ldc + j;
        if (acc) {
            x0 = x0.add(FloatVector.fromArray(S, c, c0));
            x1 = x1.add(FloatVector.fromArray(S, c, c0 + ldc));
            x2 = x2.add(FloatVector.fromArray(S, c, c0 + 2 * ldc));
            x3 = x3.add(FloatVector.fromArray(S, c, c0 + 3 * ldc));
        }
        x0.intoArray(c, c0);
        x1.intoArray(c, c0 + ldc);
        x2.intoArray(c, c0 + 2 * ldc);
        x3.intoArray(c, c0 + 3 * ldc);
    }

    private static void tile1x1(int i, int j, int k, float[] a, int aOff, int aRow, int aCol,
                                float[] b, int bOff, int ldb, float[] c, int cOff, int ldc,
                                float[] bias, int biasOff, boolean acc) {
        FloatVector x0 = bias != null ? FloatVector.fromArray(S, bias, biasOff + j) : FloatVector.zero(S);
        int bp = bOff + j;
        int ap = aOff + i * aRow;
        for (int p = 0; p < k; p++, bp += ldb, ap += aCol) {
            x0 = FloatVector.broadcast(S, a[ap]).fma(FloatVector.fromArray(S, b, bp), x0);
        }
        int c0 = cOff + i * ldc + j;
        if (acc) {
            x0 = x0.add(FloatVector.fromArray(S, c, c0));
        }
        x0.intoArray(c, c0);
    }

    /** Columns [j0, j1) of rows [m0, m1) in scalar code (fewer than L columns). */
    private static void scalarColumns(int m0, int m1, int j0, int j1, int k, float[] a, int aOff, int aRow, int aCol,
                                      float[] b, int bOff, int ldb, float[] c, int cOff, int ldc,
                                      float[] bias, int biasOff, boolean acc) {
        for (int i = m0; i < m1; i++) {
            int ai = aOff + i * aRow;
            int ci = cOff + i * ldc;
            for (int j = j0; j < j1; j++) {
                float s = bias != null ? bias[biasOff + j] : 0f;
                int bp = bOff + j;
                int ap = ai;
                for (int p = 0; p < k; p++, bp += ldb, ap += aCol) {
                    s += a[ap] * b[bp];
                }
                c[ci + j] = acc ? c[ci + j] + s : s;
            }
        }
    }

    // ---------------------------------------------------------------- C = A B^T
    // Computed as C^T = B A^T with the register-blocked kernel above and two transposes of the small operands
    // (A and C have as many rows as a batch slice). Unlike dot products this needs no horizontal lane reduction,
    // whose order the JIT may change, so results are bit-identical from the first call on.

    private static final ThreadLocal<float[][]> SCRATCH = ThreadLocal.withInitial(() -> new float[2][0]);

    private static float[] scratch(int which, int size) {
        float[][] s = SCRATCH.get();
        if (s[which].length < size) {
            s[which] = new float[Math.max(size, s[which].length * 2)];
        }
        return s[which];
    }

    @Override
    public void gemmNT(int m0, int m1, int n, int k, float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                       float[] c, int cOff, int ldc, boolean accumulate) {
        int m = m1 - m0;
        if (m <= 0 || n <= 0) {
            return;
        }
        float[] at = scratch(0, k * m);
        for (int i = 0; i < m; i++) {
            int src = aOff + (m0 + i) * lda;
            for (int p = 0; p < k; p++) {
                at[p * m + i] = a[src + p];
            }
        }
        float[] ct = scratch(1, n * m);
        gemm(0, n, m, k, b, bOff, ldb, 1, at, 0, m, ct, 0, m, null, 0, false);
        for (int i = 0; i < m; i++) {
            int dst = cOff + (m0 + i) * ldc;
            if (accumulate) {
                for (int j = 0; j < n; j++) {
                    c[dst + j] += ct[j * m + i];
                }
            } else {
                for (int j = 0; j < n; j++) {
                    c[dst + j] = ct[j * m + i];
                }
            }
        }
    }

    // ---------------------------------------------------------------- exp
    // The JDK's vector EXP is an SVML intrinsic once compiled but a scalar loop before, and the two differ in
    // the last bit; training must not depend on when the JIT kicks in. This exp uses only exactly rounded
    // operations (add, mul, fma, bit shifts), so it gives the same bits interpreted or compiled.

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

    // ---------------------------------------------------------------- activations

    @Override
    public void relu(float[] z, float[] y, int off, int len) {
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
    public void tanh(float[] z, float[] y, int off, int len) {
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

    // ---------------------------------------------------------------- losses

    @Override
    public double bceWithLogits(float[] z, int zOff, float[] x, int xOff, float[] dz, float scale, int len) {
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
                FloatVector l = zv.max(0f).sub(xv.mul(zv)).add(e.lanewise(VectorOperators.LOG1P));
                sum = sum.add(l);
                FloatVector num = e.blend(1f, zv.compare(VectorOperators.GE, 0f));
                num.div(e.add(1f)).sub(xv).mul(scale).intoArray(dz, zOff + i);
            }
            total += sum.reduceLanes(VectorOperators.ADD);
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
            total += sum.reduceLanes(VectorOperators.ADD);
        }
        for (; i < len; i++) {
            float r = y[yOff + i] - x[xOff + i];
            total += (double) r * r;
            dy[yOff + i] = twoScale * r;
        }
        return total;
    }

    // ---------------------------------------------------------------- reductions and updates

    @Override
    public void columnSums(float[] m, int off, int rows, int cols, int ld, float[] out, int outOff,
                           boolean accumulate) {
        if (!accumulate) {
            java.util.Arrays.fill(out, outOff, outOff + cols, 0f);
        }
        for (int r = 0; r < rows; r++) {
            axpy(1f, m, off + r * ld, out, outOff, cols);
        }
    }

    @Override
    public void axpy(float alpha, float[] x, int xOff, float[] y, int yOff, int len) {
        int i = 0;
        FloatVector av = FloatVector.broadcast(S, alpha);
        for (int bound = S.loopBound(len); i < bound; i += L) {
            FloatVector.fromArray(S, x, xOff + i).fma(av, FloatVector.fromArray(S, y, yOff + i))
                    .intoArray(y, yOff + i);
        }
        for (; i < len; i++) {
            y[yOff + i] += alpha * x[xOff + i];
        }
    }

    @Override
    public double sumOfSquares(float[] x, int off, int len) {
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
            total += sum.reduceLanes(VectorOperators.ADD);
        }
        for (; i < end; i++) {
            total += (double) x[i] * x[i];
        }
        return total;
    }

    private static FloatVector gradient(float[] p, float[][] grads, int i, float decay) {
        FloatVector g = FloatVector.fromArray(S, p, i).mul(decay);
        for (float[] gr : grads) {
            g = g.add(FloatVector.fromArray(S, gr, i));
        }
        return g;
    }

    private static float gradient1(float[] p, float[][] grads, int i, float decay) {
        float g = decay * p[i];
        for (float[] gr : grads) {
            g += gr[i];
        }
        return g;
    }

    @Override
    public void adam(float[] p, float[][] grads, float[] m, float[] v, int from, int to,
                     float beta1, float beta2, float stepSize, float epsHat, float decay) {
        float c1 = 1f - beta1;
        float c2 = 1f - beta2;
        int i = from;
        for (int bound = from + S.loopBound(to - from); i < bound; i += L) {
            FloatVector g = gradient(p, grads, i, decay);
            FloatVector mi = FloatVector.fromArray(S, m, i).mul(beta1).add(g.mul(c1));
            FloatVector vi = FloatVector.fromArray(S, v, i).mul(beta2).add(g.mul(g).mul(c2));
            mi.intoArray(m, i);
            vi.intoArray(v, i);
            FloatVector step = mi.mul(stepSize).div(vi.sqrt().add(epsHat));
            FloatVector.fromArray(S, p, i).sub(step).intoArray(p, i);
        }
        for (; i < to; i++) {
            float g = gradient1(p, grads, i, decay);
            float mi = beta1 * m[i] + c1 * g;
            float vi = beta2 * v[i] + c2 * g * g;
            m[i] = mi;
            v[i] = vi;
            p[i] -= stepSize * mi / ((float) Math.sqrt(vi) + epsHat);
        }
    }

    @Override
    public void sgd(float[] p, float[][] grads, float[] u, int from, int to, float lr, float momentum, float decay) {
        int i = from;
        for (int bound = from + S.loopBound(to - from); i < bound; i += L) {
            FloatVector g = gradient(p, grads, i, decay);
            FloatVector ui = FloatVector.fromArray(S, u, i).mul(momentum).add(g);
            ui.intoArray(u, i);
            FloatVector.fromArray(S, p, i).sub(ui.mul(lr)).intoArray(p, i);
        }
        for (; i < to; i++) {
            float g = gradient1(p, grads, i, decay);
            float ui = momentum * u[i] + g;
            u[i] = ui;
            p[i] -= lr * ui;
        }
    }

    private static final float TWO_23 = 8388608f;
    /** Ints of the same vector size as {@link #S}. */
    private static final VectorSpecies<Integer> I = VectorSpecies.of(int.class, S.vectorShape());

    @Override
    public void addTo(float[] x, int xOff, int[] y, int yOff, int len) {
        // x + 2^23 lies in [2^23, 2^24), where floats are the integers, and its bits are 0x4B000000 + x: the
        // Vector API's float-to-int conversion is not compiled to SIMD code on JDK 17, this reinterpretation is.
        int i = 0;
        for (int end = len - L; i <= end; i += L) {
            IntVector bits = (IntVector) FloatVector.fromArray(S, x, xOff + i).add(TWO_23).reinterpretAsInts();
            IntVector.fromArray(I, y, yOff + i).add(bits).sub(0x4B000000).intoArray(y, yOff + i);
        }
        for (; i < len; i++) {
            y[yOff + i] += (int) x[xOff + i];
        }
    }

    private static final VectorSpecies<Byte> B = ByteVector.SPECIES_PREFERRED;

    @Override
    public void scanImage(byte[] x, int off, byte[] reference, byte[] changed, byte[] inked, int len) {
        int j = 0;
        for (int end = len - B.length(); j <= end; j += B.length()) {
            ByteVector v = ByteVector.fromArray(B, x, off + j);
            ByteVector flips = v.lanewise(VectorOperators.XOR, ByteVector.fromArray(B, reference, j));
            ByteVector.fromArray(B, changed, j).or(flips).intoArray(changed, j);
            // v | -v has its sign bit set exactly when v != 0.
            ByteVector ink = v.or(v.neg()).lanewise(VectorOperators.LSHR, 7);
            ByteVector.fromArray(B, inked, j).add(ink).intoArray(inked, j);
        }
        for (; j < len; j++) {
            byte v = x[off + j];
            changed[j] |= (byte) (v ^ reference[j]);
            inked[j] += (byte) (v == 0 ? 0 : 1);
        }
    }
}
