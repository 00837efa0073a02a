package latentlab.train;

import java.util.ArrayList;
import java.util.List;

import latentlab.compute.ComputePool;
import latentlab.data.Dataset;

/**
 * The exact training state at a kept moment, to continue from it: the nearest keyframe at or before it is restored
 * (weights, optimiser state, batch order) and the steps between are trained again with the settings the run used
 * then. A step depends only on these, the step number and the thread count, so the replay reproduces the moment's
 * weights bit for bit; it checks that it did (against the exact weights, or for a compact moment against the hash of
 * its exact weights), and the state it gives is exact even where the history keeps only an approximation.
 */
public final class Rewind {
    private Rewind() {
    }

    /**
     * The state at {@code moment} of the run whose history is {@code timeline} and whose last state is {@code run}
     * (its settings, epochs and losses; the losses are cut at the moment).
     *
     * @param train the images the run trained on
     * @throws IllegalStateException if the history has no keyframe before the moment, or the replay does not give
     *                               the moment's weights (a different data set or thread count)
     */
    public static Checkpoint checkpointAt(Timeline timeline, Moment moment, Checkpoint run, Dataset train,
                                          ComputePool pool) {
        Moment key = timeline.keyframeAtOrBefore(moment.step());
        if (key == null) {
            throw new IllegalStateException("the history keeps no keyframe at or before step " + moment.step());
        }
        SettingsChange s = timeline.settingsAt(key.step());
        TrainingConfig config = s == null ? run.config() : s.applyTo(run.config());
        TrainingRun r = new TrainingRun(config, train, pool);
        r.restore(key);
        for (long step = key.step(); step < moment.step(); step++) {
            SettingsChange c = changeAt(timeline, step);
            if (c != null && step > key.step()) {
                r.setLearningRate(c.learningRate());
                r.setWeightDecay(c.weightDecay());
                r.setBeta(c.beta());
                r.setCorruption(c.corruption());
            }
            TrainingRun.StepLoss loss = r.trainStep();
            if (!Double.isFinite(loss.objective())) {
                throw new IllegalStateException("replaying to step " + moment.step() + " diverged at step " + step);
            }
        }
        if (!moment.stored().matches(r.network().parameters())) {
            throw new IllegalStateException("replaying the steps from " + key.step() + " to " + moment.step()
                    + " did not give the kept weights (another data set or thread count?)");
        }
        List<EpochRecord> epochs = new ArrayList<>();
        for (EpochRecord e : run.epochs()) {
            if (e.step() <= moment.step()) {
                epochs.add(e);
            }
        }
        Checkpoint now = r.checkpoint(new LossHistory());
        return new Checkpoint(r.config(), now.architecture(), now.parameters(), now.optimizerName(),
                now.optimizerState(), moment.step(), now.sampler(), List.copyOf(epochs),
                upTo(run.batchLosses(), moment.step()), upTo(run.klLosses(), moment.step()));
    }

    private static SettingsChange changeAt(Timeline t, long step) {
        for (SettingsChange c : t.settings()) {
            if (c.step() == step) {
                return c;
            }
        }
        return null;
    }

    /** The losses of the steps up to {@code step}. */
    public static LossTrace.View upTo(LossTrace.View v, long step) {
        int n = 0;
        while (n < v.length() && v.step(n) <= step) {
            n++;
        }
        long[] steps = new long[n];
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            steps[i] = v.step(i);
            values[i] = v.value(i);
        }
        return LossTrace.View.of(steps, values);
    }
}
