package latentlab.train;

import java.util.Objects;

import latentlab.compute.ComputePool;
import latentlab.data.BatchSampler;
import latentlab.data.Dataset;
import latentlab.nn.Autoencoder;
import latentlab.nn.optim.Optimizer;

/**
 * The live state of a training run, owned by the training thread: the network, its optimiser, the data-parallel
 * step, the shuffled batch order and the step count. This is everything a run needs to continue exactly: the noise of
 * a step (a VAE's samples, the denoising mask) is a function of the seed and the step number, so there is no random
 * generator state to keep. {@link #checkpoint} captures it and {@link #restore} takes it back, which is all that a
 * history of earlier moments to return to would need.
 *
 * <p>The learning rate, weight decay, beta and corruption may be changed from any thread; they take effect from the
 * next step.
 */
final class TrainingRun {
    private final Dataset train;
    private final ComputePool pool;
    private final Autoencoder net;
    private final float[] batch;
    private volatile TrainingConfig config;
    private volatile Optimizer optimizer;
    private volatile DataParallelStep stepper;
    private BatchSampler sampler;
    private long step;
    /** A schedule given from another thread, taken up at the next step. */
    private final java.util.concurrent.atomic.AtomicReference<ScheduledRun> newSchedule =
            new java.util.concurrent.atomic.AtomicReference<>();
    /** The schedule in force (training thread), or null: the learning rate stays as set. */
    private ScheduledRun schedule;

    /**
     * A schedule over {@code epochs} epochs counted from step {@code origin}; the rate of each step is the schedule's
     * for the configuration's learning rate as the base.
     */
    private record ScheduledRun(LearningRateSchedule schedule, int epochs, long origin) {
    }

    /** The loss of one step, per image: the reconstruction term and (VAE) the KL term before its weight. */
    record StepLoss(double reconstruction, double kl, double objective, int rows) {
    }

    TrainingRun(TrainingConfig config, Dataset train, ComputePool pool) {
        this.config = Objects.requireNonNull(config);
        this.train = Objects.requireNonNull(train);
        this.pool = Objects.requireNonNull(pool);
        if (train.dimension() != config.architecture().inputSize()) {
            throw new IllegalArgumentException("the network takes " + config.architecture().inputSize()
                    + " inputs but the images have " + train.dimension() + " pixels");
        }
        if (train.size() == 0) {
            throw new IllegalArgumentException("the training set is empty");
        }
        this.net = Autoencoder.initialized(config.architecture(), config.seed());
        this.batch = new float[config.batchSize() * train.dimension()];
        fresh();
    }

    /** Starts over: weights drawn from the seed, a new optimiser and batch order, step 0. */
    void fresh() {
        TrainingConfig c = config;
        net.initialize(c.seed());
        newOptimizer();
        sampler = new BatchSampler(train, c.batchSize(), c.samplerSeed());
        step = 0;
        if (schedule != null) {
            schedule = new ScheduledRun(schedule.schedule(), schedule.epochs(), 0);
        }
    }

    private void newOptimizer() {
        TrainingConfig c = config;
        Optimizer o = c.optimizer().create(net.parameterCount(), c.learningRate(), c.momentum(), c.weightDecay());
        DataParallelStep s = new DataParallelStep(net, c.loss(), o, pool, c.batchSize(), c.threads());
        s.setBeta(c.beta());
        s.setCorruption(c.corruption());
        optimizer = o;
        stepper = s;
    }

    /**
     * Continues a saved run: its weights, and its optimiser state and batch order where they were saved and still
     * fit (otherwise those start afresh).
     */
    void restore(Checkpoint cp) {
        if (!cp.architecture().equals(config.architecture())) {
            throw new IllegalArgumentException("the checkpoint is for " + cp.architecture() + ", not "
                    + config.architecture());
        }
        System.arraycopy(cp.parameters(), 0, net.parameters(), 0, net.parameterCount());
        if (cp.optimizerState() != null && cp.optimizerName().equals(optimizer.name())) {
            optimizer.restore(cp.step(), cp.optimizerState());
        }
        if (cp.sampler() != null && cp.sampler().order().length == train.size()) {
            sampler.restore(cp.sampler());
        }
        step = cp.step();
    }

