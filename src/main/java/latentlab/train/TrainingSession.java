package latentlab.train;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import latentlab.compute.ComputePool;
import latentlab.data.BatchSampler;
import latentlab.data.Dataset;
import latentlab.eval.KlDivergence;
import latentlab.eval.ReconstructionError;
import latentlab.nn.Autoencoder;

/**
 * What the training thread does, step by step: trains, keeps the losses and the rate, evaluates after each epoch,
 * refreshes the display codes, rolls back when the loss diverges, and publishes immutable {@link Snapshot}s, about
 * every {@link Trainer#DEFAULT_PUBLISH_MILLIS} ms while training and at once when it stops. All of it runs on the
 * training thread, except {@link #latest()}, the settings and the listeners, which any thread may use.
 */
final class TrainingSession implements TrainingThread.Session {
    private final TrainingRun run;
    private final Dataset test;
    private final ComputePool pool;
    private final TrainingClock clock;
    private final LossHistory history = new LossHistory();
    private final CodeRefresher codes;
    private final TimelineRecorder timeline = new TimelineRecorder();
    private final RateMeter rate = new RateMeter();
    private final DivergenceGuard guard = new DivergenceGuard();
    private final List<TrainingListener> listeners = new CopyOnWriteArrayList<>();
    private final AtomicReference<Snapshot> latest = new AtomicReference<>();
    private volatile long publishNanos = TrainingClock.millis(Trainer.DEFAULT_PUBLISH_MILLIS);
    private volatile boolean evaluateEachEpoch = true;
    // Owned by the training thread (and by the constructor before it starts).
    private long version;
    private long lastPublish;
    private double nanosPerStep = 5_000_000;
    private double lastDivergentLoss;
    private TrainingState state = TrainingState.PAUSED;
    private String message;

    TrainingSession(TrainingRun run, Dataset test, Dataset display, ComputePool pool, TrainingClock clock) {
        this.run = run;
        this.test = test;
        this.pool = pool;
        this.clock = clock;
        this.codes = new CodeRefresher(display, pool);
    }

    /** Continues a saved run (before the thread starts). */
    void restore(Checkpoint cp) {
        run.restore(cp);
        history.restore(cp);
    }

    /** Takes codes of the display images computed before for the network as it is now (before the thread starts). */
    void seedCodes(float[] known) {
        codes.seed(known, run.network().latentSize(), run.step());
    }

    TrainingRun run() {
        return run;
    }

    Snapshot latest() {
        return latest.get();
    }

    List<TrainingListener> listeners() {
        return listeners;
    }

    void setPublishInterval(int millis) {
        publishNanos = TrainingClock.millis(Math.max(10, millis));
    }

    void setEvaluateEachEpoch(boolean evaluate) {
        this.evaluateEachEpoch = evaluate;
    }

    /** The run's state and history (training thread); the present joins the kept moments. */
    Checkpoint checkpoint() {
        timeline.captureNow(run);
        return run.checkpoint(history);
    }

    /** The kept moments (training thread, or the constructor's before it starts). */
    TimelineRecorder timeline() {
        return timeline;
    }

    // ------------------------------------------------------------------ the training thread

    @Override
    public void started() {
        publish(true);
    }

    @Override
    public TrainingThread.StepOutcome step(boolean continuous) {
        TrainingState now = continuous ? TrainingState.RUNNING : TrainingState.PAUSED;
        if (state != now) {
            setState(now, null);
        }
        timeline.beforeStep(run);
        long t0 = clock.nanoTime();
        TrainingRun.StepLoss loss = run.trainStep();
        long t1 = clock.nanoTime();
        history.addTrainingTime(t1 - t0);
        if (!Double.isFinite(loss.objective())) {
            lastDivergentLoss = loss.objective();
            return TrainingThread.StepOutcome.DIVERGED;
        }
        boolean vae = run.network().architecture().isVariational();
        history.record(run.step(), loss.objective(), loss.kl(), vae, loss.rows());
        rate.stepEnded(loss.rows(), t1);
        timeline.stepped(run);
        nanosPerStep += 0.1 * ((t1 - t0) - nanosPerStep);
        if (run.sampler().atEpochEnd()) {
            finishEpoch();
            return TrainingThread.StepOutcome.EPOCH_ENDED;
        }
        return TrainingThread.StepOutcome.STEPPED;
    }

