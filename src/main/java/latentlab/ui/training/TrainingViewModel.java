package latentlab.ui.training;

import java.util.Objects;

import javafx.beans.InvalidationListener;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import latentlab.compute.ComputePool;
import latentlab.compute.NotEnoughMemoryException;
import latentlab.train.TrainingMemory;
import latentlab.train.TrainingPreset;
import latentlab.data.DatasetPair;
import latentlab.train.Checkpoint;
import latentlab.train.HistoryBudget;
import latentlab.train.Lineage;
import latentlab.train.Snapshot;
import latentlab.train.Timeline;
import latentlab.train.Trainer;
import latentlab.train.TrainingConfig;
import latentlab.train.TrainingState;

/**
 * The training panel's state and commands. Owns the {@link Trainer} (which owns the live network on its own
 * thread); once per frame {@link #poll()} picks up the latest snapshot, so the UI never waits for training.
 */
public final class TrainingViewModel {
    private final TrainingSettings settings = new TrainingSettings();
    private final ReadOnlyObjectWrapper<Snapshot> snapshot = new ReadOnlyObjectWrapper<>(this, "snapshot");
    private final ReadOnlyObjectWrapper<Timeline> timeline = new ReadOnlyObjectWrapper<>(this, "timeline",
            Timeline.NONE);
    private Timeline nextHistory = Timeline.NONE;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyBooleanWrapper ready = new ReadOnlyBooleanWrapper(this, "ready");
    private final ReadOnlyBooleanWrapper settingsChanged = new ReadOnlyBooleanWrapper(this, "settingsChanged");
    private final ReadOnlyStringWrapper settingsError = new ReadOnlyStringWrapper(this, "settingsError");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message");
    private final DoubleProperty speed = new SimpleDoubleProperty(this, "speed", TrainingPace.FULL_SPEED);
    private final EpochStop stop = new EpochStop();
    /** Training pauses when an epoch that reaches this count ends (0: never); read on the training thread. */
    private final ComputePool pool;
    private Trainer trainer;
    private DatasetPair data;
    private long seenVersion = -1;

    /** @param pool the window's one compute pool, which the training thread's data-parallel steps run on */
    public TrainingViewModel(ComputePool pool) {
        this.pool = pool;
        InvalidationListener structural = o -> checkSettings();
        for (var p : settings.structural()) {
            p.addListener(structural);
        }
        LiveSettings.forward(settings, speed, () -> trainer, this::checkSettings);
    }

    public TrainingSettings settings() {
        return settings;
    }

    /** The run's kept history, as of the latest snapshot. */
    public ReadOnlyObjectProperty<Timeline> timelineProperty() {
        return timeline.getReadOnlyProperty();
    }

    /** The latest snapshot (null before a data set is open). */
    public ReadOnlyObjectProperty<Snapshot> snapshotProperty() {
        return snapshot.getReadOnlyProperty();
    }

    public Snapshot getSnapshot() {
        return snapshot.get();
    }

    /** Whether training runs continuously. */
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** Whether there is a trainer (a data set is open). */
    public ReadOnlyBooleanProperty readyProperty() {
        return ready.getReadOnlyProperty();
    }

    /** Whether the settings describe a different network than the one training. */
    public ReadOnlyBooleanProperty settingsChangedProperty() {
        return settingsChanged.getReadOnlyProperty();
    }

    /** Why the settings are invalid, or null. */
    public ReadOnlyStringProperty settingsErrorProperty() {
        return settingsError.getReadOnlyProperty();
    }

    /** A message from training (divergence), or null. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Speed slider position in [0, 1]; 1 = full speed. */
    public DoubleProperty speedProperty() {
        return speed;
    }

    /**
     * Epochs to train after Play before training pauses by itself, at the end of an epoch (0: keep going). Counted
     * from the epoch under way when Play is pressed: 2 at epoch 10.4 pauses at the end of epoch 12.
     */
    public IntegerProperty stopAfterEpochsProperty() {
        return stop.epochsProperty();
    }

    /**
     * Closes the network: another data set is about to be shown, and nothing trains until {@link #attach} or
     * {@link #resume} gives the trainer its new images.
     */
    public void detach() {
        closeTrainer();
        data = null;
    }

