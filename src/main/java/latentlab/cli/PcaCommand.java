package latentlab.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

import latentlab.compute.ComputePool;
import latentlab.compute.Progress;
import latentlab.data.Dataset;
import latentlab.data.DatasetPair;
import latentlab.math.KernelSelector;
import latentlab.pca.ErrorCurve;
import latentlab.pca.Pca;
import latentlab.pca.PcaModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code pca}: fits PCA on the training images, prints the fit time and, for each requested k, the test
 * reconstruction error per image and the explained variance.
 */
@Command(name = "pca", mixinStandardHelpOptions = true,
        description = {"Fit PCA (the linear autoencoder, in closed form) on the training images and print the fit "
                + "time and, for each k, the squared reconstruction error per test image and the fraction of the "
                + "training variance the first k components explain."})
public final class PcaCommand implements Callable<Integer> {
    @Mixin
    DataOption data;

    @Option(names = "--k", split = ",", paramLabel = "K[,K...]", hideParamSyntax = true, defaultValue = "2,10,30,50",
            description = "Numbers of components to report, 1 <= K <= d (default: ${DEFAULT-VALUE}).")
    List<Integer> ks;

    @Option(names = "--reps", paramLabel = "N", defaultValue = "1",
            description = "Fit N times and report the median fit time (for benchmarks; default: ${DEFAULT-VALUE}).")
    int reps;

    @Option(names = "--warmup", paramLabel = "W", defaultValue = "0",
            description = "Fit W times first, untimed, so that the timed fits run compiled code (for benchmarks; "
                    + "default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--out", paramLabel = "FILE", description = "Save the fit as a model file that eval, encode and the "
            + "window read like an autoencoder's; it encodes with the first K of --k.")
    java.nio.file.Path outFile;

    @Mixin
    ThreadsOption threads;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (outFile != null) {
            OutputFile.check(outFile, "--out");
        }
        if (reps < 1) {
            throw new UserError("--reps must be at least 1, got " + reps);
        }
        if (warmup < 0) {
            throw new UserError("--warmup must be 0 or more, got " + warmup);
        }
        for (int k : ks) {
            if (k < 1) {
                throw new UserError("--k " + k + ": the number of components must be at least 1");
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        DatasetPair pair = data.open();
        Dataset train = pair.train();
        Dataset test = pair.test();
        int d = train.dimension();
        for (int k : ks) {
            if (k > d) {
                throw new UserError("--k " + k + ": at most d = " + d + " components (the images have "
                        + train.rows() + " x " + train.cols() + " pixels)");
            }
        }
        out.printf("data set: %s%n", data.folder().toAbsolutePath().normalize());
        out.printf("train: %,d images, test: %,d images, d = %d%n", train.size(), test.size(), d);

        try (ComputePool pool = new ComputePool(threads.threads())) {
            double[] seconds = new double[reps];
            PcaModel model = null;
            for (int r = -warmup; r < reps; r++) {
                if (warmup + reps > 1) {
                    System.gc(); // garbage from the previous fit should not be collected inside the next timing
                }
                long t0 = System.nanoTime();
                model = Pca.fit(train, pool, Progress.NONE);
                if (r >= 0) {
                    seconds[r] = (System.nanoTime() - t0) / 1e9;
                }
            }
            double[] sorted = seconds.clone();
            Arrays.sort(sorted);
            double median = reps % 2 == 1 ? sorted[reps / 2] : (sorted[reps / 2 - 1] + sorted[reps / 2]) / 2;
            out.printf("fit_seconds: %.3f%s%s (%d threads, %s)%n", median,
                    reps == 1 ? "" : String.format(" (median of %d: %s)", reps, list(seconds)),
                    warmup == 0 ? "" : String.format(" after %d warm-up fit%s", warmup, warmup == 1 ? "" : "s"),
                    pool.threads(), KernelSelector.description());

            long t0 = System.nanoTime();
            ErrorCurve curve = ErrorCurve.compute(model, test, pool, Progress.NONE);
            out.printf("error_curve_seconds: %.3f (k = 0..%d on %,d test images)%n", (System.nanoTime() - t0) / 1e9,
                    d, test.size());
            out.printf("k=0 test_se_per_image: %.3f (the mean image alone)%n", curve.errorPerImage(0));
            for (int k : ks) {
                out.printf("k=%d test_se_per_image: %.3f explained_variance: %.4f%n", k, curve.errorPerImage(k),
                        model.explainedVariance(k));
            }
            if (outFile != null) {
                latentlab.io.model.ModelFile.savePca(outFile, model, ks.get(0), new latentlab.io.model.ModelFile.DataInfo(
                        pair.name(), train.rows(), train.cols(), train.size()));
                out.printf("saved %s (PCA, encodes with k = %d)%n", outFile, ks.get(0));
            }
        }
        return 0;
    }

    private static String list(double[] seconds) {
        StringBuilder sb = new StringBuilder();
        for (double s : seconds) {
            sb.append(sb.length() == 0 ? "" : " ").append(String.format("%.3f", s));
        }
        return sb.toString();
    }
}
