package latentlab.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import latentlab.data.Dataset;
import latentlab.data.DatasetPair;
import latentlab.eval.Encoding;
import latentlab.eval.ReconstructionError;
import latentlab.io.AtomicFile;
import latentlab.math.ComputePool;
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
    DataOption data;

    @Option(names = "--split", paramLabel = "train|test", defaultValue = "test", description = "Default: ${DEFAULT-VALUE}.")
    String split;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "CSV file to write.")
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
        Codec codec = model.load().codec();
        DatasetPair pair = data.open();
        Dataset d = split.equals("train") ? pair.train() : pair.test();
        Encoding.checkDimension(codec, d);
        try (ComputePool pool = new ComputePool(threads.threads())) {
            float[] codes = Encoding.encode(codec, d, pool);
            float[] errors = ReconstructionError.evaluate(codec, d, pool).perImage();
            write(out, d, codes, codec.latentSize(), errors);
        }
        PrintWriter w = spec.commandLine().getOut();
        w.printf("wrote %,d codes of size %d to %s%n", d.size(), codec.latentSize(), out);
        return 0;
    }

    /** Writes the CSV atomically. */
    static void write(Path file, Dataset d, float[] codes, int k, float[] errors) throws IOException {
        AtomicFile.write(file, (BufferedWriter w) -> {
            StringBuilder sb = new StringBuilder("index,label");
            for (int j = 1; j <= k; j++) {
                sb.append(",a").append(j);
            }
            sb.append(",reconstruction_error\n");
            w.write(sb.toString());
            for (int i = 0; i < d.size(); i++) {
                sb.setLength(0);
                sb.append(i).append(',').append(d.label(i));
                for (int j = 0; j < k; j++) {
                    sb.append(',').append(format(codes[i * k + j]));
                }
                sb.append(',').append(format(errors[i])).append('\n');
                w.write(sb.toString());
            }
        });
    }

    private static String format(float v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }
}
