package latentlab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import latentlab.compute.ComputePool;
import latentlab.data.Dataset;
import latentlab.data.DatasetPair;
import latentlab.eval.Encoding;
import latentlab.eval.ReconstructionError;
import latentlab.io.export.CodesCsv;
import latentlab.io.model.DisplayCodesFile;
import latentlab.io.model.ModelFile;
import latentlab.nn.Codec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code encode}: writes the codes of a split as CSV. */
@Command(name = "encode", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Write the codes of every image of a split as CSV: index,label,a1..ak,reconstruction_error.")
public final class EncodeCommand implements Callable<Integer> {
    @Mixin
    ModelOption model;

    @Mixin
    StepOption step;

    @Mixin
    DataOption data;

    @Option(names = "--split", paramLabel = "train|test", defaultValue = "test", description = "Default: ${DEFAULT-VALUE}.")
    String split;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "CSV file to write; a .npz file "
            + "gets the codes alone, float32 n x k (numpy.load), keyed to the model and the images: the window shows "
            + "such codes of a bundled model as its first map without encoding the images again.")
    Path out;

    @Mixin
    ThreadsOption threads;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!split.equals("train") && !split.equals("test")) {
            throw new UserError("--split must be train or test, got '" + split + "'");
        }
        OutputFile.check(out, "--out");
        boolean npz = out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".npz");
        if (npz && step.step != null) {
            throw new UserError("a .npz file keeps the codes of a model's saved network: leave out --step");
        }
        PrintWriter w = spec.commandLine().getOut();
        ModelFile.Contents contents = model.load();
        DatasetPair pair = data.open();
        Codec codec = step.select(model, contents, w, pair::train);
        Dataset d = split.equals("train") ? pair.train() : pair.test();
        Encoding.checkDimension(codec, d);
        try (ComputePool pool = new ComputePool(threads.threads())) {
            float[] codes = Encoding.encode(codec, d, pool);
            try {
                Encoding.checkFinite(codes, codec.latentSize(), split + " images");
            } catch (IllegalArgumentException e) {
                throw new UserError(e.getMessage() + "; " + out + " was not written");
            }
            if (npz) {
                if (contents.checkpoint() == null) {
                    throw new UserError("a .npz file keeps the codes of a model's saved network, and "
                            + model.model.getFileName() + " holds a " + contents.kind() + " model; " + out
                            + " was not written");
                }
                DisplayCodesFile.write(out, contents.checkpoint(), d, codes);
            } else {
                float[] errors = ReconstructionError.evaluate(codec, d, pool).perImage();
                CodesCsv.write(out, d, codes, codec.latentSize(), errors);
            }
        }
        w.printf("wrote %,d codes of size %d to %s%n", d.size(), codec.latentSize(), out);
        return 0;
    }
}
