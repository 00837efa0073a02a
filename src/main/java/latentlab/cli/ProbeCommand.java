package latentlab.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import latentlab.compute.ComputePool;
import latentlab.compute.Progress;
import latentlab.data.DatasetPair;
import latentlab.embed.Probe;
import latentlab.eval.Encoding;
import latentlab.io.model.ModelFile;
import latentlab.nn.Codec;
import latentlab.pca.Pca;
import latentlab.pca.PcaModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code probe}: codes as features. Trains logistic regression on the codes of only N labelled training images and
 * compares its test accuracy with the same classifier on raw pixels and on PCA codes of the same size (see
 * {@link Probe}).
 */
@Command(name = "probe", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Codes as features: a classifier trained on N labelled codes, beside pixels and PCA.",
        description = "Trains logistic regression on the codes of only N labelled training images (a seeded, "
                + "class-balanced choice) and prints its test accuracy next to the same classifier on raw "
                + "pixels and on PCA codes of the same size. One line per N; lines starting with '#' give the "
                + "details and timings.")
public final class ProbeCommand implements Callable<Integer> {
    @Mixin
    ModelOption model;

    @Mixin
    DataOption data;

    @Option(names = "--labels", paramLabel = "N[,N...]", defaultValue = "10,100,1000,all",
            description = "Numbers of labelled training images, each a whole number or 'all' "
                    + "(default: ${DEFAULT-VALUE}).")
    String labels;

    @Option(names = "--seed", defaultValue = "1",
            description = "Seed of the class-balanced choice of labelled images (default: ${DEFAULT-VALUE}).")
    long seed;

    @Mixin
    ThreadsOption threads;

    @Spec
    CommandSpec spec;

    /** One requested N: a count, or -1 for all. */
    private static final int ALL = -1;

    @Override
    public Integer call() throws Exception {
        List<Integer> counts = parseLabels(labels);
        int threadCount = threads.threads();
        PrintWriter out = spec.commandLine().getOut();
        ModelFile.Contents contents = model.load();
        DatasetPair pair = data.open();
        Codec codec = contents.codec();
        Encoding.checkDimension(codec, pair.train());
        int n = pair.train().size();
        for (int c : counts) {
            if (c > n) {
                throw new UserError("--labels " + c + ": the training set has only " + n + " images");
            }
        }
        int k = codec.latentSize();
        out.printf(Locale.ROOT, "# model: %s, k = %d%n", codec.describe(), k);
        out.printf(Locale.ROOT, "# data: %s (train %d, test %d images)%n", pair.name(), n, pair.test().size());
        out.flush();
        try (ComputePool pool = new ComputePool(threadCount)) {
            // Codes that overflowed would train the classifier on NaN and print an accuracy that means nothing.
            Encoding.checkFinite(Encoding.encode(codec, pair.train(), pool), k, "training images");
            Encoding.checkFinite(Encoding.encode(codec, pair.test(), pool), k, "test images");
            long t0 = System.nanoTime();
            PcaModel pcaModel = Pca.fit(pair.train(), pool, Progress.NONE);
            out.printf(Locale.ROOT, "# pca: fitted on %d training images in %.2f s, k = %d%n", n,
                    (System.nanoTime() - t0) / 1e9, k);
            out.flush();
            Probe probe = new Probe(codec, pcaModel.codec(k), pair.train(), pair.test(), pool);
            for (int c : counts) {
                int count = c == ALL ? n : c;
                long start = System.nanoTime();
                Probe.Result r = probe.run(count, seed, Progress.NONE);
                String name = c == ALL ? "all" : Integer.toString(c);
                out.printf(Locale.ROOT, "labels=%s codes_accuracy: %.4f pixels_accuracy: %.4f pca_accuracy: %.4f%n",
                        name, r.codesAccuracy(), r.pixelsAccuracy(), r.pcaAccuracy());
                out.printf(Locale.ROOT, "# labels=%s (%d images, seed %d): %.2f s in all; train + test seconds: "
                                + "codes %.2f, pixels %.2f, pca %.2f; L-BFGS iterations: codes %d, pixels %d, pca %d%n",
                        name, count, seed, (System.nanoTime() - start) / 1e9, r.codesSeconds(), r.pixelsSeconds(),
                        r.pcaSeconds(), r.codesClassifier().iterations(), r.pixelsClassifier().iterations(),
                        r.pcaClassifier().iterations());
                out.flush();
            }
        }
        return 0;
    }

    /** "10,100,all" into counts (ALL for "all"), with one-line errors for anything else. */
    static List<Integer> parseLabels(String text) {
        List<Integer> counts = new ArrayList<>();
        String[] parts = text.split(",", -1);
        for (String part : parts) {
            String p = part.trim();
            if (p.isEmpty()) {
                throw new UserError("--labels '" + text + "': empty entry; write numbers or 'all' separated by commas,"
                        + " e.g. 10,100,all");
            }
            if (p.equalsIgnoreCase("all")) {
                counts.add(ALL);
                continue;
            }
            long v;
            try {
                v = Long.parseLong(p);
            } catch (NumberFormatException e) {
                throw new UserError("--labels '" + text + "': '" + p + "' is not a whole number or 'all'");
            }
            if (v < 1) {
                throw new UserError("--labels " + p + ": the number of labelled images must be at least 1");
            }
            if (v > Integer.MAX_VALUE) {
                throw new UserError("--labels " + p + ": far more than any training set");
            }
            counts.add((int) v);
        }
        return counts;
    }
}
