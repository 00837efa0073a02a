package latentlab.train;

import java.util.Objects;

import latentlab.nn.Architecture;
import latentlab.nn.loss.Loss;

/**
 * Everything that defines a training run: the network, the loss, the optimiser and its hyper-parameters, the
 * minibatch size, the seed and the number of threads. Validated on construction, with messages a user can act on.
 *
 * @param architecture network shape and activations
 * @param loss         reconstruction loss (checked against the output activation)
 * @param optimizer    which optimiser
 * @param learningRate step size, > 0 (can be changed while training)
 * @param batchSize    images per minibatch, 1..65536
 * @param seed         seeds the weights and the batch order
 * @param threads      compute threads, 1..256 (results are bit-identical for the same seed and thread count)
 * @param weightDecay  L2 coefficient on weights, in [0, 1)
 * @param momentum     SGD momentum in [0, 1) (ignored by Adam)
 * @param beta         weight of the KL term of a variational autoencoder, in [0, 1000] (can be changed while
 *                     training; ignored by plain autoencoders)
 * @param corruption   denoising: probability that each input pixel is set to 0 (masking noise, Vincent et al.
 *                     2008), in [0, 0.95]; the network still reconstructs the clean image; can change live
 */
public record TrainingConfig(Architecture architecture, Loss loss, OptimizerKind optimizer, double learningRate,
                             int batchSize, long seed, int threads, double weightDecay, double momentum, double beta,
                             double corruption) {
    /** Largest minibatch accepted. */
    public static final int MAX_BATCH = 65_536;

    public TrainingConfig {
        Objects.requireNonNull(architecture, "architecture");
        Objects.requireNonNull(loss, "loss");
        Objects.requireNonNull(optimizer, "optimizer");
        loss.checkOutput(architecture.output());
        latentlab.nn.optim.Optimizer.checkLearningRate(learningRate);
        latentlab.nn.optim.Optimizer.checkWeightDecay(weightDecay);
        if (batchSize < 1 || batchSize > MAX_BATCH) {
            throw new IllegalArgumentException("batch size must be between 1 and " + MAX_BATCH + ", got " + batchSize);
        }
        if (threads < 1 || threads > 256) {
            throw new IllegalArgumentException("threads must be between 1 and 256, got " + threads);
        }
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("momentum must be in [0, 1), got " + momentum);
        }
        checkBeta(beta);
        checkCorruption(corruption);
    }

    /** A configuration without input corruption. */
    public TrainingConfig(Architecture architecture, Loss loss, OptimizerKind optimizer, double learningRate,
                          int batchSize, long seed, int threads, double weightDecay, double momentum, double beta) {
        this(architecture, loss, optimizer, learningRate, batchSize, seed, threads, weightDecay, momentum, beta, 0);
    }

    /** Checks an input corruption level: in [0, 0.95]. */
    public static double checkCorruption(double p) {
        if (!(p >= 0 && p <= 0.95)) {
            throw new IllegalArgumentException("input corruption must be between 0 and 0.95, got " + p);
        }
        return p;
    }

    public TrainingConfig withCorruption(double p) {
        return new TrainingConfig(architecture, loss, optimizer, learningRate, batchSize, seed, threads, weightDecay,
                momentum, beta, p);
    }

    /** A configuration with beta = 1 (the variational lower bound itself). */
    public TrainingConfig(Architecture architecture, Loss loss, OptimizerKind optimizer, double learningRate,
                          int batchSize, long seed, int threads, double weightDecay, double momentum) {
        this(architecture, loss, optimizer, learningRate, batchSize, seed, threads, weightDecay, momentum, 1.0);
    }

    /** Checks a KL weight: in [0, 1000]. */
    public static double checkBeta(double beta) {
        if (!(beta >= 0 && beta <= 1000)) {
            throw new IllegalArgumentException("beta must be between 0 and 1000, got " + beta);
        }
        return beta;
    }

    /** The reference recipe: the given network, cross-entropy, Adam 1e-3, batch 128, seed 1, all cores. */
    public static TrainingConfig defaults(Architecture architecture) {
        return new TrainingConfig(architecture, new latentlab.nn.loss.BinaryCrossEntropy(), OptimizerKind.ADAM, 1e-3,
                128, 1, latentlab.compute.ComputePool.defaultThreads(), 0, 0.9);
    }

    public TrainingConfig withLearningRate(double lr) {
        return new TrainingConfig(architecture, loss, optimizer, lr, batchSize, seed, threads, weightDecay, momentum, beta,
                corruption);
    }

    public TrainingConfig withWeightDecay(double wd) {
        return new TrainingConfig(architecture, loss, optimizer, learningRate, batchSize, seed, threads, wd, momentum,
                beta, corruption);
    }

    public TrainingConfig withSeed(long s) {
        return new TrainingConfig(architecture, loss, optimizer, learningRate, batchSize, s, threads, weightDecay, momentum,
                beta, corruption);
    }

    public TrainingConfig withThreads(int t) {
        return new TrainingConfig(architecture, loss, optimizer, learningRate, batchSize, seed, t, weightDecay, momentum,
                beta, corruption);
    }

    public TrainingConfig withBeta(double b) {
        return new TrainingConfig(architecture, loss, optimizer, learningRate, batchSize, seed, threads, weightDecay,
                momentum, b, corruption);
    }

    /**
     * Whether two configurations describe the same network and run, up to what can change while training: the
     * learning rate, weight decay, beta and input corruption.
     */
    public boolean sameRunAs(TrainingConfig o) {
        return architecture.equals(o.architecture) && loss.name().equals(o.loss.name()) && optimizer == o.optimizer
                && batchSize == o.batchSize && seed == o.seed && threads == o.threads && momentum == o.momentum;
    }

    /** The seed of the batch order, derived from the seed so it differs from the weights' stream. */
    public long samplerSeed() {
        return seed * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L;
    }

    @Override
    public String toString() {
        return architecture + " " + architecture.activationSummary() + ", loss " + loss.name() + ", " + optimizer.id()
                + " lr " + learningRate + ", batch " + batchSize + ", seed " + seed + ", threads " + threads
                + (weightDecay > 0 ? ", weight decay " + weightDecay : "")
                + (optimizer == OptimizerKind.SGD ? ", momentum " + momentum : "")
                + (architecture.isVariational() ? ", beta " + beta : "")
                + (corruption > 0 ? ", input corruption " + corruption : "");
    }
}
