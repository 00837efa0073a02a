package latentlab.train;

import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import latentlab.compute.ComputePool;
import latentlab.data.Dataset;

/**
 * Trains an autoencoder on its own thread, which alone owns the live network. Other threads control it (play,
 * pause, single steps, reset, learning rate, speed) and read {@link #latest()}: an immutable {@link Snapshot},
 * republished about every 100 ms, never the weights being updated.
 *
 * <p>Each step draws a shuffled minibatch (seeded), runs a data-parallel forward/backward pass and an optimiser
 * update. After every epoch the network is evaluated on the test set. If the loss becomes NaN or infinite the
 * trainer restores the last published weights, stops and says so. Codes of the display images are recomputed while
 * training runs, a chunk after each step.
 *
 * <p>This class is the facade: the thread and its commands are {@link TrainingThread}'s, what a step does is
 * {@link TrainingSession}'s, the run's state {@link TrainingRun}'s.
 */
public final class Trainer implements AutoCloseable {
    /** Default time between snapshots. */
    public static final int DEFAULT_PUBLISH_MILLIS = 100;

    private final TrainingSession session;
    private final TrainingThread thread;
    private final ComputePool ownPool;

    /**
     * A trainer with a compute pool of its own, of the configuration's thread count.
     *
     * @param config  the run
     * @param train   images to train on
     * @param test    images evaluated after every epoch (may be null: no evaluation)
     * @param display images whose codes each snapshot carries (may be null)
     */
    public Trainer(TrainingConfig config, Dataset train, Dataset test, Dataset display) {
        this(config, train, test, display, null);
    }

    /** Same, continuing from a saved checkpoint (weights, optimiser state, batch order and history). */
    public Trainer(TrainingConfig config, Dataset train, Dataset test, Dataset display, Checkpoint resume) {
        this(config, train, test, display, resume, new ComputePool(config.threads()), true, TrainingClock.SYSTEM);
    }

    /**
     * A trainer whose data-parallel work runs on {@code pool}, shared with the rest of the process (the caller
     * closes it). The weights depend on the configuration's thread count, not on the pool's.
     *
     * @param resume a checkpoint to continue from, or null
     */
    public Trainer(TrainingConfig config, Dataset train, Dataset test, Dataset display, Checkpoint resume,
                   ComputePool pool) {
        this(config, train, test, display, resume, pool, false, TrainingClock.SYSTEM);
    }

    /**
     * Same, continuing {@code resume} whose codes of {@code display} are already known ({@code displayCodes},
     * {@code n x k}, e.g. kept with the saved network): the first snapshot carries them at once instead of waiting
     * for the images to be encoded. The caller vouches that they are that network's codes of those images.
     *
     * @throws IllegalArgumentException if {@code displayCodes} does not hold k values per display image
     */
    public Trainer(TrainingConfig config, Dataset train, Dataset test, Dataset display, Checkpoint resume,
                   float[] displayCodes, ComputePool pool) {
        this(config, train, test, display, resume, displayCodes, pool, false, TrainingClock.SYSTEM);
    }

    /** Same, on the given clock (tests advance their own). */
    public Trainer(TrainingConfig config, Dataset train, Dataset test, Dataset display, Checkpoint resume,
                   ComputePool pool, TrainingClock clock) {
        this(config, train, test, display, resume, pool, false, clock);
    }

    private Trainer(TrainingConfig config, Dataset train, Dataset test, Dataset display, Checkpoint resume,
                    ComputePool pool, boolean ownsPool, TrainingClock clock) {
        this(config, train, test, display, resume, null, pool, ownsPool, clock);
    }

    private Trainer(TrainingConfig config, Dataset train, Dataset test, Dataset display, Checkpoint resume,
                    float[] displayCodes, ComputePool pool, boolean ownsPool, TrainingClock clock) {
        Objects.requireNonNull(pool, "pool");
        Objects.requireNonNull(clock, "clock");
        this.ownPool = ownsPool ? pool : null;
        try {
            TrainingRun run = new TrainingRun(config, train, pool);
            this.session = new TrainingSession(run, test, display, pool, clock);
            if (resume != null) {
                session.restore(resume);
            }
            if (displayCodes != null) {
                session.seedCodes(displayCodes);
            }
            // Codes not known already are computed on the training thread: encoding thousands of images must not hold
            // up the thread that creates the trainer (the window's).
            session.publish(false);
            this.thread = new TrainingThread(session, clock);
        } catch (RuntimeException | Error e) {
            if (ownsPool) {
                pool.close();
            }
            throw e;
        }
        thread.start();
    }

    // ------------------------------------------------------------------ control (any thread)

    /** Trains continuously until paused. */
    public void play() {
        thread.play();
    }

    /** Trains continuously until {@code epochs} more epochs have ended (or it is paused), then pauses. */
    public void playEpochs(int epochs) {
        thread.playEpochs(epochs);
    }

