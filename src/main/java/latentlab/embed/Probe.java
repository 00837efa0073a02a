package latentlab.embed;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import latentlab.compute.ComputePool;
import latentlab.compute.Progress;
import latentlab.data.Dataset;
import latentlab.eval.Encoding;
import latentlab.math.Rng;
import latentlab.nn.Codec;

/**
 * "Codes as features", the notes' "replace the decoder by a supervised network trained on a smaller labelled set":
 * a linear probe. Only N training images keep their labels; the same classifier ({@link LogisticRegression}, default
 * options) is trained on three representations of those N images and tested on the whole test set:
 * <ol>
 *   <li>the model's codes (k numbers per image),</li>
 *   <li>the raw pixels (d numbers: no representation learning at all),</li>
 *   <li>PCA codes of the same size k (the linear autoencoder: what a nonlinear one adds).</li>
 * </ol>
 * With few labels a good code should beat the pixels, which give a linear classifier d weights per class to
 * estimate from a handful of examples.
 *
 * <p>The labelled images are a seeded, class-balanced draw ({@link #chooseLabelled}). The test codes of both codecs
 * are computed once per {@code Probe} and reused for every N; training codes are computed for the chosen images
 * only. Progress covers encoding, the three fits and the evaluation; cancellation is checked between chunks of
 * encoding and between L-BFGS iterations ({@link latentlab.compute.CancelledException}).
 *
 * <p>Not thread-safe (it caches the test codes): run one probe at a time, off the UI thread.
 */
public final class Probe {
    private static final int ENCODE_CHUNK = 256;

    private final Codec model;
    private final Codec pca;
    private final Dataset train;
    private final Dataset test;
    private final ComputePool pool;
    private final LogisticRegression.Options options;
    private final int[] testLabels;
    private float[] testCodes;
    private float[] testPcaCodes;

    /**
     * A probe with the default classifier options.
     *
     * @param model the codec whose codes are probed (e.g. the autoencoder)
     * @param pca   PCA with as many components as the model's code size (its {@code PcaModel.codec(k)})
     * @param pool  threads for encoding and training (null: the calling thread)
     */
    public Probe(Codec model, Codec pca, Dataset train, Dataset test, ComputePool pool) {
        this(model, pca, train, test, pool, LogisticRegression.Options.DEFAULT);
    }

    /** A probe with the given classifier options. */
    public Probe(Codec model, Codec pca, Dataset train, Dataset test, ComputePool pool,
                 LogisticRegression.Options options) {
        this.model = Objects.requireNonNull(model, "model");
        this.pca = Objects.requireNonNull(pca, "pca");
        this.train = Objects.requireNonNull(train, "train");
        this.test = Objects.requireNonNull(test, "test");
        this.pool = pool;
        this.options = Objects.requireNonNull(options, "options");
        Encoding.checkDimension(model, train);
        Encoding.checkDimension(model, test);
        Encoding.checkDimension(pca, test);
        if (pca.latentSize() != model.latentSize()) {
            throw new IllegalArgumentException("PCA gives codes of size " + pca.latentSize() + " but "
                    + model.describe() + " gives " + model.latentSize() + "; compare codes of the same size");
        }
        if (test.size() == 0) {
            throw new IllegalArgumentException("the test set " + test.name() + " is empty");
        }
        this.testLabels = labels(test, null);
    }

    /**
     * The three test accuracies with {@code labelled} training labels.
     *
     * @param labelled N, from 1 to the training set's size (the size itself: all)
     * @param seed     seed of the choice of labelled images
     */
    public Result run(int labelled, long seed, Progress progress) {
        Objects.requireNonNull(progress, "progress");
        int[] chosen = chooseLabelled(train, labelled, seed);
        int[] trainLabels = labels(train, chosen);
        int classes = Math.max(train.classCount(), test.classCount());
        int k = model.latentSize();
        // Stages in rough proportion to their cost: encoding, then the three fits and their evaluations.
        double total = 10;
        if (testCodes == null || testPcaCodes == null) {
            // Both or neither: a run cancelled between the two must not leave half a cache behind.
            float[] c = encode(model, test, null, new Stage(progress, 0, 1, total, "Encoding " + test.name()));
            float[] p = encode(pca, test, null, new Stage(progress, 1, 1.5, total, "PCA codes of " + test.name()));
            testCodes = c;
            testPcaCodes = p;
        }
        float[] codes = encode(model, train, chosen, new Stage(progress, 1.5, 2, total, "Encoding labelled images"));
        float[] pcaCodes = encode(pca, train, chosen,
                new Stage(progress, 2, 2.5, total, "PCA codes of labelled images"));

        long t0 = System.nanoTime();
        LogisticRegression onCodes = LogisticRegression.fit(FeatureMatrix.of(codes, chosen.length, k), trainLabels,
                classes, options, pool, new Stage(progress, 2.5, 3.5, total, "Classifier on codes"));
        double codesAccuracy = onCodes.accuracy(FeatureMatrix.of(testCodes, test.size(), k), testLabels, pool);
        long t1 = System.nanoTime();
        LogisticRegression onPixels = LogisticRegression.fit(FeatureMatrix.pixels(train, chosen), trainLabels, classes,
                options, pool, new Stage(progress, 3.5, 8.5, total, "Classifier on pixels"));
        double pixelsAccuracy = onPixels.accuracy(FeatureMatrix.pixels(test), testLabels, pool);
        long t2 = System.nanoTime();
        LogisticRegression onPca = LogisticRegression.fit(FeatureMatrix.of(pcaCodes, chosen.length, k), trainLabels,
                classes, options, pool, new Stage(progress, 8.5, 10, total, "Classifier on PCA codes"));
        double pcaAccuracy = onPca.accuracy(FeatureMatrix.of(testPcaCodes, test.size(), k), testLabels, pool);
        long t3 = System.nanoTime();
        progress.update(total, total, "Done");
        return new Result(chosen.length, k, codesAccuracy, pixelsAccuracy, pcaAccuracy, (t1 - t0) / 1e9,
                (t2 - t1) / 1e9, (t3 - t2) / 1e9, chosen, onCodes, onPixels, onPca);
    }

