package latentlab.math;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link MatrixKernels} on the incubating Vector API (JEP 338 onwards), the widest float species of the CPU (16 lanes
 * with AVX-512, 8 with AVX2). <b>Unrolled on purpose</b>: the register tiles below spell out every accumulator, since
 * the JIT keeps vectors in registers only when they are plain local variables; this is why the class is longer than
 * the others.
 *
 * <p>The matrix product is a register-blocked micro-kernel in the style of Goto and van de Geijn, "Anatomy of
 * high-performance matrix multiplication" (ACM TOMS 34(3), 2008): a 4 x 2L tile of C stays in 8 vector registers
 * while the kernel streams a column panel of B and broadcasts elements of A, one fused multiply-add per
 * register per step.
 */
final class VectorMatrixKernels implements MatrixKernels {
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

    // ---------------------------------------------------------------- C = A B (strided A) Vector code is kept free of
    // masks and of vectors passed to helper methods: on JDK 17 either can stop the JIT from keeping vectors in
    // registers, which would undo the point of SIMD. Column tails narrower than L run as scalar code.

    @Override
    public void gemm(int m0, int m1, int n, int k, float[] a, int aOff, int aRow, int aCol,
                     float[] b, int bOff, int ldb, float[] c, int cOff, int ldc,
                     float[] bias, int biasOff, boolean accumulate) {
        Shapes.gemm(m0, m1, n, k, a, aOff, aRow, aCol, b, bOff, ldb, c, cOff, ldc, bias, biasOff);
        product(m0, m1, n, k, a, aOff, aRow, aCol, b, bOff, ldb, c, cOff, ldc, bias, biasOff, accumulate);
    }

    /** {@link #gemm} without the argument checks (for {@link #gemmNT}'s inner product on its own scratch). */
    private static void product(int m0, int m1, int n, int k, float[] a, int aOff, int aRow, int aCol,
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
        Shapes.gemmNT(m0, m1, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc);
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
        product(0, n, m, k, b, bOff, ldb, 1, at, 0, m, ct, 0, m, null, 0, false);
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

    // ---------------------------------------------------------------- BLAS level 1

    @Override
    public void columnSums(float[] m, int off, int rows, int cols, int ld, float[] out, int outOff,
                           boolean accumulate) {
        Shapes.columnSums(m, off, rows, cols, ld, out, outOff);
        if (!accumulate) {
            java.util.Arrays.fill(out, outOff, outOff + cols, 0f);
        }
        for (int r = 0; r < rows; r++) {
            addScaled(1f, m, off + r * ld, out, outOff, cols);
        }
    }

    @Override
    public void axpy(float alpha, float[] x, int xOff, float[] y, int yOff, int len) {
        Shapes.range("axpy", "x", x.length, xOff, len);
        Shapes.range("axpy", "y", y.length, yOff, len);
        addScaled(alpha, x, xOff, y, yOff, len);
    }

    private static void addScaled(float alpha, float[] x, int xOff, float[] y, int yOff, int len) {
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

    private static final float TWO_23 = 8388608f;
    /** Ints of the same vector size as {@link #S}. */
    private static final VectorSpecies<Integer> I = VectorSpecies.of(int.class, S.vectorShape());

    @Override
    public void addTo(float[] x, int xOff, int[] y, int yOff, int len) {
        Shapes.range("addTo", "x", x.length, xOff, len);
        Shapes.range("addTo", "y", y.length, yOff, len);
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
}
