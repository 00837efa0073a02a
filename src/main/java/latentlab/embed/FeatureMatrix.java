package latentlab.embed;

import java.util.Objects;

import latentlab.data.Dataset;
import latentlab.math.ByteKernels;

/**
 * Rows of features for the classifier, read a block at a time so that large inputs never need a second full
 * copy: raw pixels are read from the data set's bytes as they are needed (60,000 MNIST images as floats would be
 * 188 MB, and standardised again as much), codes from a float array.
 */
public interface FeatureMatrix {
    /** Number of rows (examples). */
    int rows();

    /** Number of features per row. */
    int columns();

    /** Copies rows [from, to) into {@code dst} from {@code dstOff}, row after row. */
    void copyRows(int from, int to, float[] dst, int dstOff);

    /**
     * Copies rows [from, to), standardised: {@code (x_j - mean[j]) * invStd[j]}. The default copies, then
     * transforms in place; byte-backed matrices convert and transform in one pass.
     */
    default void copyStandardised(int from, int to, float[] mean, float[] invStd, float[] dst, int dstOff) {
        copyRows(from, to, dst, dstOff);
        int c = columns();
        for (int r = 0; r < to - from; r++) {
            int o = dstOff + r * c;
            for (int j = 0; j < c; j++) {
                dst[o + j] = (dst[o + j] - mean[j]) * invStd[j];
            }
        }
    }

    /** The {@code n x dims} row-major matrix {@code x} (not copied). */
    static FeatureMatrix of(float[] x, int n, int dims) {
        return new Dense(x, n, dims);
    }

    /** Every image of {@code data}, pixels scaled to [0, 1]. */
    static FeatureMatrix pixels(Dataset data) {
        return new Pixels(data, null);
    }

    /** The images of {@code data} with the given indices, in that order, pixels scaled to [0, 1]. */
    static FeatureMatrix pixels(Dataset data, int[] indices) {
        return new Pixels(data, indices.clone());
    }

    /** A float matrix. */
    final class Dense implements FeatureMatrix {
        private final float[] x;
        private final int n;
        private final int dims;

        Dense(float[] x, int n, int dims) {
            Objects.requireNonNull(x, "x");
            if (n < 0 || dims < 1 || (long) n * dims != x.length) {
                throw new IllegalArgumentException("feature matrix of " + n + " x " + dims + " needs "
                        + (long) n * dims + " values, got " + x.length);
            }
            this.x = x;
            this.n = n;
            this.dims = dims;
        }

        @Override
        public int rows() {
            return n;
        }

        @Override
        public int columns() {
            return dims;
        }

        @Override
        public void copyRows(int from, int to, float[] dst, int dstOff) {
            System.arraycopy(x, from * dims, dst, dstOff, (to - from) * dims);
        }
    }

    /** Pixels of a data set's images, read from its bytes. */
    final class Pixels implements FeatureMatrix {
        private static final ThreadLocal<byte[]> RAW = ThreadLocal.withInitial(() -> new byte[0]);
        private final Dataset data;
        private final int[] indices;

        Pixels(Dataset data, int[] indices) {
            this.data = Objects.requireNonNull(data, "data");
            if (indices != null) {
                for (int i : indices) {
                    Objects.checkIndex(i, data.size());
                }
            }
            this.indices = indices;
        }

        private int image(int row) {
            return indices == null ? row : indices[row];
        }

        @Override
        public int rows() {
            return indices == null ? data.size() : indices.length;
        }

        @Override
        public int columns() {
            return data.dimension();
        }

        @Override
        public void copyRows(int from, int to, float[] dst, int dstOff) {
            int d = data.dimension();
            for (int r = from; r < to; r++) {
                data.copyImage(image(r), dst, dstOff + (r - from) * d);
            }
        }

        @Override
        public void copyStandardised(int from, int to, float[] mean, float[] invStd, float[] dst, int dstOff) {
            int d = data.dimension();
            // In byte units: (b / 255 - mean) * invStd = (b - 255 mean) * (invStd / 255).
            float[] shift = new float[d];
            float[] scale = new float[d];
            for (int j = 0; j < d; j++) {
                shift[j] = 255f * mean[j];
                scale[j] = invStd[j] / 255f;
            }
            byte[] raw = RAW.get();
            if (raw.length < d) {
                raw = new byte[d];
                RAW.set(raw);
            }
            ByteKernels k = ByteKernels.get();
            for (int r = from; r < to; r++) {
                data.copyRaw(image(r), raw, 0);
                k.standardise(raw, 0, d, shift, scale, dst, dstOff + (r - from) * d);
            }
        }
    }
}
