package latentlab.embed;

import java.nio.file.Path;
import java.util.Arrays;

import latentlab.compute.ComputePool;
import latentlab.data.Dataset;
import latentlab.data.DatasetLocator;
import latentlab.data.DatasetPair;
import latentlab.eval.Encoding;
import latentlab.io.model.ModelFile;
import latentlab.math.KernelSelector;
import latentlab.math.Rng;
import latentlab.nn.Codec;

/**
 * Timings of the embeddings toolkit on the bundled MNIST (not a test: run by hand, see the README's Benchmarks).
 * Prints the median and 99th percentile of single queries over all 70,000 codes and images.
 *
 * <pre>
 * ./mvnw test-compile
 * java --add-modules jdk.incubator.vector -cp target/classes:target/test-classes latentlab.embed.EmbedBenchmark \
 *     [all|codes|pixels|logreg [ITERATIONS,... [THREADS,...]]]
 * </pre>
 */
public final class EmbedBenchmark {
    private static boolean warmedUp;

    private EmbedBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String what = args.length > 0 ? args[0] : "all";
        System.out.println("kernels: " + KernelSelector.description() + ", cores: " + ComputePool.defaultThreads());
        DatasetPair pair = DatasetPair.open(DatasetLocator.bundledMnist().orElseThrow());
        Dataset all = concat(pair.train(), pair.test());
        if (what.equals("all") || what.equals("codes")) {
            codes(all);
        }
        if (what.equals("all") || what.equals("pixels")) {
            pixels(all);
        }
        if (what.equals("all") || what.equals("logreg")) {
            logisticRegression(pair, args.length > 1 ? args[1] : "100", args.length > 2 ? args[2] : "1,2");
        }
    }

    static Dataset concat(Dataset a, Dataset b) {
        int d = a.dimension();
        byte[] px = new byte[(a.size() + b.size()) * d];
        byte[] lab = new byte[a.size() + b.size()];
        for (int i = 0; i < a.size(); i++) {
            a.copyRaw(i, px, i * d);
            lab[i] = (byte) a.label(i);
        }
        for (int i = 0; i < b.size(); i++) {
            b.copyRaw(i, px, (a.size() + i) * d);
            lab[a.size() + i] = (byte) b.label(i);
        }
        return new Dataset("MNIST train + test", a.rows(), a.cols(), px, lab);
    }

    private static void codes(Dataset all) throws Exception {
        Codec model = ModelFile.load(Path.of("resources/latentlab/pretrained/mnist-784-256-64-2.llm")).codec();
        float[] real;
        try (ComputePool pool = new ComputePool(2)) {
            real = Encoding.encode(model, all, pool);
        }
        for (int k : new int[] {2, 30}) {
            float[] codes = k == 2 ? real : gaussian(all.size() * k, 7);
            String kind = k == 2 ? "codes of the bundled 784-256-64-2 net" : "Gaussian random codes";
            for (int threads : new int[] {1, 2}) {
                try (ComputePool pool = new ComputePool(threads)) {
                    NeighbourIndex index = new NeighbourIndex(codes, k, threads == 1 ? null : pool);
                    for (Similarity s : Similarity.all()) {
                        Rng rng = new Rng(3);
                        double[] ms = time(400, 100, () -> index.nearestTo(rng.nextInt(index.size()), 10, s));
                        report(String.format("codes n=%,d k=%d (%s) %s m=10 threads=%d", index.size(), k, kind,
                                s.name(), threads), ms);
                    }
                }
            }
        }
    }

    private static void pixels(Dataset all) {
        for (int threads : new int[] {1, 2}) {
            try (ComputePool pool = new ComputePool(threads)) {
                long t0 = System.nanoTime();
                PixelNeighbourIndex index = new PixelNeighbourIndex(all, threads == 1 ? null : pool);
                System.out.printf("pixel index built in %.1f ms%n", (System.nanoTime() - t0) / 1e6);
                for (Similarity s : Similarity.all()) {
                    Rng rng = new Rng(3);
                    double[] ms = time(40, 10, () -> index.nearestTo(rng.nextInt(index.size()), 10, s));
                    report(String.format("pixels n=%,d d=%d %s m=10 threads=%d", index.size(), all.dimension(),
                            s.name(), threads), ms);
                }
            }
        }
    }

    private static void logisticRegression(DatasetPair pair, String iterationList, String threadList) {
        int[] trainLabels = latentlab.eval.KnnClassifier.labels(pair.train());
        int[] testLabels = latentlab.eval.KnnClassifier.labels(pair.test());
        FeatureMatrix train = FeatureMatrix.pixels(pair.train());
        FeatureMatrix test = FeatureMatrix.pixels(pair.test());
        try (ComputePool pool = new ComputePool(2)) {
            // A short fit first, so that the timed ones run compiled code.
            LogisticRegression.fit(train, trainLabels, 10, LogisticRegression.Options.DEFAULT.withMaxIterations(5),
                    pool, latentlab.compute.Progress.NONE);
        }
        for (String it : iterationList.split(",")) {
            LogisticRegression.Options o = LogisticRegression.Options.DEFAULT.withMaxIterations(Integer.parseInt(it));
            for (String th : threadList.split(",")) {
                int threads = Integer.parseInt(th);
                try (ComputePool pool = new ComputePool(threads)) {
                    long t0 = System.nanoTime();
                    LogisticRegression lr = LogisticRegression.fit(train, trainLabels, 10, o, pool,
                            latentlab.compute.Progress.NONE);
                    double s = (System.nanoTime() - t0) / 1e9;
                    double acc = lr.accuracy(test, testLabels, pool);
                    System.out.printf("logistic regression, 60,000 x 784 pixels, max %s iterations, %d threads: "
                            + "%.2f s, "
                            + "%d iterations, %d evaluations (%.1f ms each), loss %.5f, %s; test accuracy %.4f%n", it,
                            threads, s, lr.iterations(), lr.evaluations(), 1e3 * s / lr.evaluations(),
                            lr.trainingLoss(), lr.stopReason(), acc);
                }
            }
        }
    }

    static float[] gaussian(int len, long seed) {
        Rng rng = new Rng(seed);
        float[] x = new float[len];
        for (int i = 0; i < len; i++) {
            x[i] = (float) rng.nextGaussian();
        }
        return x;
    }

    static double[] time(int reps, int warmup, Runnable r) {
        long first = System.nanoTime();
        r.run();
        if (!warmedUp) {
            // The very first query runs before the JIT has compiled the scan.
            System.out.printf("  (first query, cold: %.1f ms)%n", (System.nanoTime() - first) / 1e6);
            warmedUp = true;
        }
        for (int i = 1; i < warmup; i++) {
            r.run();
        }
        double[] ms = new double[reps];
        for (int i = 0; i < reps; i++) {
            long t0 = System.nanoTime();
            r.run();
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        return ms;
    }

    static void report(String what, double[] sortedMs) {
        int n = sortedMs.length;
        System.out.printf("%-75s median %7.3f ms  p99 %7.3f ms  max %7.3f ms%n", what, sortedMs[n / 2],
                sortedMs[Math.min(n - 1, (int) Math.ceil(0.99 * n) - 1)], sortedMs[n - 1]);
    }
}