    /**
     * Goes to a kept keyframe: its weights, its optimiser state (a fresh optimiser if it kept none), its batch order
     * and step.
     */
    void restore(Moment key) {
        if (key.weights().length != net.parameterCount() || !key.keyframe()) {
            throw new IllegalArgumentException("step " + key.step() + " is not a keyframe of this network");
        }
        System.arraycopy(key.weights(), 0, net.parameters(), 0, net.parameterCount());
        newOptimizer();
        Moment.OptimizerState os = key.optimizer();
        if (os.buffers() != null) {
            if (!os.name().equals(optimizer.name())) {
                throw new IllegalArgumentException("step " + key.step() + " kept the state of " + os.name() + ", not "
                        + optimizer.name());
            }
            optimizer.restore(os.steps(), os.buffers());
        }
        sampler = new BatchSampler(train, config.batchSize(), config.samplerSeed());
        sampler.restore(key.sampler());
        step = key.step();
    }

    /** The run's state with the given history. */
    Checkpoint checkpoint(LossHistory history) {
        float[][] state = optimizer.stateBuffers();
        float[][] copy = new float[state.length][];
        for (int i = 0; i < state.length; i++) {
            copy[i] = state[i].clone();
        }
        return new Checkpoint(config, net.architecture(), net.parameters().clone(), optimizer.name(), copy, step,
                sampler.state(), history.epochs(), history.batchLosses(), history.klLosses());
    }

    /**
     * From the next step on, sets the learning rate at every step from {@code s} over a run of {@code epochs} epochs
     * that starts at that step, with the configuration's learning rate as the base (null: stop scheduling; the rate
     * stays where the schedule left it until set). Any thread.
     */
    void setSchedule(LearningRateSchedule s, int epochs) {
        if (s != null && epochs < 1) {
            throw new IllegalArgumentException("a schedule needs at least one epoch, got " + epochs);
        }
        newSchedule.set(new ScheduledRun(s, epochs, -1));
    }

    /** Trains on the next minibatch; the step count goes up only if the loss is finite. */
    StepLoss trainStep() {
        ScheduledRun given = newSchedule.getAndSet(null);
        if (given != null) {
            schedule = given.schedule() == null ? null : new ScheduledRun(given.schedule(), given.epochs(), step);
        }
        if (schedule != null) {
            optimizer.setLearningRate(schedule.schedule().rateAtStep(config.learningRate(), step - schedule.origin(),
                    sampler.batchesPerEpoch(), schedule.epochs()));
        }
        int rows = sampler.next(batch, null);
        DataParallelStep s = stepper;
        double recon = s.step(batch, rows, noiseSeed(step)) / rows;
        double kl = s.lastKl() / rows;
        double loss = net.architecture().isVariational() ? recon + config.beta() * kl : recon;
        if (Double.isFinite(loss)) {
            step++;
        }
        return new StepLoss(recon, kl, loss, rows);
    }

    /** The noise of a VAE's step: a function of the seed and the step only, so runs repeat exactly. */
    private long noiseSeed(long s) {
        return config.seed() * 0xD1B54A32D192ED03L + (s + 1) * 0x9E3779B97F4A7C15L;
    }

    /** Back to {@code good} at step {@code goodStep}, with a fresh optimiser (its moments led to the divergence). */
    void rollBack(Autoencoder good, long goodStep) {
        net.copyParametersFrom(good);
        newOptimizer();
        step = goodStep;
    }

    Optimizer optimizer() {
        return optimizer;
    }

    Autoencoder network() {
        return net;
    }

    TrainingConfig config() {
        return config;
    }

    long step() {
        return step;
    }

    BatchSampler sampler() {
        return sampler;
    }

    void setLearningRate(double lr) {
        Optimizer.checkLearningRate(lr);
        config = config.withLearningRate(lr);
        optimizer.setLearningRate(lr);
    }

    void setWeightDecay(double wd) {
        Optimizer.checkWeightDecay(wd);
        config = config.withWeightDecay(wd);
        optimizer.setWeightDecay(wd);
    }

    void setBeta(double beta) {
        TrainingConfig.checkBeta(beta);
        config = config.withBeta(beta);
        stepper.setBeta(beta);
    }

    void setCorruption(double p) {
        TrainingConfig.checkCorruption(p);
        config = config.withCorruption(p);
        stepper.setCorruption(p);
    }
}