    /** Stops after the current minibatch. */
    public void pause() {
        thread.pause();
    }

    /** Trains on one more minibatch (while paused). */
    public void stepBatch() {
        thread.stepBatch();
    }

    /** Trains to the end of the current epoch, then pauses. */
    public void stepEpoch() {
        thread.stepEpoch();
    }

    /** Re-initialises the network from the seed and forgets the history; pauses. */
    public void reset() {
        thread.reset();
    }

    /** Whether the trainer is training continuously (or about to). */
    public boolean isRunning() {
        return thread.isRunning();
    }

    /** Changes the learning rate from the next step on, without resetting anything. */
    public void setLearningRate(double lr) {
        session.run().setLearningRate(lr);
    }

    /**
     * From the next step on, sets the learning rate at every step from {@code schedule} over a run of {@code epochs}
     * epochs starting there, with the learning rate ({@link #setLearningRate}) as its base; null stops scheduling.
     */
    public void setSchedule(LearningRateSchedule schedule, int epochs) {
        session.run().setSchedule(schedule, epochs);
    }

    /** Changes the L2 weight decay from the next step on. */
    public void setWeightDecay(double wd) {
        session.run().setWeightDecay(wd);
    }

    /** Changes the weight of a VAE's KL term from the next step on. */
    public void setBeta(double beta) {
        session.run().setBeta(beta);
    }

    /** Changes the denoising input corruption from the next step on (0 = off). */
    public void setCorruption(double p) {
        session.run().setCorruption(p);
    }

    /** Limits training to this many minibatches per second (slow motion); infinity = full speed. */
    public void setMaxStepsPerSecond(double stepsPerSecond) {
        if (!(stepsPerSecond > 0)) {
            throw new IllegalArgumentException("speed must be positive, got " + stepsPerSecond);
        }
        thread.setMaxStepsPerSecond(stepsPerSecond);
    }

    public double maxStepsPerSecond() {
        return thread.maxStepsPerSecond();
    }

    /** Time between snapshots (default 100 ms). */
    public void setPublishInterval(int millis) {
        session.setPublishInterval(millis);
    }

    /** Whether to evaluate on the test set after every epoch (default true). */
    public void setEvaluateEachEpoch(boolean evaluate) {
        session.setEvaluateEachEpoch(evaluate);
    }

    public TrainingConfig config() {
        return session.run().config();
    }

    /** The latest snapshot; never null. */
    public Snapshot latest() {
        return session.latest();
    }

    public void addListener(TrainingListener l) {
        session.listeners().add(l);
    }

    public void removeListener(TrainingListener l) {
        session.listeners().remove(l);
    }

    /** A checkpoint of the current state, taken on the training thread between steps. */
    public Checkpoint checkpoint() throws InterruptedException {
        AtomicReference<Checkpoint> out = new AtomicReference<>();
        thread.runBetweenSteps(() -> out.set(session.checkpoint()));
        return out.get();
    }

    /** A run's last state and its history as of the same step. */
    public record Kept(Checkpoint checkpoint, Timeline timeline) {
    }

    /**
     * The run's last state and its history, both taken between the same two steps (a history read after
     * {@link #checkpoint()} may already hold moments of steps the checkpoint has not reached).
     */
    public Kept checkpointWithHistory() throws InterruptedException {
        AtomicReference<Kept> out = new AtomicReference<>();
        thread.runBetweenSteps(() -> out.set(new Kept(session.checkpoint(), session.timeline().timeline())));
        return out.get();
    }

    /**
     * Keeps the run's history from now on, within {@code budget} (null: keep none, forget it), continuing
     * {@code earlier} (the history saved with the run resumed, or null); the present is its newest moment. Takes
     * effect on the training thread before the next step; does not wait for it.
     */
    public void keepHistory(HistoryBudget budget, Timeline earlier) {
        thread.runBeforeNextStep(() -> session.timeline().start(budget, earlier, session.run()));
    }

    /** Records that this run branched from {@code parent} (kept in its history and its files), before the next step. */
    public void setParent(Lineage parent) {
        thread.runBeforeNextStep(() -> session.timeline().setParent(parent));
    }

    /** The kept history, as of the last step; {@link Timeline#NONE} unless {@link #keepHistory} was called. */
    public Timeline timeline() {
        return session.timeline().timeline();
    }

    /**
     * Blocks until the trainer is paused with no pending steps (e.g. after {@link #stepEpoch()}), or the timeout
     * passes; returns whether it is idle.
     */
    public boolean awaitIdle(long timeout, TimeUnit unit) throws InterruptedException {
        return thread.awaitIdle(timeout, unit);
    }

    /** Stops the training thread (and the compute threads, if the trainer made its own). */
    @Override
    public void close() {
        thread.close();
        if (ownPool != null) {
            ownPool.close();
        }
    }
}