    /**
     * The outcome for one N.
     *
     * @param labelled       N, the number of labelled training images used
     * @param codeSize       k
     * @param codesAccuracy  test accuracy of the classifier on the model's codes
     * @param pixelsAccuracy test accuracy on raw pixels
     * @param pcaAccuracy    test accuracy on PCA codes of size k
     * @param codesSeconds   time to train and test on codes (encoding excluded)
     * @param pixelsSeconds  time to train and test on pixels
     * @param pcaSeconds     time to train and test on PCA codes
     * @param chosen         indices of the labelled training images, increasing
     */
    public record Result(int labelled, int codeSize, double codesAccuracy, double pixelsAccuracy, double pcaAccuracy,
                         double codesSeconds, double pixelsSeconds, double pcaSeconds, int[] chosen,
                         LogisticRegression codesClassifier, LogisticRegression pixelsClassifier,
                         LogisticRegression pcaClassifier) {
    }

    /**
     * Chooses {@code count} training images to keep their labels: a seeded, class-balanced draw. Images of each
     * class are shuffled (seeded), then taken round-robin over the classes in a shuffled order, one per class per
     * round, skipping classes that run out, until {@code count} are chosen. So every class gets floor(N / C) or one
     * more (N = 10 gives one image per digit), as far as each class has images. {@code count} equal to the set's
     * size takes everything.
     *
     * @return the chosen indices, increasing
     * @throws IllegalArgumentException unless 1 &lt;= count &lt;= train.size()
     */
    public static int[] chooseLabelled(Dataset train, int count, long seed) {
        int n = train.size();
        if (count < 1 || count > n) {
            throw new IllegalArgumentException("number of labelled images must be between 1 and " + n
                    + " (the training set), got " + count);
        }
        if (count == n) {
            int[] all = new int[n];
            Arrays.setAll(all, i -> i);
            return all;
        }
        int classes = train.classCount();
        List<List<Integer>> byClass = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            byClass.add(new ArrayList<>());
        }
        for (int i = 0; i < n; i++) {
            byClass.get(train.label(i)).add(i);
        }
        Rng rng = new Rng(seed);
        int[][] shuffled = new int[classes][];
        for (int c = 0; c < classes; c++) {
            int[] ix = byClass.get(c).stream().mapToInt(Integer::intValue).toArray();
            rng.shuffle(ix);
            shuffled[c] = ix;
        }
        int[] order = new int[classes];
        Arrays.setAll(order, c -> c);
        rng.shuffle(order);
        int[] chosen = new int[count];
        int taken = 0;
        for (int round = 0; taken < count; round++) {
            for (int c : order) {
                if (taken == count) {
                    break;
                }
                if (round < shuffled[c].length) {
                    chosen[taken++] = shuffled[c][round];
                }
            }
        }
        Arrays.sort(chosen);
        return chosen;
    }

    private static int[] labels(Dataset data, int[] indices) {
        int n = indices == null ? data.size() : indices.length;
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = data.label(indices == null ? i : indices[i]);
        }
        return out;
    }

    /** Codes of the given images (all if null), in chunks shared between the pool's threads, checking cancellation. */
    private float[] encode(Codec codec, Dataset data, int[] indices, Progress progress) {
        int n = indices == null ? data.size() : indices.length;
        int k = codec.latentSize();
        int d = data.dimension();
        float[] out = new float[n * k];
        ComputePool threads = pool == null ? ComputePool.serial() : pool;
        float[][] buffers = new float[threads.threads()][];
        threads.parallelFor(n, ENCODE_CHUNK, (slot, from, to) -> {
            progress.checkCancelled();
            if (buffers[slot] == null) {
                buffers[slot] = new float[Math.min(ENCODE_CHUNK, n) * d];
            }
            float[] x = buffers[slot];
            int rows = to - from;
            for (int r = 0; r < rows; r++) {
                data.copyImage(indices == null ? from + r : indices[from + r], x, r * d);
            }
            codec.encode(x, 0, rows, out, from * k);
            if (slot == 0) {
                progress.update(to, n, null);
            }
        });
        return out;
    }

    /** One stage of a run: its own progress mapped onto [from, to) of the run's total, with its own message. */
    private static final class Stage implements Progress {
        private final Progress run;
        private final double from;
        private final double to;
        private final double total;
        private final String message;

        Stage(Progress run, double from, double to, double total, String message) {
            this.run = run;
            this.from = from;
            this.to = to;
            this.total = total;
            this.message = message;
            run.update(from, total, message);
        }

        @Override
        public void update(double done, double stageTotal, String detail) {
            double f = stageTotal > 0 ? Math.min(1, Math.max(0, done / stageTotal)) : 0;
            run.update(from + (to - from) * f, total, detail == null ? message : detail);
        }

        @Override
        public boolean isCancelled() {
            return run.isCancelled();
        }
    }
}
