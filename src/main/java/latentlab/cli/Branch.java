package latentlab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import latentlab.compute.ComputePool;
import latentlab.data.Dataset;
import latentlab.train.Checkpoint;
import latentlab.train.Lineage;
import latentlab.train.Moment;
import latentlab.train.OptimizerKind;
import latentlab.train.Rewind;
import latentlab.train.Timeline;
import latentlab.train.TrainingConfig;
import picocli.CommandLine.ParseResult;

/**
 * {@code train --resume FILE --from-step S}: the state of a saved run at its kept moment nearest to S, and the
 * settings the branch trains with (the moment's, changed by the options given).
 *
 * @param start  the exact state at the moment
 * @param parent the saved run and the moment's step
 */
record Branch(Checkpoint start, Lineage parent) {

    /** Goes back to the kept moment of {@code file} nearest to {@code step}, replaying steps on {@code train}. */
    static Branch from(Path file, Checkpoint end, Timeline timeline, long step, Dataset train, PrintWriter out) {
        String name = file.getFileName().toString();
        if (step < 0) {
            throw new UserError("--from-step must be 0 or more, got " + step);
        }
        if (timeline.isEmpty() && step != end.step()) {
            throw new UserError(name + " keeps no history of its training (train it with --history N); it can only"
                    + " be branched at its last step, " + end.step());
        }
        Moment m = timeline.isEmpty() ? null : timeline.nearest(step);
        if (m == null || m.step() == end.step()) {
            out.printf("# branch of %s at its last step, %d%n", name, end.step());
            return new Branch(end, new Lineage(name, end.step()));
        }
        Moment key = timeline.keyframeAtOrBefore(m.step());
        Checkpoint start;
        try (ComputePool pool = new ComputePool(end.config().threads())) {
            start = Rewind.checkpointAt(timeline, m, end, train, pool);
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw new UserError("cannot go back to step " + m.step() + " of " + name + ": " + e.getMessage()
                    + " (give the data set it was trained on)");
        }
        out.printf(Locale.ROOT, "# branch of %s at step %d (epoch %.2f), the kept moment nearest to %d; replayed %d"
                + " steps from the keyframe at step %d%n", name, m.step(), m.epochProgress(), step,
                m.step() - (key == null ? m.step() : key.step()), key == null ? m.step() : key.step());
        return new Branch(start, new Lineage(name, m.step()));
    }

    /**
     * The branch's settings: the moment's, with those given on the command line that a branch may change; the
     * network, loss and seed stay the parent's.
     */
    TrainingConfig settings(ParseResult parsed, TrainCommand o, int threads) {
        List<String> refused = new ArrayList<>();
        for (String opt : new String[] {"--arch", "--decoder", "--activation", "--code-activation",
                "--output-activation", "--vae", "--loss", "--seed"}) {
            if (parsed.hasMatchedOption(opt)) {
                refused.add(opt);
            }
        }
        if (!refused.isEmpty()) {
            throw new UserError("a branch keeps the network, loss and seed of " + parent.parent() + "; "
                    + String.join(", ", refused) + " cannot change them (a branch may change --lr, --beta, "
                    + "--optimizer, --corruption, --batch, --weight-decay, --momentum)");
        }
        TrainingConfig c = start.config();
        return new TrainingConfig(c.architecture(), c.loss(),
                parsed.hasMatchedOption("--optimizer") ? OptimizerKind.byName(o.optimizer) : c.optimizer(),
                parsed.hasMatchedOption("--lr") ? o.lr : c.learningRate(),
                parsed.hasMatchedOption("--batch") ? o.batch : c.batchSize(), c.seed(), threads,
                parsed.hasMatchedOption("--weight-decay") ? o.weightDecay : c.weightDecay(),
                parsed.hasMatchedOption("--momentum") ? o.momentum : c.momentum(),
                parsed.hasMatchedOption("--beta") ? o.beta : c.beta(),
                parsed.hasMatchedOption("--corruption") ? o.corruption : c.corruption());
    }
}
