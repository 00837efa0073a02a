package latentlab.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import latentlab.compute.ComputePool;
import latentlab.data.BatchSampler;
import latentlab.data.Dataset;
import latentlab.eval.Encoding;
import latentlab.eval.ReconstructionError;
import latentlab.nn.Autoencoder;
import latentlab.nn.optim.Optimizer;

/**
 * Trains an autoencoder on its own thread, which alone owns the live network. Other threads control it (play,
 * pause, single steps, reset, learning rate, speed) and read {@link #latest()}: an immutable {@link Snapshot},
 * republished about every 100 ms, never the weights being updated.
 *
 * <p>Each step draws a shuffled minibatch (seeded), runs a data-parallel forward/backward pass and an optimiser
 * update. After every epoch the network is evaluated on the test set. If the loss becomes NaN or infinite the
 * trainer restores the last published weights, stops and says so.
 *
 * <p>Codes of the display images (e.g. the 10,000 test digits) are recomputed at publication time, but never
 * using more than about a quarter of the time: at full speed they refresh a few times per second, in slow
 * motion or single steps after every change.
 */
public final class Trainer implements AutoCloseable {
    /** Default time between snapshots. */
    public static final int DEFAULT_PUBLISH_MILLIS = 100;
    private static final double LOSS_SMOOTHING = 0.05;

    private final Dataset train;
    private final Dataset test;
    private final Dataset display;
    private final Autoencoder net;
    private final ComputePool pool;
    private final float[] batch;
    private final List<TrainingListener> listeners = new CopyOnWriteArrayList<>();
    private final AtomicReference<Snapshot> latest = new AtomicReference<>();
    private final Thread thread;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    // Commands, guarded by lock.
    private boolean running;
    private int pendingBatches;
    private boolean pendingEpoch;
    private boolean resetRequested;
    private boolean closed;

    private volatile TrainingConfig config;
    private volatile double maxStepsPerSecond = Double.POSITIVE_INFINITY;
    private volatile int publishMillis = DEFAULT_PUBLISH_MILLIS;
    private volatile boolean evaluateEachEpoch = true;
    private volatile boolean busy;
    private final List<Runnable> trainingThreadTasks = new ArrayList<>();

    // Owned by the training thread.
    private Optimizer optimizer;
    private DataParallelStep stepper;
    private BatchSampler sampler;
    private long step;
    private long version;
    private double runningLoss = Double.NaN;
    private double lastBatchLoss = Double.NaN;
    private double epochLossSum;
    private int epochSamples;
    private long epochNanos;
    private final LossTrace batchLosses = new LossTrace();
    private final LossTrace klLosses = new LossTrace();
    private double runningKl = Double.NaN;
    private final List<EpochRecord> epochs = new ArrayList<>();
    private float[] displayCodes;
    private long codesStep = -1;
    private long lastCodesNanos;
    /** A code refresh spread over several training steps: the frozen model, its step, the codes so far. */
    private Autoencoder cyclingModel;
    private long cyclingStep;
    private float[] cyclingCodes;
    private int cyclingNext;
    private double nanosPerCode = 20_000;
    private double nanosPerStep = 5_000_000;
    private long lastPublishNanos;
    private long rateWindowStart;
    private long rateWindowSamples;
    private double samplesPerSecond;
    private TrainingState state = TrainingState.PAUSED;
    private String message;
    /** The newest published model whose loss was not blowing up, and its step: what divergence rolls back to. */
    private Autoencoder goodModel;
    private long goodStep;
    private double bestLoss = Double.POSITIVE_INFINITY;

