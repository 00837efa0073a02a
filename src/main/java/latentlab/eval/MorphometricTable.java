package latentlab.eval;

import java.util.concurrent.atomic.AtomicInteger;

import latentlab.compute.CancelledException;
import latentlab.compute.ComputePool;
import latentlab.compute.Progress;
import latentlab.data.Dataset;
import latentlab.morpho.Morphometric;
import latentlab.morpho.MorphometricMeter;
import latentlab.morpho.Morphometrics;

/**
 * The morphometrics of every image of a data set (see {@link MorphometricMeter}), one column per {@link Morphometric}.
 * They depend on the images only, so the window measures a data set once and reuses the table for every model.
 */
public final class MorphometricTable {
    private static final int CHUNK = 64;
    private final Dataset data;
    private final double[][] columns;

    private MorphometricTable(Dataset data, double[][] columns) {
        this.data = data;
        this.columns = columns;
    }

    /** Measures every image of {@code data} on the pool's threads. */
    public static MorphometricTable measure(Dataset data, ComputePool pool, Progress progress) {
        int n = data.size();
        int d = data.dimension();
        double[][] cols = new double[Morphometric.values().length][n];
        int chunks = (n + CHUNK - 1) / CHUNK;
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        pool.run(t -> {
            MorphometricMeter meter = new MorphometricMeter();
            float[] img = new float[d];
            for (int c = next.getAndIncrement(); c < chunks; c = next.getAndIncrement()) {
                if (progress.isCancelled()) {
                    return;
                }
                for (int i = c * CHUNK; i < Math.min(n, (c + 1) * CHUNK); i++) {
                    data.copyImage(i, img, 0);
                    Morphometrics m = meter.measure(img, 0, data.rows(), data.cols());
                    for (Morphometric p : Morphometric.values()) {
                        cols[p.ordinal()][i] = m.get(p);
                    }
                }
                int finished = done.incrementAndGet();
                if (t == 0) {
                    progress.update(finished, chunks, "Measuring the images of " + data.name());
                }
            }
        });
        if (progress.isCancelled()) {
            throw new CancelledException();
        }
        return new MorphometricTable(data, cols);
    }

    /** The data set measured. */
    public Dataset data() {
        return data;
    }

    /** Number of images. */
    public int size() {
        return data.size();
    }

    /** One property of image {@code i} (NaN for the thickness and slant of an image without ink). */
    public double get(int i, Morphometric p) {
        return columns[p.ordinal()][i];
    }

    /** The column of one property (not a copy: don't modify it). */
    public double[] column(Morphometric p) {
        return columns[p.ordinal()];
    }

    /** Whether image {@code i} has ink (its thickness and slant are defined). */
    public boolean hasInk(int i) {
        return get(i, Morphometric.AREA) > 0;
    }
}
