package latentlab.eval;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

import latentlab.compute.ComputePool;
import latentlab.morpho.MorphometricMeter;
import latentlab.morpho.Morphometrics;
import latentlab.nn.Codec;

/**
 * The notes' way of finding out what a dimension means — "artificially increasing or decreasing one of the
 * dimensions and seeing how it affects the output h(a)" — done for every dimension at once and measured: dimension j
 * is swept in equal steps from the 1st to the 99th percentile of the test codes' a_j, the others held at the median
 * code, and each decoded image h(a) gets its {@link Morphometrics}.
 *
 * @param steps  images per dimension
 * @param values a_j at each step: {@code values[j][s]}
 * @param images the decoded images, dimension by dimension and step by step ({@code k × steps × d})
 * @param morpho the morphometrics of each decoded image: {@code morpho[j][s]}
 */
public record LatentTraversal(int steps, float[][] values, float[] images, Morphometrics[][] morpho) {
    /** Sweeps every dimension of {@code codec} over the range of {@code codes} ({@code n × k}, the test set's). */
    public static LatentTraversal of(Codec codec, float[] codes, int n, int rows, int cols, int steps,
                                     ComputePool pool) {
        int k = codec.latentSize();
        int d = codec.inputSize();
        if (d != rows * cols) {
            throw new IllegalArgumentException("the model draws " + d + " pixels, not " + rows + " x " + cols);
        }
        if (codes.length < (long) n * k || n < 1) {
            throw new IllegalArgumentException(codes.length + " code values for " + n + " images of k = " + k);
        }
        if (steps < 2) {
            throw new IllegalArgumentException("a traversal needs at least 2 steps, got " + steps);
        }
        float[] median = new float[k];
        float[][] values = new float[k][steps];
        float[] column = new float[n];
        for (int j = 0; j < k; j++) {
            for (int i = 0; i < n; i++) {
                column[i] = codes[i * k + j];
            }
            Arrays.sort(column);
            median[j] = percentile(column, 0.5);
            float lo = percentile(column, 0.01);
            float hi = percentile(column, 0.99);
            for (int s = 0; s < steps; s++) {
                values[j][s] = lo + (hi - lo) * s / (steps - 1);
            }
        }
        float[] sweep = new float[k * steps * k];
        for (int j = 0; j < k; j++) {
            for (int s = 0; s < steps; s++) {
                int at = (j * steps + s) * k;
                System.arraycopy(median, 0, sweep, at, k);
                sweep[at + j] = values[j][s];
            }
        }
        float[] images = new float[k * steps * d];
        codec.decode(sweep, 0, k * steps, images, 0);
        Morphometrics[][] morpho = new Morphometrics[k][steps];
        AtomicInteger next = new AtomicInteger();
        pool.run(t -> {
            MorphometricMeter meter = new MorphometricMeter();
            for (int i = next.getAndIncrement(); i < k * steps; i = next.getAndIncrement()) {
                morpho[i / steps][i % steps] = meter.measure(images, i * d, rows, cols);
            }
        });
        return new LatentTraversal(steps, values, images, morpho);
    }

    /** The p-quantile of sorted values, interpolated between neighbours. */
    static float percentile(float[] sorted, double p) {
        double pos = p * (sorted.length - 1);
        int i = (int) Math.floor(pos);
        if (i >= sorted.length - 1) {
            return sorted[sorted.length - 1];
        }
        return (float) (sorted[i] + (pos - i) * (sorted[i + 1] - sorted[i]));
    }

    /** Number of dimensions swept. */
    public int dimensions() {
        return values.length;
    }
}