    /**
     * Trains on a newly opened data set: the network of the data set shown before is closed first (it was made for
     * other images), then a fresh network starts from the panel's settings, unless they can't train on these
     * images; then no network trains, the settings are marked invalid, and the reason is returned.
     *
     * @return null, or why no network trains on {@code pair}
     */
    public String attach(DatasetPair pair) {
        closeTrainer();
        this.data = pair;
        return startTrainer(null);
    }

    /** Continues a saved run (its settings replace the panel's); see {@link #attach}. */
    public String resume(DatasetPair pair, Checkpoint cp) {
        return resume(pair, cp, null);
    }

    /**
     * Creates the trainer that {@link #resume(DatasetPair, Checkpoint, Trainer)} takes, on any thread: it starts
     * encoding the display images at once, so a loading task can do this while the window is still being built.
     */
    public Trainer prepare(DatasetPair pair, Checkpoint cp) {
        return prepare(pair, cp, null);
    }

    /**
     * Same, with the codes of the test images under {@code cp}'s network already known (or null): the trainer's first
     * snapshot carries them, and nothing is encoded.
     */
    public Trainer prepare(DatasetPair pair, Checkpoint cp, float[] testCodes) {
        return new Trainer(cp.config().withThreads(pool.threads()), pair.train(), pair.test(), pair.test(), cp,
                testCodes, pool);
    }

    /**
     * Continues a saved run on {@code pair} with a trainer made by {@link #prepare} for it (or null to make one
     * here); the network shown before is closed first.
     *
     * @return null, or why the run can't continue on {@code pair}
     */
    public String resume(DatasetPair pair, Checkpoint cp, Trainer prepared) {
        closeTrainer();
        this.data = pair;
        settings.load(cp.config());
        if (prepared != null) {
            adopt(prepared);
            return null;
        }
        return startTrainer(cp);
    }

