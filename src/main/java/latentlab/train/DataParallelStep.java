package latentlab.train;

import latentlab.compute.ComputePool;
import latentlab.math.KernelSet;
import latentlab.nn.Autoencoder;
import latentlab.nn.Dense;
import latentlab.nn.Workspace;
import latentlab.nn.loss.Loss;
import latentlab.nn.optim.Optimizer;

/**
 * One synchronous minibatch step, data-parallel: the batch is cut into one slice of rows per thread, each thread
 * runs forward and backward on its slice with its own workspace and gradient vector, then the optimiser updates
 * disjoint ranges of the parameters from the sum of the slices' gradients (summed in a fixed order).
 *
 * <p>Objective: the mean over the batch of the per-image loss (summed over pixels), so the gradient scale is
 * 1 / rows. The batch is split into a fixed number of parts (the run's thread count), whichever threads of the pool
 * run them, so the same seed and thread count give bit-identical weights. The update is element-wise, so its ranges
 * are claimed in chunks of {@value #UPDATE_GRAIN} parameters.
 */
public final class DataParallelStep {
    /** Parameters per chunk of the optimiser update: a few dozen chunks for the larger networks. */
    static final int UPDATE_GRAIN = 32_768;

    private final Autoencoder net;
    private final Loss loss;
    private final Optimizer optimizer;
    private final ComputePool pool;
    private final KernelSet kernels;
    private final Workspace[] workspaces;
    private final float[][] grads;
    private final double[] partLoss;
    private final double[][] partKl;
    private final int maxBatch;
    private final int parts;
    private volatile double beta = 1.0;
    private volatile double corruption;
    private final float[] corrupted;
    private double lastKl;

    /** A step whose batch is split into one part per thread of {@code pool}. */
    public DataParallelStep(Autoencoder net, Loss loss, Optimizer optimizer, ComputePool pool, int maxBatch) {
        this(net, loss, optimizer, pool, maxBatch, pool.threads());
    }

    /**
     * A step whose batch is split into {@code parts} slices of rows, each with its own workspace and gradient, run on
     * the threads of {@code pool}: the weights depend on {@code parts}, not on the pool.
     */
    public DataParallelStep(Autoencoder net, Loss loss, Optimizer optimizer, ComputePool pool, int maxBatch,
                            int parts) {
        if (parts < 1) {
            throw new IllegalArgumentException("a step needs at least 1 part, got " + parts);
        }
        loss.checkOutput(net.architecture().output());
        this.net = net;
        this.loss = loss;
        this.optimizer = optimizer;
        this.pool = pool;
        this.kernels = KernelSet.get();
        this.maxBatch = maxBatch;
        this.parts = parts;
        int rowsPerPart = (maxBatch + parts - 1) / parts;
        this.workspaces = new Workspace[parts];
        this.grads = new float[parts][];
        for (int t = 0; t < parts; t++) {
            workspaces[t] = new Workspace(net.architecture(), Math.max(1, rowsPerPart));
            grads[t] = new float[net.parameterCount()];
        }
        this.partLoss = new double[parts];
        this.partKl = new double[parts][1];
        this.corrupted = new float[maxBatch * net.inputSize()];
    }

    /** Denoising: probability that an input pixel is zeroed (live; 0 = off). */
    public void setCorruption(double p) {
        this.corruption = TrainingConfig.checkCorruption(p);
    }

    /** Weight of a VAE's KL term (live). */
    public void setBeta(double b) {
        this.beta = TrainingConfig.checkBeta(b);
    }

    /** Summed KL divergence of the last batch's images (VAE; 0 otherwise). */
    public double lastKl() {
        return lastKl;
    }

    public Autoencoder network() {
        return net;
    }

    public Optimizer optimizer() {
        return optimizer;
    }

    public Loss loss() {
        return loss;
    }

    /**
     * Trains on {@code rows} images stored one after another in {@code batch}; returns their summed loss (divide by
     * rows for the per-image loss). The parameters are updated in place.
     */
    public double step(float[] batch, int rows) {
        return step(batch, rows, 0);
    }

    /**
     * Same, drawing a VAE's noise from {@code noiseSeed}; returns the summed reconstruction loss (the KL sum is
     * {@link #lastKl()}; the objective is their weighted sum).
     */
    public double step(float[] batch, int rows, long noiseSeed) {
        if (rows < 1 || rows > maxBatch) {
            throw new IllegalArgumentException("batch of " + rows + " rows; this step takes 1.." + maxBatch);
        }
        float scale = 1f / rows;
        double b = beta;
        double p = corruption;
        int d = net.inputSize();
        pool.forEach(parts, t -> {
            int r0 = rowStart(rows, t);
            int r1 = rowStart(rows, t + 1);
            float[] input = batch;
            if (p > 0) {
                mask(batch, corrupted, r0 * d, r1 * d, p, noiseSeed ^ 0x5DEECE66DL, d);
                input = corrupted;
            }
            partKl[t][0] = 0;
            partLoss[t] = net.forwardBackward(kernels, input, batch, r0, r1, loss, scale, workspaces[t], grads[t], b,
                    noiseSeed, partKl[t]);
        });
        optimizer.beginStep();
        float[] params = net.parameters();
        pool.parallelFor(params.length, UPDATE_GRAIN, (p0, p1) -> {
            for (int l = 0; l < net.layerCount(); l++) {
                Dense layer = net.layer(l);
                update(params, layer.weightOffset(), layer.biasOffset(), p0, p1, true);
                update(params, layer.biasOffset(), layer.biasOffset() + layer.outputs(), p0, p1, false);
            }
        });
        double sum = 0;
        double kl = 0;
        for (int t = 0; t < parts; t++) {
            sum += partLoss[t];
            kl += partKl[t][0];
        }
        lastKl = kl;
        return sum;
    }

    /** First row of part {@code part} of a batch of {@code rows}: nearly equal slices, the same for every call. */
    private int rowStart(int rows, int part) {
        return (int) ((long) rows * part / parts);
    }

    /**
     * Masking noise: copies {@code x[from, to)} into {@code out}, zeroing each value with probability {@code p}; the
     * noise of each image follows from the seed and the image's place in the batch, whatever the thread.
     */
    static void mask(float[] x, float[] out, int from, int to, double p, long seed, int d) {
        for (int i = from; i < to; i += d) {
            latentlab.math.Rng rng = new latentlab.math.Rng(seed + (i / d + 1) * 0x9E3779B97F4A7C15L);
            for (int j = i; j < Math.min(to, i + d); j++) {
                out[j] = rng.nextDouble() < p ? 0f : x[j];
            }
        }
    }

    private void update(float[] params, int segFrom, int segTo, int p0, int p1, boolean weights) {
        int from = Math.max(segFrom, p0);
        int to = Math.min(segTo, p1);
        if (from < to) {
            optimizer.update(params, grads, from, to, weights);
        }
    }
}
