package latentlab.io.export;

import java.util.Arrays;
import java.util.Objects;

import latentlab.compute.ComputePool;
import latentlab.compute.Progress;
import latentlab.data.Dataset;
import latentlab.eval.Encoding;
import latentlab.math.LossKernels;
import latentlab.math.Rng;
import latentlab.nn.Codec;

/**
 * What the code exports write: the images of a data set with their codes, labels and reconstruction errors, one
 * row per image. Row i is image i of {@code data}, known outside as image {@link #index(int) index(i)} (its number
 * in the data set it was sampled from).
 *
 * @param data    the images and labels, one per row
 * @param codes   {@code n x k} codes, row-major
 * @param k       code size
 * @param errors  squared reconstruction error of each image (summed over pixels, pixels in [0, 1])
 * @param indices each row's index in the original data set, or null when row i is image i
 */
public record CodeTable(Dataset data, float[] codes, int k, float[] errors, int[] indices) {
    /** Images encoded per step of {@link #compute}; between steps a cancelled computation stops. */
    private static final int CHUNK = 512;

    public CodeTable {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(codes, "codes");
        Objects.requireNonNull(errors, "errors");
        int n = data.size();
        if (k < 1) {
            throw new IllegalArgumentException("code size must be at least 1, got " + k);
        }
        if (codes.length != (long) n * k) {
            throw new IllegalArgumentException(data.name() + ": " + n + " images with codes of size " + k + " need "
                    + (long) n * k + " values, got " + codes.length);
        }
        if (errors.length != n) {
            throw new IllegalArgumentException(data.name() + ": " + n + " images but " + errors.length
                    + " reconstruction errors");
        }
        if (indices != null && indices.length != n) {
            throw new IllegalArgumentException(data.name() + ": " + n + " images but " + indices.length + " indices");
        }
    }

    /** A table whose row i is image i of {@code data}. */
    public CodeTable(Dataset data, float[] codes, int k, float[] errors) {
        this(data, codes, k, errors, null);
    }

    /**
     * Encodes every image of {@code data} with {@code codec} and measures its squared reconstruction error
     * ||x - h(g(x))||^2, a chunk at a time on the threads of {@code pool}, reporting progress and stopping with
     * CancelledException when cancelled.
     */
    public static CodeTable compute(Codec codec, Dataset data, ComputePool pool, Progress progress) {
        Encoding.checkDimension(codec, data);
        int n = data.size();
        int k = codec.latentSize();
        int d = data.dimension();
        float[] codes = new float[n * k];
        float[] errors = new float[n];
        String message = "Encoding " + data.name();
        int grain = Math.max(1, CHUNK / (2 * pool.threads()));
        for (int from = 0; from < n; from += CHUNK) {
            progress.checkCancelled();
            int start = from;
            int rows = Math.min(CHUNK, n - from);
            pool.parallelFor(rows, grain, (ra, rb) -> {
                int a = start + ra;
                int b = start + rb;
                LossKernels kern = LossKernels.get();
                float[] x = new float[(b - a) * d];
                float[] y = new float[(b - a) * d];
                float[] scratch = new float[(b - a) * d];
                for (int i = a; i < b; i++) {
                    data.copyImage(i, x, (i - a) * d);
                }
                codec.encode(x, 0, b - a, codes, a * k);
                codec.decode(codes, a * k, b - a, y, 0);
                for (int i = a; i < b; i++) {
                    errors[i] = (float) kern.squaredError(y, (i - a) * d, x, (i - a) * d, scratch, 1f, d);
                }
            });
            progress.update(from + rows, n, message);
        }
        return new CodeTable(data, codes, k, errors);
    }

    /** Number of rows (images). */
    public int size() {
        return data.size();
    }

    /** The index of row {@code i} in the data set it came from. */
    public int index(int i) {
        return indices == null ? i : indices[i];
    }

    /** The label of row {@code i}. */
    public int label(int i) {
        return data.label(i);
    }

    /** Code value {@code j} (0-based) of row {@code i}. */
    public float code(int i, int j) {
        return codes[i * k + j];
    }

    /** The rows {@code rows} (in that order) as a new table that remembers their original indices. */
    public CodeTable rows(int[] rows) {
        float[] c = new float[rows.length * k];
        float[] e = new float[rows.length];
        int[] idx = new int[rows.length];
        for (int r = 0; r < rows.length; r++) {
            System.arraycopy(codes, rows[r] * k, c, r * k, k);
            e[r] = errors[rows[r]];
            idx[r] = index(rows[r]);
        }
        return new CodeTable(data.subset(data.name(), rows), c, k, e, idx);
    }

    /**
     * At most {@code max} rows drawn uniformly without replacement from {@code seed}, kept in their original order
     * (this table itself if it has no more than {@code max} rows).
     */
    public CodeTable sample(int max, long seed) {
        int n = size();
        if (max >= n) {
            return this;
        }
        if (max < 1) {
            throw new IllegalArgumentException("a sample needs at least one row, got " + max);
        }
        // A partial Fisher-Yates shuffle picks the rows; sorting keeps the data set's order in the files.
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        Rng rng = new Rng(seed);
        for (int i = 0; i < max; i++) {
            int j = i + rng.nextInt(n - i);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        int[] picked = Arrays.copyOf(perm, max);
        Arrays.sort(picked);
        return rows(picked);
    }
}
