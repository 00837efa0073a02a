package latentlab.ui.embeddings;

import java.util.Arrays;

import latentlab.compute.ComputePool;
import latentlab.data.DatasetPair;
import latentlab.embed.NeighbourIndex;
import latentlab.embed.Neighbours;
import latentlab.embed.PixelNeighbourIndex;
import latentlab.embed.Similarity;
import latentlab.eval.Encoding;
import latentlab.nn.Codec;

/**
 * What the embeddings tools search, over all pooled images (test then training): the autoencoder's codes, PCA's
 * codes (null before the fit) and the pixels. Immutable; replaced as a whole when the model moves on.
 *
 * @param pair        the data set indexed
 * @param model       the autoencoder whose codes are indexed
 * @param codes       its codes of every pooled image
 * @param pca         PCA with as many components, or null
 * @param pcaCodes    its codes, or null
 * @param pixelsTest  the test images' pixels
 * @param pixelsTrain the training images' pixels
 */
record SearchIndexes(DatasetPair pair, Codec model, NeighbourIndex codes, Codec pca, NeighbourIndex pcaCodes,
                     PixelNeighbourIndex pixelsTest, PixelNeighbourIndex pixelsTrain) {
    /** Searches a few times, so that the user's first search runs compiled code. */
    private static final int WARM_UP_ROUNDS = 12;

    /**
     * Indexes every image with {@code model} (and {@code pca}), reusing from {@code old} what has not changed; on
     * a new data set, warms the searches up on this thread.
     */
    static SearchIndexes build(DatasetPair pair, Codec model, Codec pca, SearchIndexes old, ComputePool pool) {
        boolean samePair = old != null && old.pair() == pair;
        NeighbourIndex codes = samePair && old.model() == model ? old.codes()
                : new NeighbourIndex(encodeAll(model, pair, pool), model.latentSize());
        NeighbourIndex pcaCodes = pca == null ? null : samePair && old.pca() == pca ? old.pcaCodes()
                : new NeighbourIndex(encodeAll(pca, pair, pool), pca.latentSize());
        PixelNeighbourIndex test = samePair ? old.pixelsTest() : new PixelNeighbourIndex(pair.test());
        PixelNeighbourIndex train = samePair ? old.pixelsTrain() : new PixelNeighbourIndex(pair.train());
        SearchIndexes built = new SearchIndexes(pair, model, codes, pca, pcaCodes, test, train);
        if (!samePair) {
            built.warmUp();
        }
        return built;
    }

    private static float[] encodeAll(Codec codec, DatasetPair pair, ComputePool pool) {
        float[] test = Encoding.encode(codec, pair.test(), pool);
        float[] train = Encoding.encode(codec, pair.train(), pool);
        float[] all = Arrays.copyOf(test, test.length + train.length);
        System.arraycopy(train, 0, all, test.length, train.length);
        return all;
    }

    /** Untimed searches, so the first search the user makes does not run interpreted (a pixel search would crawl). */
    private void warmUp() {
        float[] x = pair.test().image(0);
        for (int r = 0; r < WARM_UP_ROUNDS; r++) {
            for (Similarity s : Similarity.all()) {
                codes.nearestTo(r, NeighboursViewModel.NEIGHBOURS, s);
                nearestPixels(x, NeighboursViewModel.NEIGHBOURS, s, 0);
            }
        }
    }

    /** The total number of images indexed. */
    int size() {
        return pixelsTest.size() + pixelsTrain.size();
    }

    /** Whether these indexes are of {@code p} and their codes have {@code k} values. */
    boolean fits(DatasetPair p, int k) {
        return pair == p && codes.dimension() == k;
    }

    /**
     * The m nearest images in pixel space over the whole pool (the test and training indexes merged), leaving out
     * pooled image {@code excludePooled} (-1: none).
     */
    Neighbours nearestPixels(float[] x, int m, Similarity sim, int excludePooled) {
        int t = pixelsTest.size();
        Neighbours a = pixelsTest.nearest(x, m, sim, excludePooled < t ? excludePooled : -1);
        Neighbours b = pixelsTrain.nearest(x, m, sim, excludePooled >= t ? excludePooled - t : -1);
        return merge(a, 0, b, t, m);
    }

    /** The best m of two answers (ties to the lower pooled index, as each index ranks them). */
    static Neighbours merge(Neighbours a, int offsetA, Neighbours b, int offsetB, int m) {
        int n = Math.min(m, a.size() + b.size());
        int[] idx = new int[n];
        float[] score = new float[n];
        int i = 0;
        int j = 0;
        for (int r = 0; r < n; r++) {
            boolean takeA = j >= b.size() || (i < a.size() && (a.score(i) > b.score(j)
                    || (a.score(i) == b.score(j) && a.index(i) + offsetA < b.index(j) + offsetB)));
            if (takeA) {
                idx[r] = a.index(i) + offsetA;
                score[r] = a.score(i++);
            } else {
                idx[r] = b.index(j) + offsetB;
                score[r] = b.score(j++);
            }
        }
        return new Neighbours(idx, score);
    }
}