    @Override
    public void stepped(boolean stillWorking, boolean epochEnded) {
        if (!stillWorking) {
            if (state == TrainingState.RUNNING) {
                setState(TrainingState.PAUSED, null);
            }
            rate.pause();
            codes.abandonCycle();
            publish(true);
            return;
        }
        boolean fresh = codes.advance(run.network(), run.step(), clock, publishNanos, nanosPerStep);
        if (fresh || epochEnded || clock.nanoTime() - lastPublish >= publishNanos) {
            publish(false);
        }
    }

    @Override
    public void paused() {
        if (state != TrainingState.PAUSED) {
            setState(TrainingState.PAUSED, null);
        }
        rate.pause();
        codes.abandonCycle();
        publish(true);
    }

    @Override
    public void diverged() {
        run.rollBack(guard.goodModel(), guard.goodStep());
        timeline.rolledBack(run);
        rate.pause();
        codes.abandonCycle();
        setState(TrainingState.DIVERGED, String.format(
                "Training diverged (the loss became %s at learning rate %.3g) — learning rate too high? "
                        + "Kept the last good model from step %,d; lower the learning rate and press Play.",
                Double.isNaN(lastDivergentLoss) ? "NaN" : "infinite", run.config().learningRate(), guard.goodStep()));
        publish(true);
    }

    @Override
    public void reset() {
        run.fresh();
        timeline.restarted(run);
        history.clear();
        codes.clear();
        rate.reset();
        guard.clear();
        setState(TrainingState.PAUSED, null);
        publish(true);
    }

    @Override
    public void ended(Throwable failure) {
        if (failure != null) {
            setState(TrainingState.PAUSED, "Training stopped: " + failure);
            publish(false);
        }
        state = TrainingState.CLOSED;
        publish(false);
    }

    private void finishEpoch() {
        double testLoss = Double.NaN;
        double testSe = Double.NaN;
        double testKl = Double.NaN;
        Autoencoder net = run.network();
        if (test != null && evaluateEachEpoch) {
            ReconstructionError.Result r = ReconstructionError.evaluate(net, test, pool);
            testSe = r.squaredError();
            testLoss = run.config().loss().name().equals("bce") ? r.crossEntropy() : r.squaredError();
            if (net.architecture().isVariational()) {
                testKl = KlDivergence.mean(net, test, pool);
            }
        }
        EpochRecord rec = history.finishEpoch(run.sampler().epoch() + 1, run.step(), testLoss, testSe, testKl);
        for (TrainingListener l : listeners) {
            l.epochFinished(rec);
        }
    }

    private void setState(TrainingState s, String msg) {
        state = s;
        message = msg;
        for (TrainingListener l : listeners) {
            l.stateChanged(s, msg);
        }
    }

    /** Publishes a snapshot; recomputes the display codes first if asked (and they are out of date). */
    void publish(boolean refreshCodes) {
        Autoencoder net = run.network();
        long now = clock.nanoTime();
        if (refreshCodes) {
            codes.refreshNow(net, run.step(), now);
        }
        lastPublish = now;
        version++;
        Autoencoder copy = net.copy();
        guard.offer(copy, run.step(), history.runningLoss());
        BatchSampler sampler = run.sampler();
        boolean atEnd = sampler.atEpochEnd();
        latest.set(new Snapshot(version, copy, run.config(), state, message, run.step(),
                atEnd ? sampler.epoch() + 1 : sampler.epoch(), atEnd ? 0 : sampler.epochFraction(),
                sampler.batchesPerEpoch(), history.lastBatchLoss(), history.runningLoss(), rate.perSecond(),
                codes.codes(), codes.codesStep(), history.batchLosses(), history.epochs(), history.klLosses(),
                history.runningKl()));
    }
}
