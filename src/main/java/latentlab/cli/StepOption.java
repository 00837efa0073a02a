package latentlab.cli;

import java.io.PrintWriter;
import java.util.Locale;

import latentlab.io.format.LabFileException;
import latentlab.io.model.ModelFile;
import latentlab.io.model.TimelineSection;
import latentlab.nn.Autoencoder;
import latentlab.nn.Codec;
import latentlab.train.Moment;
import latentlab.train.Timeline;
import picocli.CommandLine.Option;

/** The {@code --step S} option: use the model as it was at the kept moment nearest to step S. */
public final class StepOption {
    @Option(names = "--step", paramLabel = "S", description = "Use the model as it was at the kept moment nearest to "
            + "step S (0 = the initial weights); the file must have been trained with --history N.")
    Long step;

    /**
     * The model to use: the file's, or without {@code --step} its codec; with it, the kept moment nearest to S,
     * named on {@code out}.
     */
    Codec select(ModelOption model, ModelFile.Contents contents, PrintWriter out) throws LabFileException {
        if (step == null) {
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
                + " to %d)%n", m.step(), m.epochProgress(), step, t.moments().size(), t.moments().get(0).step(),
                t.moments().get(t.moments().size() - 1).step());
        return m.network(ae.architecture());
    }
}