    /**
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
        this.config = Objects.requireNonNull(config);
        this.train = Objects.requireNonNull(train);
        this.test = test;
        this.display = display;
        if (train.dimension() != config.architecture().inputSize()) {
            throw new IllegalArgumentException("the network takes " + config.architecture().inputSize()
                    + " inputs but the images have " + train.dimension() + " pixels");
        }
        if (train.size() == 0) {
            throw new IllegalArgumentException("the training set is empty");
        }
        this.net = Autoencoder.initialized(config.architecture(), config.seed());
        this.pool = new ComputePool(config.threads());
        this.batch = new float[config.batchSize() * train.dimension()];
        freshRun();
        if (resume != null) {
            applyCheckpoint(resume);
        }
        // The first codes are computed on the training thread: encoding thousands of images must not hold up the
        // thread that creates the trainer (the window's).
        publish(false);
        this.thread = new Thread(this::loop, "latentlab-trainer");
        thread.setDaemon(true);
        thread.start();
    }

    private void freshRun() {
        TrainingConfig c = config;
        net.initialize(c.seed());
        optimizer = c.optimizer().create(net.parameterCount(), c.learningRate(), c.momentum(), c.weightDecay());
        stepper = new DataParallelStep(net, c.loss(), optimizer, pool, c.batchSize());
        stepper.setBeta(c.beta());
        stepper.setCorruption(c.corruption());
        sampler = new BatchSampler(train, c.batchSize(), c.samplerSeed());
        step = 0;
        runningLoss = Double.NaN;
        lastBatchLoss = Double.NaN;
        epochLossSum = 0;
        epochSamples = 0;
        epochNanos = 0;
        batchLosses.clear();
        klLosses.clear();
        runningKl = Double.NaN;
        epochs.clear();
        displayCodes = null;
        codesStep = -1;
        cyclingModel = null;
        samplesPerSecond = 0;
        message = null;
        goodModel = null;
        goodStep = 0;
        bestLoss = Double.POSITIVE_INFINITY;
    }

    private void applyCheckpoint(Checkpoint cp) {
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
        epochs.addAll(cp.epochs());
        LossTrace.View v = cp.batchLosses();
        for (int i = 0; i < v.length(); i++) {
            batchLosses.add(v.step(i), v.value(i));
        }
        if (v.length() > 0) {
            // The smoothed loss the window showed when it was saved: the same average replayed over the history.
            double r = Double.NaN;
            for (int i = 0; i < v.length(); i++) {
                double x = v.value(i);
                r = Double.isNaN(r) ? x : r + LOSS_SMOOTHING * (x - r);
            }
            runningLoss = r;
            lastBatchLoss = v.value(v.length() - 1);
        }
        LossTrace.View kv = cp.klLosses();
        for (int i = 0; i < kv.length(); i++) {
            klLosses.add(kv.step(i), kv.value(i));
        }
        if (kv.length() > 0) {
            runningKl = kv.value(kv.length() - 1);
        }
    }

    // ------------------------------------------------------------------ control (any thread)

    /** Trains continuously until paused. */
    public void play() {
        command(() -> {
            running = true;
        });
    }

    /** Stops after the current minibatch. */
    public void pause() {
        command(() -> {
            running = false;
            pendingBatches = 0;
            pendingEpoch = false;
        });
    }

    /** Trains on one more minibatch (while paused). */
    public void stepBatch() {
        command(() -> {
            if (!running) {
                pendingBatches++;
            }
        });
    }

    /** Trains to the end of the current epoch, then pauses. */
    public void stepEpoch() {
        command(() -> {
            if (!running) {
                pendingEpoch = true;
            }
        });
    }

    /** Re-initialises the network from the seed and forgets the history; pauses. */
    public void reset() {
        command(() -> {
            running = false;
            pendingBatches = 0;
            pendingEpoch = false;
            resetRequested = true;
        });
    }