    /**
     * Trains a branch from {@code at} (the exact state at a kept moment of the run shown) with the panel's settings
     * — learning rate, beta, optimiser, corruption, batch size and the rest — but the moment's network and seed. The
     * run it branched from is closed here; keeping it is the caller's ({@link RunsViewModel}).
     *
     * @return null, or why the branch can't train
     */
    public String branch(Checkpoint at, Lineage parent) {
        TrainingConfig p;
        try {
            p = settings.toConfig(data.train().dimension());
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        if (!p.architecture().equals(at.architecture())) {
            return "a branch keeps the network of its run (" + at.architecture() + "); set the panel back to it";
        }
        TrainingConfig c = new TrainingConfig(at.architecture(), p.loss(), p.optimizer(), p.learningRate(),
                p.batchSize(), at.config().seed(), p.threads(), p.weightDecay(), p.momentum(), p.beta(),
                p.corruption());
        return continueRun(new Checkpoint(c, at.architecture(), at.parameters(), at.optimizerName(),
                at.optimizerState(), at.step(), at.sampler(), at.epochs(), at.batchLosses(), at.klLosses()),
                Timeline.NONE.withParent(parent));
    }

    /** The next run taken up (from a lesson) continues this saved history; its trainer starts with it. */
    public void setNextHistory(Timeline history) {
        nextHistory = history;
    }

    /** Continues {@code cp} (a run of the data set shown) with its kept {@code history}; null, or why not. */
    public String continueRun(Checkpoint cp, Timeline history) {
        settings.load(cp.config());
        nextHistory = history;
        String problem = startTrainer(cp);
        nextHistory = Timeline.NONE;
        return problem;
    }

    /** Makes the trainer; on a problem the current one keeps training and the problem is shown and returned. */
    private String startTrainer(Checkpoint cp) {
        TrainingConfig config;
        try {
            config = cp != null ? cp.config().withThreads(settings.toConfig(data.train().dimension()).threads())
                    : settings.toConfig(data.train().dimension());
        } catch (IllegalArgumentException e) {
            settingsError.set(e.getMessage());
            settingsChanged.set(true);
            return e.getMessage();
        }
        closeTrainer();
        try {
            TrainingMemory.check(config);
            adopt(new Trainer(config, data.train(), data.test(), data.test(), cp, pool));
        } catch (IllegalArgumentException | NotEnoughMemoryException e) {
            settingsError.set(e.getMessage());
            settingsChanged.set(true);
            return e.getMessage();
        }
        return null;
    }

    private void adopt(Trainer t) {
        trainer = t;
        trainer.keepHistory(HistoryBudget.windowDefault(), nextHistory.isEmpty() ? null : nextHistory);
        if (nextHistory.parent() != null) {
            trainer.setParent(nextHistory.parent());
        }
        nextHistory = Timeline.NONE;
        stop.watch(t);
        trainer.setMaxStepsPerSecond(TrainingPace.stepsPerSecond(speed.get()));
        seenVersion = -1;
        ready.set(true);
        poll();
        checkSettings();
    }

    private void checkSettings() {
        if (data == null) {
            return;
        }
        try {
            TrainingConfig c = settings.toConfig(data.train().dimension());
            settingsError.set(null);
            // The optimiser's weight decay is fixed when it is made, so a change needs a new network too.
            settingsChanged.set(trainer == null || !c.sameRunAs(trainer.config())
                    || c.weightDecay() != trainer.config().weightDecay());
        } catch (IllegalArgumentException e) {
            settingsError.set(e.getMessage());
            settingsChanged.set(true);
        }
    }

    /** Whether applying the settings would throw away training progress. */
    public boolean applyDiscardsProgress() {
        Snapshot s = snapshot.get();
        return s != null && s.step() > 0;
    }

    /**
     * Sets the panel to a preset's network and settings (the seed stays), starts that network afresh and trains it
     * for the preset's epochs under its learning-rate schedule, then pauses (the caller asked the user first if
     * progress is lost).
     *
     * @return null, or why the preset can't train on the open data set
     */
    public String applyPreset(TrainingPreset p) {
        if (data == null) {
            return "no data set is open";
        }
        settings.setFrom(p, data.train().dimension());
        String problem = startTrainer(null);
        if (problem == null) {
            trainer.setSchedule(p.learningRateSchedule(), p.epochs());
            trainer.playEpochs(p.epochs());
            running.set(true);
        }
        return problem;
    }

    /** Starts a new network with the panel's settings (the caller asked the user first if progress is lost). */
    public void applySettings() {
        if (data != null) {
            startTrainer(null);
        }
    }

    public void playPause() {
        if (trainer == null) {
            return;
        }
        if (trainer.isRunning()) {
            trainer.pause();
        } else {
            stop.arm(snapshot.get());
            trainer.play();
        }
        running.set(trainer.isRunning());
    }

    public void play() {
        if (trainer != null) {
            stop.arm(snapshot.get());
            trainer.play();
            running.set(true);
        }
    }

    public void pause() {
        if (trainer != null) {
            trainer.pause();
            running.set(false);
        }
    }

    public void stepBatch() {
        if (trainer != null) {
            trainer.stepBatch();
        }
    }

    public void stepEpoch() {
        if (trainer != null) {
            trainer.stepEpoch();
        }
    }

    /** Re-initialises the network with the seed (same settings). */
    public void reset() {
        if (trainer != null) {
            trainer.reset();
            running.set(false);
        }
    }

    /** A checkpoint of the current run (blocks briefly until the training thread is between steps). */
    public Checkpoint checkpoint() throws InterruptedException {
        return trainer == null ? null : trainer.checkpoint();
    }

    /** The run's last state with its history as of the same step (off the FX thread: waits for the trainer). */
    public Trainer.Kept checkpointWithHistory() throws InterruptedException {
        Trainer t = trainer;
        return t == null ? null : t.checkpointWithHistory();
    }

    /** Reads the latest snapshot; returns true if it is new. Called once per frame on the FX thread. */
    public boolean poll() {
        Trainer t = trainer;
        if (t == null) {
            return false;
        }
        Snapshot s = t.latest();
        if (s == null || s.version() == seenVersion) {
            return false;
        }
        seenVersion = s.version();
        snapshot.set(s);
        timeline.set(t.timeline());
        running.set(t.isRunning());
        String m = s.message();
        if (!Objects.equals(m, message.get())) {
            message.set(m);
        }
        if (s.state() == TrainingState.DIVERGED) {
            running.set(false);
        }
        return true;
    }

    /** Closes the trainer; its snapshot goes with it, so nothing shows a network that no longer trains. */
    private void closeTrainer() {
        if (trainer != null) {
            trainer.close();
            trainer = null;
        }
        seenVersion = -1;
        ready.set(false);
        running.set(false);
        snapshot.set(null);
        timeline.set(Timeline.NONE);
        message.set(null);
    }

    /** Ends training (window closing). */
    public void shutdown() {
        closeTrainer();
    }
}
