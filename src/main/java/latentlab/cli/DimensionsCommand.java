package latentlab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import latentlab.compute.ComputePool;
import latentlab.compute.Progress;
import latentlab.data.DatasetPair;
import latentlab.eval.DimensionAnalysis;
import latentlab.eval.DisentanglementScore;
import latentlab.eval.Encoding;
import latentlab.eval.MorphometricTable;
import latentlab.io.export.DimensionsCsv;
import latentlab.io.model.ModelFile;
import latentlab.morpho.Morphometric;
import latentlab.nn.Codec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code dimensions}: what each latent dimension of a saved model tracks, measured on the test set. */
@Command(name = "dimensions", mixinStandardHelpOptions = true, sortOptions = false,
        header = "What each latent dimension means: its correlation with the digits' morphometrics.",
        description = {"Measures the test images' morphometrics (ink, area, stroke length, thickness, slant, "
                + "width, height, after Morpho-MNIST) and prints, for every latent dimension a_j: Spearman's r "
                + "with each, the mutual information with the label in bits, and what sweeping a_j from its 1st "
                + "to its 99th percentile (the others at the median code) does to the decoded image.",
            "Works for autoencoders, VAEs (their means) and PCA models."})
public final class DimensionsCommand implements Callable<Integer> {
    @Mixin
    ModelOption model;

    @Mixin
    StepOption step;

    @Mixin
    DataOption data;

    @Option(names = "--out", paramLabel = "FILE.csv",
            description = "Also write the analysis as CSV, one row per dimension (see the README for the columns).")
    Path out;

    @Option(names = "--morpho", paramLabel = "FILE.csv",
            description = "Also write the morphometrics of every test image: index,label,ink,area,length,"
                    + "thickness,slant,width,height.")
    Path morpho;

    @Mixin
    ThreadsOption threads;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (out != null) {
            OutputFile.check(out, "--out");
        }
        if (morpho != null) {
            OutputFile.check(morpho, "--morpho");
        }
        PrintWriter w = spec.commandLine().getOut();
        ModelFile.Contents contents = model.load();
        DatasetPair pair = data.open();
        Codec codec = step.select(model, contents, w, pair::train);
        Encoding.checkDimension(codec, pair.test());
        try (ComputePool pool = new ComputePool(threads.threads())) {
            long t0 = System.nanoTime();
            MorphometricTable table = MorphometricTable.measure(pair.test(), pool, Progress.NONE);
            long t1 = System.nanoTime();
            float[] codes = Encoding.encode(codec, pair.test(), pool);
            DimensionAnalysis a = DimensionAnalysis.of(codec, pair.test(), codes, table, pool);
            long t2 = System.nanoTime();
            w.printf("model: %s%n", codec.describe());
            w.printf(Locale.ROOT, "test images: %,d, morphometrics measured in %.2f s, analysis in %.2f s%n",
                    pair.test().size(), (t1 - t0) / 1e9, (t2 - t1) / 1e9);
            StringBuilder head = new StringBuilder(String.format("%-5s", "dim"));
            for (Morphometric p : Morphometric.values()) {
                head.append(String.format("%12s", "r_" + p.id()));
            }
            w.println(head.append(String.format("%15s  %s", "label_mi_bits", "traversal")));
            for (int j = 0; j < a.dimensions(); j++) {
                StringBuilder row = new StringBuilder(String.format("%-5s", "a" + (j + 1)));
                for (Morphometric p : Morphometric.values()) {
                    row.append(String.format(Locale.ROOT, "%12.3f", a.rho(j, p)));
                }
                String sweep = a.describe(j);
                row.append(String.format(Locale.ROOT, "%15.3f  %s", a.labelBits()[j],
                        sweep.substring(sweep.indexOf(':') + 2)));
                w.println(row);
            }
            w.printf(Locale.ROOT, "disentanglement (mean gap between the two largest |r| per property): %.3f%n",
                    DisentanglementScore.mean(a));
            if (out != null) {
                DimensionsCsv.write(out, a);
                w.printf("wrote %s%n", out);
            }
            if (morpho != null) {
                DimensionsCsv.writeMorphometrics(morpho, table);
                w.printf("wrote %s%n", morpho);
            }
        }
        return 0;
    }
}
