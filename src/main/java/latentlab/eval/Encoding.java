package latentlab.eval;

import latentlab.compute.ComputePool;
import latentlab.compute.Progress;
import latentlab.data.Dataset;
import latentlab.nn.Codec;

/** Codes of a whole data set, computed in chunks shared between the threads of a pool. */
public final class Encoding {
    private static final int CHUNK = 256;
    /** The smallest chunk of a range: below this, handing rows to another thread costs more than encoding them. */
    private static final int MIN_GRAIN = 16;
    /** Per-thread image buffer: the trainer encodes a few hundred images after every step, so no allocation. */
    private static final ThreadLocal<float[]> SCRATCH = ThreadLocal.withInitial(() -> new float[0]);

    private static float[] scratch(int size) {
        float[] b = SCRATCH.get();
        if (b.length < size) {
            b = new float[size];
            SCRATCH.set(b);
        }
        return b;
    }

    private Encoding() {
    }

    /** The {@code n x k} codes of every image of {@code data}. */
    public static float[] encode(Codec codec, Dataset data, ComputePool pool) {
        float[] out = new float[data.size() * codec.latentSize()];
        encodeInto(codec, data, pool, out, Progress.NONE);
        return out;
    }

    /**
     * The codes of every image, for a person waiting for them (scrubbing through a run's history): with the whole
     * pool even while training uses it ({@link ComputePool#parallelForUrgently}). The same codes as
     * {@link #encode}.
     */
    public static float[] encodeUrgently(Codec codec, Dataset data, ComputePool pool) {
        checkDimension(codec, data);
        float[] out = new float[data.size() * codec.latentSize()];
        pool.parallelForUrgently(data.size(), CHUNK, (slot, from, to) -> encodeRows(codec, data, from, to, out));
        return out;
    }

    /** Writes the codes of every image into {@code out} ({@code n x k}). */
    public static void encodeInto(Codec codec, Dataset data, ComputePool pool, float[] out, Progress progress) {
        checkDimension(codec, data);
        int n = data.size();
        String message = "Encoding " + data.name();
        pool.parallelFor(n, CHUNK, (slot, from, to) -> {
            encodeRows(codec, data, from, to, out);
            if (slot == 0) {
                progress.update(to, n, message);
            }
        });
    }

    /** Writes the codes of images [from, to) into {@code out} at their places ({@code n x k} layout). */
    public static void encodeRange(Codec codec, Dataset data, int from, int to, ComputePool pool, float[] out) {
        checkDimension(codec, data);
        int count = to - from;
        // A few chunks per thread even for the small ranges the trainer encodes between steps.
        int grain = Math.max(MIN_GRAIN, Math.min(CHUNK, (count + 2 * pool.threads() - 1) / (2 * pool.threads())));
        pool.parallelFor(count, grain, (a, b) -> encodeRows(codec, data, from + a, from + b, out));
    }

    /** Codes of images [from, to), at most {@link #CHUNK} of them, into their places in {@code out}. */
    private static void encodeRows(Codec codec, Dataset data, int from, int to, float[] out) {
        int d = data.dimension();
        float[] x = scratch((to - from) * d);
        for (int r = from; r < to; r++) {
            data.copyImage(r, x, (r - from) * d);
        }
        codec.encode(x, 0, to - from, out, from * codec.latentSize());
    }

    /**
     * Throws if any code is NaN or infinite, saying for how many images and which is the first: a network whose
     * weights are finite can still overflow on some inputs, and such codes must not be written or compared as if
     * they meant something.
     *
     * @param codes {@code n x k} codes
     * @param what  whose codes they are, e.g. "the test images of mnist"
     */
    public static void checkFinite(float[] codes, int k, String what) {
        int bad = 0;
        int first = -1;
        for (int i = 0; i < codes.length / k; i++) {
            for (int j = 0; j < k; j++) {
                if (!Float.isFinite(codes[i * k + j])) {
                    bad++;
                    first = first < 0 ? i : first;
                    break;
                }
            }
        }
        if (bad > 0) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT, "the codes of %,d of the %,d %s "
                    + "are NaN or infinite (the first: image %d): the network overflows on them, so their codes mean "
                    + "nothing", bad, codes.length / k, what, first));
        }
    }

    /** Throws if the codec's input size differs from the images' size. */
    public static void checkDimension(Codec codec, Dataset data) {
        if (codec.inputSize() != data.dimension()) {
            throw new IllegalArgumentException(codec.describe() + " takes " + codec.inputSize()
                    + " inputs but the images of " + data.name() + " have " + data.dimension() + " pixels");
        }
    }
}
