package latentlab.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.Supplier;

import latentlab.compute.ComputePool;
import latentlab.data.Dataset;
import latentlab.io.format.LabFileException;
import latentlab.io.model.ModelFile;
import latentlab.io.model.TimelineSection;
import latentlab.nn.Autoencoder;
import latentlab.nn.Codec;
import latentlab.train.Checkpoint;
import latentlab.train.Moment;
import latentlab.train.Rewind;
import latentlab.train.Timeline;
import picocli.CommandLine.Option;

/** The {@code --step S} option: use the model as it was at the kept moment nearest to step S. */
public final class StepOption {
    @Option(names = "--step", paramLabel = "S", description = "Use the model as it was at the kept moment nearest to "
            + "step S (0 = the initial weights); the file must have been trained with --history N.")
    Long step;

    @Option(names = "--exact", description = "With --step: use the moment's exact weights, replaying the training "
            + "steps from the keyframe before it on the data set's training images (slower), instead of the 8-bit "
            + "approximation the history keeps of moments between keyframes.")
    boolean exact;

    /**
     * The model to use: the file's, or without {@code --step} its codec; with it, the kept moment nearest to S,
     * named on {@code out}, with a note when its weights are the history's compact approximation
     * ({@link latentlab.train.MomentWeights}) rather than exact.
     */
    Codec select(ModelOption model, ModelFile.Contents contents, PrintWriter out, Supplier<Dataset> train)
            throws LabFileException {
        if (step == null) {
            if (exact) {
                throw new UserError("--exact goes with --step S");
            }
            return contents.codec();
        }
        if (step < 0) {
            throw new UserError("--step must be 0 or more, got " + step);
        }
        String name = model.model.getFileName().toString();
        if (!(contents.codec() instanceof Autoencoder ae)) {
            throw new UserError("--step needs an autoencoder; " + name + " holds a " + contents.kind() + " model");
        }
        Timeline t = TimelineSection.read(name, contents.sections(), ae.parameters().length);
        if (t.isEmpty()) {
            throw new UserError(name + " keeps no history of its training; train it with --history N to use --step");
        }
        Moment m = t.nearest(step);
        out.printf(Locale.ROOT, "moment: step %d (epoch %.2f), the kept moment nearest to step %d (%d kept, steps %d"
                + " to %d)%s%n", m.step(), m.epochProgress(), step, t.moments().size(), t.moments().get(0).step(),
                t.moments().get(t.moments().size() - 1).step(), m.exact() || exact ? "" : String.format(Locale.ROOT,
                        "; its weights are the kept 8-bit approximation, within %.1e of the exact ones (exact at "
                        + "keyframes and the newest moment; --exact replays to the exact ones)",
                        m.stored().maxError()));
        if (!exact || m.exact()) {
            return m.network(ae.architecture());
        }
        return replayed(name, t, m, contents, train.get(), ae, out);
    }

    /** The moment's exact weights, replayed from the keyframe before it; says how far the approximation was. */
    private static Autoencoder replayed(String name, Timeline t, Moment m, ModelFile.Contents contents, Dataset train,
                                       Autoencoder ae, PrintWriter out) {
        Moment key = t.keyframeAtOrBefore(m.step());
        Checkpoint at;
        try (ComputePool pool = new ComputePool(contents.checkpoint().config().threads())) {
            at = Rewind.checkpointAt(t, m, contents.checkpoint(), train, pool);
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw new UserError("cannot replay to step " + m.step() + " of " + name + ": " + e.getMessage()
                    + " (give the data set it was trained on)");
        }
        float[] approx = m.weights();
        double worst = 0;
        for (int i = 0; i < approx.length; i++) {
            worst = Math.max(worst, Math.abs(approx[i] - at.parameters()[i]));
        }
        out.printf(Locale.ROOT, "weights: exact, replayed %d steps from the keyframe at step %d (the kept 8-bit "
                + "approximation differs by at most %.2e, bound %.2e)%n", m.step() - key.step(), key.step(), worst,
                m.stored().maxError());
        return Autoencoder.withParameters(ae.architecture(), at.parameters());
    }
}
