package latentlab.train;

import java.util.Arrays;

/**
 * The weights of a kept moment: exact (float32, as they were), or compact — the difference from a base (the
 * history's first moment, kept exact) quantised to 8 bits per weight with one scale per block of {@link #BLOCK}
 * weights (symmetric linear quantisation, as in Jacob et al. 2018, "Quantization and training of neural networks
 * for efficient integer-arithmetic-only inference", without the zero point):
 * <pre>
 *   d = w - base,   s_b = max_{i in b} |d_i| / 127,   q_i = round(d_i / s_b) in [-127, 127],   ŵ_i = base_i + q_i s_b
 * </pre>
 * so |w_i - ŵ_i| &lt;= s_b / 2 (plus the rounding of one float32 addition) — {@link #maxError()}. A compact moment
 * takes a quarter of the bytes and is for display and for {@code eval/encode --step}; training continues from
 * keyframes, which stay exact, and the replay to a compact moment is checked against a 64-bit hash of its exact
 * weights ({@link #matches}), so continuing from it stays bit-identical. Immutable by contract.
 */
public sealed interface MomentWeights permits MomentWeights.Exact, MomentWeights.Compact {
    /** Weights per scale. */
    int BLOCK = 256;

    /** Number of weights. */
    int length();

    /** The weights: for exact ones the array itself (not to be written into), else a new decoded array. */
    float[] values();

    /** Bytes this form holds, without its base. */
    long bytes();

    /** The most any decoded weight differs from the exact one (0 for exact weights). */
    double maxError();

    /** Whether {@code w} are the exact weights this form was made from. */
    boolean matches(float[] w);

    /** The weights as they were. */
    record Exact(float[] weights) implements MomentWeights {
        @Override
        public int length() {
            return weights.length;
        }

        @Override
        public float[] values() {
            return weights;
        }

        @Override
        public long bytes() {
            return 4L * weights.length;
        }

        @Override
        public double maxError() {
            return 0;
        }

        @Override
        public boolean matches(float[] w) {
            return Arrays.equals(weights, w);
        }
    }

    /**
     * The difference from {@code base} in 8 bits per weight.
     *
     * @param base   the exact weights the differences are taken from (shared, never written)
     * @param scales one per block of {@link #BLOCK} weights
     * @param codes  the quantised differences
     * @param hash   {@link #hash} of the exact weights
     */
    record Compact(float[] base, float[] scales, byte[] codes, long hash) implements MomentWeights {
        public Compact {
            if (codes.length != base.length || scales.length != blocks(codes.length)) {
                throw new IllegalArgumentException("compact weights of " + codes.length + " values need a base of as "
                        + "many and " + blocks(codes.length) + " scales, got " + base.length + " and "
                        + scales.length);
            }
        }

        @Override
        public int length() {
            return codes.length;
        }

        @Override
        public float[] values() {
            float[] w = new float[codes.length];
            for (int b = 0; b < scales.length; b++) {
                float s = scales[b];
                int end = Math.min(codes.length, (b + 1) * BLOCK);
                for (int i = b * BLOCK; i < end; i++) {
                    w[i] = base[i] + codes[i] * s;
                }
            }
            return w;
        }

        @Override
        public long bytes() {
            return codes.length + 4L * scales.length + 8;
        }

        @Override
        public double maxError() {
            double most = 0;
            for (float s : scales) {
                most = Math.max(most, s);
            }
            // Half a quantisation step, and the rounding of the addition base + q s (half an ulp of the result).
            return most / 2 * (1 + 1e-6) + Math.ulp(most * 127 + maxAbs(base));
        }

        @Override
        public boolean matches(float[] w) {
            return w.length == codes.length && MomentWeights.hash(w) == hash;
        }

        private static double maxAbs(float[] a) {
            double m = 0;
            for (float v : a) {
                m = Math.max(m, Math.abs(v));
            }
            return m;
        }
    }

    /** Exact weights. */
    static MomentWeights exact(float[] w) {
        return new Exact(w);
    }

    /** {@code w} as 8-bit differences from {@code base} (see the class comment). */
    static Compact compact(float[] w, float[] base) {
        if (w.length != base.length) {
            throw new IllegalArgumentException(w.length + " weights cannot be taken from a base of " + base.length);
        }
        int n = w.length;
        float[] scales = new float[blocks(n)];
        byte[] codes = new byte[n];
        for (int b = 0; b < scales.length; b++) {
            int start = b * BLOCK;
            int end = Math.min(n, start + BLOCK);
            float most = 0;
            for (int i = start; i < end; i++) {
                most = Math.max(most, Math.abs(w[i] - base[i]));
            }
            float s = most / 127;
            scales[b] = s;
            if (s == 0) {
                continue;
            }
            float inv = 1 / s;
            for (int i = start; i < end; i++) {
                int q = Math.round((w[i] - base[i]) * inv);
                codes[i] = (byte) Math.max(-127, Math.min(127, q));
            }
        }
        return new Compact(base, scales, codes, hash(w));
    }

    /** Scales for {@code n} weights. */
    static int blocks(int n) {
        return (n + BLOCK - 1) / BLOCK;
    }

    /**
     * A 64-bit hash of the weights' bits: FNV-1a's xor-and-multiply step (offset basis and prime of the 64-bit
     * variant, Fowler, Noll and Vo) applied to each weight's 32 bits rather than byte by byte. To check a replay, or
     * that something kept beside a network is that network's ({@code io.model.DisplayCodesFile}), not against
     * tampering.
     */
    public static long hash(float[] w) {
        long h = 0xcbf29ce484222325L;
        for (float v : w) {
            h = (h ^ Float.floatToRawIntBits(v)) * 0x100000001b3L;
        }
        return h;
    }
}
