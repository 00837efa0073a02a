package latentlab.data;

import latentlab.math.Rng;

/**
 * Walks a dataset in shuffled minibatches, one epoch after another, turning bytes into floats in [0, 1] only for
 * the images of the current batch. The order depends only on the seed, so the same seed gives the same batches.
 * The last batch of an epoch may be smaller than the batch size (every image is seen once per epoch).
 */
public final class BatchSampler {
    private final Dataset data;
    private final int batchSize;
    private final int[] order;
    private final Rng rng;
    private int position;
    private int epoch;

    public BatchSampler(Dataset data, int batchSize, long seed) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        }
        this.data = data;
        this.batchSize = batchSize;
        this.rng = new Rng(seed);
        this.order = new int[data.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        rng.shuffle(order);
    }

    public int batchSize() {
        return batchSize;
    }

    /** Batches per epoch, counting a final smaller batch. */
    public int batchesPerEpoch() {
        return (data.size() + batchSize - 1) / batchSize;
    }

    /** Completed epochs. */
    public int epoch() {
        return epoch;
    }

    /** Images already served in the current epoch. */
    public int position() {
        return position;
    }

    /** Fraction of the current epoch already served, in [0, 1). */
    public double epochFraction() {
        return data.size() == 0 ? 0 : position / (double) data.size();
    }

    /**
     * Fills {@code x} (at least {@code batchSize * d} floats) with the next batch and {@code labels} (may be null)
     * with their labels.
     *
     * @return the number of images in the batch; after the last batch of an epoch the next call starts a new,
     *     reshuffled epoch
     */
    public int next(float[] x, int[] labels) {
        if (position >= order.length) {
            position = 0;
            epoch++;
            rng.shuffle(order);
        }
        int n = Math.min(batchSize, order.length - position);
        int d = data.dimension();
        for (int b = 0; b < n; b++) {
            int i = order[position + b];
            data.copyImage(i, x, b * d);
            if (labels != null) {
                labels[b] = data.label(i);
            }
        }
        position += n;
        return n;
    }

    /** Whether the last call to {@link #next} ended an epoch. */
    public boolean atEpochEnd() {
        return position >= order.length;
    }

    /** The state needed to continue exactly where this sampler is: rng state, epoch, position and order. */
    public State state() {
        return new State(rng.state(), epoch, position, order.clone());
    }

    /** Continues from a saved state (the dataset must be the same size). */
    public void restore(State s) {
        if (s.order().length != order.length) {
            throw new IllegalArgumentException("saved sampler covers " + s.order().length + " images, this dataset has "
                    + order.length);
        }
        rng.setState(s.rngState());
        epoch = s.epoch();
        position = s.position();
        System.arraycopy(s.order(), 0, order, 0, order.length);
    }

    /** A saved position in the stream of batches. */
    public record State(long rngState, int epoch, int position, int[] order) {
    }
}