    private void command(Runnable r) {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            r.run();
            wake.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Whether the trainer is training continuously (or about to). */
    public boolean isRunning() {
        lock.lock();
        try {
            return running;
        } finally {
            lock.unlock();
        }
    }

    /** Changes the learning rate from the next step on, without resetting anything. */
    public void setLearningRate(double lr) {
        Optimizer.checkLearningRate(lr);
        config = config.withLearningRate(lr);
        Optimizer o = optimizer;
        if (o != null) {
            o.setLearningRate(lr);
        }
    }

    /** Changes the L2 weight decay from the next step on. */
    public void setWeightDecay(double wd) {
        Optimizer.checkWeightDecay(wd);
        config = config.withWeightDecay(wd);
        Optimizer o = optimizer;
        if (o != null) {
            o.setWeightDecay(wd);
        }
    }

    /** Changes the weight of a VAE's KL term from the next step on. */
    public void setBeta(double beta) {
        TrainingConfig.checkBeta(beta);
        config = config.withBeta(beta);
        DataParallelStep st = stepper;
        if (st != null) {
            st.setBeta(beta);
        }
    }

    /** Changes the denoising input corruption from the next step on (0 = off). */
    public void setCorruption(double p) {
        TrainingConfig.checkCorruption(p);
        config = config.withCorruption(p);
        DataParallelStep st = stepper;
        if (st != null) {
            st.setCorruption(p);
        }
    }

    /** Limits training to this many minibatches per second (slow motion); infinity = full speed. */
    public void setMaxStepsPerSecond(double stepsPerSecond) {
        if (!(stepsPerSecond > 0)) {
            throw new IllegalArgumentException("speed must be positive, got " + stepsPerSecond);
        }
        this.maxStepsPerSecond = stepsPerSecond;
        command(() -> {
        });
    }

    public double maxStepsPerSecond() {
        return maxStepsPerSecond;
    }

    /** Time between snapshots (default 100 ms). */
    public void setPublishInterval(int millis) {
        this.publishMillis = Math.max(10, millis);
    }

    /** Whether to evaluate on the test set after every epoch (default true). */
    public void setEvaluateEachEpoch(boolean evaluate) {
        this.evaluateEachEpoch = evaluate;
    }

    public TrainingConfig config() {
        return config;
    }

    /** The latest snapshot; never null. */
    public Snapshot latest() {
        return latest.get();
    }

    public void addListener(TrainingListener l) {
        listeners.add(l);
    }

    public void removeListener(TrainingListener l) {
        listeners.remove(l);
    }

    /** A checkpoint of the current state, taken on the training thread between steps. */
    public Checkpoint checkpoint() throws InterruptedException {
        AtomicReference<Checkpoint> out = new AtomicReference<>();
        runOnTrainingThread(() -> out.set(new Checkpoint(config, net.architecture(), net.parameters().clone(),
                optimizer.name(), copy(optimizer.stateBuffers()), step, sampler.state(), List.copyOf(epochs),
                batchLosses.view(), klLosses.view())));
        return out.get();
    }

    private static float[][] copy(float[][] a) {
        float[][] c = new float[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }

    /** Runs {@code r} on the training thread between two steps and waits for it. */
    private void runOnTrainingThread(Runnable r) throws InterruptedException {
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        command(() -> trainingThreadTasks.add(() -> {
            try {
                r.run();
            } finally {
                done.countDown();
            }
        }));
        if (!done.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the training thread did not answer");
        }
    }

    /**
     * Blocks until the trainer is paused with no pending steps (e.g. after {@link #stepEpoch()}), or the timeout
     * passes; returns whether it is idle.
     */
    public boolean awaitIdle(long timeout, TimeUnit unit) throws InterruptedException {
        long end = System.nanoTime() + unit.toNanos(timeout);
        while (System.nanoTime() < end) {
            lock.lock();
            try {
                if (closed || (!running && pendingBatches == 0 && !pendingEpoch && !resetRequested && !busy)) {
                    return true;
                }
            } finally {
                lock.unlock();
            }
            Thread.sleep(2);
        }
        return false;
    }

    /** Stops the training thread and the compute threads. */
    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            wake.signalAll();
        } finally {
            lock.unlock();
        }
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        pool.close();
    }

    // ------------------------------------------------------------------ the training thread

    private enum Work { STEP, RESET, TASKS, IDLE, CLOSE }

    private Work awaitWork() throws InterruptedException {
        lock.lock();
        try {
            while (!closed && !resetRequested && !running && pendingBatches == 0 && !pendingEpoch
                    && trainingThreadTasks.isEmpty()) {
                if (state == TrainingState.RUNNING) {
                    // Paused between two steps: say so before waiting.
                    return Work.IDLE;
                }
                busy = false;
                wake.await();
            }
            busy = true;
            if (closed) {
                return Work.CLOSE;
            }
            if (!trainingThreadTasks.isEmpty()) {
                return Work.TASKS;
            }
            if (resetRequested) {
                resetRequested = false;
                return Work.RESET;
            }
            if (!running && !pendingEpoch && pendingBatches > 0) {
                pendingBatches--;
            }
            return Work.STEP;
        } finally {
            lock.unlock();
        }
    }

    private void loop() {
        try {
            publish(true);
            while (true) {
                Work w = awaitWork();
                if (w == Work.CLOSE) {
                    break;
                }
                switch (w) {
                    case TASKS -> runTasks();
                    case IDLE -> {
                        setState(TrainingState.PAUSED, null);
                        publish(true);
                    }
                    case RESET -> {
                        freshRun();
                        setState(TrainingState.PAUSED, null);
                        publish(true);
                    }
                    default -> trainOneStep();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            setState(TrainingState.PAUSED, "Training stopped: " + e);
            publish(false);
        } finally {
            lock.lock();
            try {
                running = false;
                closed = true;
                busy = false;
            } finally {
                lock.unlock();
            }
            state = TrainingState.CLOSED;
            publish(false);
        }
    }

    private void runTasks() {
        List<Runnable> tasks;
        lock.lock();
        try {
            tasks = new ArrayList<>(trainingThreadTasks);
            trainingThreadTasks.clear();
        } finally {
            lock.unlock();
        }
        tasks.forEach(Runnable::run);
    }

    private void trainOneStep() throws InterruptedException {
        TrainingState now0 = isRunning() ? TrainingState.RUNNING : TrainingState.PAUSED;
        if (state != now0) {
            setState(now0, null);
        }
        long t0 = System.nanoTime();
        int rows = sampler.next(batch, null);
        double recon = stepper.step(batch, rows, noiseSeed(step)) / rows;
        double kl = stepper.lastKl() / rows;
        boolean vae = net.architecture().isVariational();
        double loss = vae ? recon + config.beta() * kl : recon;
        long t1 = System.nanoTime();
        epochNanos += t1 - t0;
        if (!Double.isFinite(loss)) {
            diverge(loss);
            return;
        }
        step++;
        lastBatchLoss = loss;
        runningLoss = Double.isNaN(runningLoss) ? loss : runningLoss + LOSS_SMOOTHING * (loss - runningLoss);
        batchLosses.add(step, loss);
        if (vae) {
            klLosses.add(step, kl);
            runningKl = Double.isNaN(runningKl) ? kl : runningKl + LOSS_SMOOTHING * (kl - runningKl);
        }
        epochLossSum += loss * rows;
        epochSamples += rows;
        countRate(rows, t1);
        boolean epochEnded = sampler.atEpochEnd();
        if (epochEnded) {
            finishEpoch();
        }
        boolean stillWorking;
        lock.lock();
        try {
            if (epochEnded && pendingEpoch) {
                pendingEpoch = false;
            }
            stillWorking = running || pendingEpoch || pendingBatches > 0;
        } finally {
            lock.unlock();
        }
        if (!stillWorking && state == TrainingState.RUNNING) {
            setState(TrainingState.PAUSED, null);
        }
        nanosPerStep += 0.1 * ((t1 - t0) - nanosPerStep);
        long now = System.nanoTime();
        if (!stillWorking) {
            cyclingModel = null;
            publish(true);
        } else {
            boolean fresh = advanceCodeCycle(now);
            if (fresh || epochEnded || now - lastPublishNanos >= publishMillis * 1_000_000L) {
                publish(false);
            }
        }
        throttle(t0);
    }

    /** The noise of a VAE's step: a function of the seed and the step only, so runs repeat exactly. */
    private long noiseSeed(long s) {
        return config.seed() * 0xD1B54A32D192ED03L + (s + 1) * 0x9E3779B97F4A7C15L;
    }

    private void countRate(int rows, long now) {
        if (rateWindowStart == 0) {
            rateWindowStart = now;
        }
        rateWindowSamples += rows;
        long span = now - rateWindowStart;
        if (span >= 500_000_000L) {
            samplesPerSecond = rateWindowSamples / (span / 1e9);
            rateWindowStart = now;
            rateWindowSamples = 0;
        }
    }

    /** Sleeps (interruptibly by commands) so that steps are at least 1 / maxStepsPerSecond apart. */
    private void throttle(long stepStart) throws InterruptedException {
        double max = maxStepsPerSecond;
        if (Double.isInfinite(max)) {
            return;
        }
        long due = stepStart + (long) (1e9 / max);
        lock.lock();
        try {
            long wait;
            while ((wait = due - System.nanoTime()) > 0 && !closed && !resetRequested && running
                    && trainingThreadTasks.isEmpty() && maxStepsPerSecond == max) {
                wake.awaitNanos(wait);
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * While training runs, the display codes are refreshed a chunk at a time after each step, with a model frozen at
     * the cycle's start, so that encoding never takes both cores for long (the window stays smooth) and costs
     * about a quarter of the training time. Returns true when a cycle completed.
     */
    private boolean advanceCodeCycle(long now) {
        if (display == null) {
            return false;
        }
        if (cyclingModel == null) {
            if (now - lastCodesNanos < publishMillis * 1_000_000L) {
                return false;
            }
            cyclingModel = net.copy();
            cyclingStep = step;
            cyclingCodes = new float[display.size() * net.latentSize()];
            cyclingNext = 0;
        }
        int rows = (int) Math.max(64, Math.min(display.size(), nanosPerStep * 0.33 / nanosPerCode));
        int to = Math.min(display.size(), cyclingNext + rows);
        long t0 = System.nanoTime();
        Encoding.encodeRange(cyclingModel, display, cyclingNext, to, pool, cyclingCodes);
        nanosPerCode += 0.2 * ((System.nanoTime() - t0) / (double) (to - cyclingNext) - nanosPerCode);
        cyclingNext = to;
        if (cyclingNext < display.size()) {
            return false;
        }
        displayCodes = cyclingCodes;
        codesStep = cyclingStep;
        cyclingModel = null;
        lastCodesNanos = System.nanoTime();
        return true;
    }

    private void finishEpoch() {
        double trainLoss = epochLossSum / Math.max(1, epochSamples);
        double seconds = epochNanos / 1e9;
        double rate = epochSamples / Math.max(1e-9, seconds);
        double testLoss = Double.NaN;
        double testSe = Double.NaN;
        double testKl = Double.NaN;
        if (test != null && evaluateEachEpoch) {
            ReconstructionError.Result r = ReconstructionError.evaluate(net, test, pool);
            testSe = r.squaredError();
            testLoss = config.loss().name().equals("bce") ? r.crossEntropy() : r.squaredError();
            if (net.architecture().isVariational()) {
                testKl = latentlab.eval.KlDivergence.mean(net, test, pool);
            }
        }
        EpochRecord rec = new EpochRecord(sampler.epoch() + 1, step, trainLoss, testLoss, testSe, seconds, rate,
                testKl);
        epochs.add(rec);
        epochLossSum = 0;
        epochSamples = 0;
        epochNanos = 0;
        for (TrainingListener l : listeners) {
            l.epochFinished(rec);
        }
    }

    private void diverge(double loss) {
        net.copyParametersFrom(goodModel);
        TrainingConfig c = config;
        optimizer = c.optimizer().create(net.parameterCount(), c.learningRate(), c.momentum(), c.weightDecay());
        stepper = new DataParallelStep(net, c.loss(), optimizer, pool, c.batchSize());
        stepper.setBeta(c.beta());
        stepper.setCorruption(c.corruption());
        lock.lock();
        try {
            running = false;
            pendingBatches = 0;
            pendingEpoch = false;
        } finally {
            lock.unlock();
        }
        step = goodStep;
        setState(TrainingState.DIVERGED, String.format(
                "Training diverged (the loss became %s at learning rate %.3g) — learning rate too high? "
                        + "Kept the last good model from step %,d; lower the learning rate and press Play.",
                Double.isNaN(loss) ? "NaN" : "infinite", c.learningRate(), goodStep));
        publish(true);
    }

    private void setState(TrainingState s, String msg) {
        state = s;
        message = msg;
        for (TrainingListener l : listeners) {
            l.stateChanged(s, msg);
        }
    }

    /** Publishes a snapshot; recomputes the display codes if asked (and there are display images). */
    private void publish(boolean refreshCodes) {
        if (refreshCodes && display != null) {
            if (displayCodes == null || codesStep != step) {
                float[] codes = new float[display.size() * net.latentSize()];
                Encoding.encodeInto(net, display, pool, codes, latentlab.compute.Progress.NONE);
                displayCodes = codes;
                codesStep = step;
            }
            lastCodesNanos = System.nanoTime();
        }
        lastPublishNanos = System.nanoTime();
        version++;
        Autoencoder copy = net.copy();
        // A model counts as good while its loss has not run away from the best seen (a loss can be finite but
        // already exploding, and rolling back to that would only diverge again).
        if (Double.isFinite(runningLoss)) {
            bestLoss = Math.min(bestLoss, runningLoss);
        }
        if (goodModel == null || (Double.isFinite(runningLoss) && runningLoss <= 2 * bestLoss && copy.isFinite())) {
            goodModel = copy;
            goodStep = step;
        }
        boolean atEnd = sampler.atEpochEnd();
        latest.set(new Snapshot(version, copy, config, state, message, step,
                atEnd ? sampler.epoch() + 1 : sampler.epoch(), atEnd ? 0 : sampler.epochFraction(),
                sampler.batchesPerEpoch(), lastBatchLoss,
                runningLoss, samplesPerSecond, displayCodes, codesStep, batchLosses.view(), List.copyOf(epochs),
                klLosses.view(), runningKl));
    }
}
