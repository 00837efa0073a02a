package latentlab.ui.embeddings;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import javafx.beans.property.ReadOnlyObjectWrapper;
import latentlab.compute.ComputePool;
import latentlab.data.Dataset;
import latentlab.data.DatasetPair;
import latentlab.embed.Neighbours;
import latentlab.embed.Similarity;
import latentlab.eval.Encoding;
import latentlab.nn.Architecture;
import latentlab.nn.Autoencoder;
import latentlab.ui.explorer.Annotation;
import latentlab.ui.explorer.LatentSpaceModel;
import latentlab.ui.explorer.SelectionModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The embeddings tools' view-models on a small synthetic data set, without a display or a JavaFX toolkit: the
 * pooled numbering, neighbour searches against brute force, the interpolation's filmstrips, the arithmetic
 * experiment, and a drawing's code, neighbours and vote.
 */
class EmbeddingsViewModelsTest {
    private static final int TEST = 20;
    private static final int TRAIN = 70;
    private ComputePool pool;
    private DatasetPair pair;
    private Autoencoder ae;
    private ReadOnlyObjectWrapper<DatasetPair> dataset;
    private SelectionModel selection;
    private LatentSpaceModel space;
    private PooledImages images;
    private ReadOnlyObjectWrapper<SearchIndexes> indexes;

    /** 4 x 4 images in three classes: a class pattern, a thickness that grows with the index, and noise. */
    private static Dataset images(int n, long seed) {
        java.util.Random r = new java.util.Random(seed);
        byte[] px = new byte[n * 16];
        byte[] labels = new byte[n];
        for (int i = 0; i < n; i++) {
            int c = i % 3;
            labels[i] = (byte) c;
            for (int j = 0; j < 16; j++) {
                int base = (j % 3 == c) ? 120 + i % 7 * 15 : 20;
                px[i * 16 + j] = (byte) Math.max(0, Math.min(255, base + r.nextInt(30) - 15));
            }
        }
        return new Dataset("tiny", 4, 4, px, labels);
    }

    @BeforeEach
    void setUp() {
        pool = new ComputePool(1);
        pair = new DatasetPair("tiny", images(TRAIN, 1), images(TEST, 2));
        ae = Autoencoder.initialized(Architecture.mirrored(16, 6, 2), 5);
        dataset = new ReadOnlyObjectWrapper<>(pair);
        selection = new SelectionModel();
        space = new LatentSpaceModel("Autoencoder", selection);
        space.setDisplay(pair.test());
        space.update(ae, Encoding.encode(ae, pair.test(), pool));
        images = new PooledImages(dataset.getReadOnlyProperty(), selection);
        indexes = new ReadOnlyObjectWrapper<>(SearchIndexes.build(pair, ae, null, null, pool));
    }

    @AfterEach
    void tearDown() {
        pool.close();
    }

    /** Pooled vectors: f of every test image, then of every training image. */
    private float[][] pooled(java.util.function.Function<float[], float[]> f) {
        float[][] out = new float[TEST + TRAIN][];
        for (int i = 0; i < out.length; i++) {
            out[i] = f.apply(images.image(i));
        }
        return out;
    }

    /** The m best pooled indices by the similarity (ties to the lower index), leaving out {@code exclude}. */
    private static int[] bruteForce(float[][] all, float[] q, int m, Similarity s, int exclude) {
        List<double[]> scored = new ArrayList<>();
        for (int i = 0; i < all.length; i++) {
            if (i != exclude) {
                scored.add(new double[] {s.score(q, all[i]), i});
            }
        }
        scored.sort(Comparator.<double[]>comparingDouble(x -> -x[0]).thenComparingDouble(x -> x[1]));
        return scored.stream().limit(m).mapToInt(x -> (int) x[1]).toArray();
    }

    private static void assertSameScores(float[][] all, float[] q, Similarity s, int[] expected, Neighbours got) {
        assertEquals(expected.length, got.size());
        for (int r = 0; r < expected.length; r++) {
            assertEquals(s.score(q, all[expected[r]]), s.score(q, all[got.index(r)]), 1e-5, "rank " + r);
        }
    }

    @Test
    void imagesAreNumberedTestFirstThenTraining() {
        assertEquals(TEST + TRAIN, images.size());
        assertArrayEquals(pair.test().image(3), images.image(3));
        assertArrayEquals(pair.train().image(5), images.image(TEST + 5));
        assertEquals(pair.train().label(5), images.label(TEST + 5));
        assertTrue(images.isTest(TEST - 1));
        assertFalse(images.isTest(TEST));
        assertEquals("test image #3", images.describe(3));
        assertEquals("training image #5", images.describe(TEST + 5));
        assertNotNull(images.tile(3, "", "", true).onClick(), "a test image can be selected");
        assertNull(images.tile(TEST + 5, "", "", true).onClick(), "a training image cannot");
        images.tile(3, "", "", true).onClick().run();
        assertEquals(3, selection.getSelected());
        assertEquals("Code (1.00, 2.00, 3.00, 4.00, 5.00, 6.00, …)", PooledImages.describeCode("Code",
                new float[] {1, 2, 3, 4, 5, 6, 7, 8}));
    }

    @Test
    void neighboursAreTheNearestOfAllPooledImagesInCodesAndPixels() {
        NeighboursViewModel vm = new NeighboursViewModel(dataset.getReadOnlyProperty(), selection, images,
                indexes.getReadOnlyProperty());
        assertNull(vm.codeAnswerProperty().get());
        assertEquals("Autoencoder codes", vm.codeRowProperty().get().title());
        int q = 4;
        selection.select(q);
        float[][] codes = pooled(ae::encode);
        float[][] pixels = pooled(x -> x);
        for (Similarity s : Similarity.all()) {
            vm.similarityProperty().set(s);
            NeighboursViewModel.Answer a = vm.codeAnswerProperty().get();
            assertSameScores(codes, codes[q], s, bruteForce(codes, codes[q], NeighboursViewModel.NEIGHBOURS, s, q),
                    a.neighbours());
            assertSameScores(pixels, pixels[q], s, bruteForce(pixels, pixels[q], NeighboursViewModel.NEIGHBOURS, s,
                    q), vm.pixelAnswerProperty().get().neighbours());
        }
        assertNull(vm.pcaAnswerProperty().get(), "no PCA indexed");
        NeighboursViewModel.Answer a = vm.codeAnswerProperty().get();
        int same = 0;
        for (int r = 0; r < a.neighbours().size(); r++) {
            same += images.label(a.neighbours().index(r)) == images.label(q) ? 1 : 0;
        }
        assertEquals(same, a.sameLabel());
        assertTrue(vm.codeRowProperty().get().title().startsWith(String.format(
                "Autoencoder codes (2 numbers per image): %d of 8 are %ds · ", same, images.label(q))));
        assertEquals(8, vm.codeRowProperty().get().tiles().size());
        assertEquals("test image #4, a 1. Searched: all 90 images (test and training).", vm.queryTextProperty().get());
        indexes.set(null);
        assertEquals("Autoencoder codes: indexing…", vm.codeRowProperty().get().title(), "searched again");
    }

    @Test
    void theInterpolationWalksFromAToBAndIsDrawnOnTheMap() {
        InterpolationViewModel vm = new InterpolationViewModel(dataset.getReadOnlyProperty(), selection, space,
                new ReadOnlyObjectWrapper<latentlab.nn.Codec>().getReadOnlyProperty(), images);
        assertNull(vm.stripsProperty().get());
        selection.select(2);
        vm.startAtSelected();
        vm.endBProperty().set(TEST + 7);
        vm.stepsProperty().set(5);
        InterpolationViewModel.Strips s = vm.stripsProperty().get();
        float[] a = images.image(2);
        float[] b = images.image(TEST + 7);
        assertArrayEquals(ae.decode(ae.encode(a)), s.latent().image(0), 1e-6f);
        assertArrayEquals(ae.decode(ae.encode(b)), s.latent().image(4), 1e-6f);
        assertArrayEquals(a, Arrays.copyOfRange(s.crossFade(), 0, 16), 1e-6f);
        assertNull(s.pca(), "no PCA yet");
        assertEquals("PCA: waiting for the PCA fit (it runs once per data set, in the background)",
                vm.pcaTitleProperty().get());
        assertEquals(List.of("t=0.00", "t=0.25", "t=0.50", "t=0.75", "t=1.00"),
                vm.latentTilesProperty().get().stream().map(latentlab.ui.common.ImageRow.Item::caption).toList());
        assertEquals(List.of("A: a 2", "B: a 1"), vm.endsProperty().get().stream()
                .map(latentlab.ui.common.ImageRow.Item::caption).toList());
        Annotation.Path path = (Annotation.Path) space.annotations().get(InterpolationViewModel.ANNOTATION).get(0);
        assertEquals(5, path.points());
        vm.swap();
        assertArrayEquals(ae.decode(ae.encode(b)), vm.stripsProperty().get().latent().image(0), 1e-6f);
        vm.clear();
        assertNull(vm.stripsProperty().get());
        assertNull(space.annotations().get(InterpolationViewModel.ANNOTATION), "the walk leaves the map");
    }

    @Test
    void arithmeticDecodesAMinusBPlusCAndFindsItsNearestCodes() {
        ArithmeticViewModel vm = new ArithmeticViewModel(dataset.getReadOnlyProperty(), selection, space, images,
                indexes.getReadOnlyProperty());
        assertEquals("Choose a, b and c (or try the example).", vm.resultTextProperty().get());
        vm.chooseThicknessExample(1, 2);
        Dataset test = pair.test();
        int a = vm.argAProperty().get();
        int b = vm.argBProperty().get();
        int c = vm.argCProperty().get();
        assertEquals(List.of(1, 1, 2), List.of(test.label(a), test.label(b), test.label(c)));
        assertTrue(ArithmeticViewModel.ink(test.image(a)) > ArithmeticViewModel.ink(test.image(b)),
                "a is the thick one, b the thin one");
        float[] ga = ae.encode(test.image(a));
        float[] gb = ae.encode(test.image(b));
        float[] gc = ae.encode(test.image(c));
        float[] want = {ga[0] - gb[0] + gc[0], ga[1] - gb[1] + gc[1]};
        ArithmeticViewModel.Sum s = vm.sumProperty().get();
        assertArrayEquals(want, s.result().code(), 1e-5f);
        assertArrayEquals(ae.decode(want), s.result().decoded(), 1e-6f);
        float[][] codes = pooled(ae::encode);
        assertSameScores(codes, want, Similarity.EUCLIDEAN, bruteForce(codes, want, ArithmeticViewModel.NEAREST,
                Similarity.EUCLIDEAN, -1), s.nearest());
        assertEquals(6, space.annotations().get(ArithmeticViewModel.ANNOTATION).size(), "a, b, c, sum, 2 arrows");
        assertTrue(vm.resultTextProperty().get().startsWith("code ("), vm.resultTextProperty().get());
        assertTrue(vm.resultTextProperty().get().contains("against c's"), vm.resultTextProperty().get());
        assertEquals(3, vm.argumentsProperty().get().size());
        assertEquals(ArithmeticViewModel.NEAREST, vm.nearestProperty().get().size());

        selection.select(5);
        vm.useSelected(1);
        assertEquals(5, vm.argBProperty().get());
        vm.clear();
        assertNull(vm.sumProperty().get());
        assertNull(space.annotations().get(ArithmeticViewModel.ANNOTATION));
    }

    @Test
    void byInkPicksTheQuantilesOfADigitsInk() {
        Dataset test = pair.test();
        int thin = ArithmeticViewModel.byInk(test, 0, 0);
        int thick = ArithmeticViewModel.byInk(test, 0, 1);
        for (int i = 0; i < test.size(); i++) {
            if (test.label(i) == 0) {
                assertTrue(ArithmeticViewModel.ink(test.image(i)) >= ArithmeticViewModel.ink(test.image(thin)) - 1e-9);
                assertTrue(ArithmeticViewModel.ink(test.image(i)) <= ArithmeticViewModel.ink(test.image(thick)) + 1e-9);
            }
        }
        assertEquals(-1, ArithmeticViewModel.byInk(test, 9, 0.5), "no such digit");
    }

    @Test
    void aDrawingIsEncodedMarkedAndVotedOnByItsNearestCodes() {
        DrawingViewModel vm = new DrawingViewModel(dataset.getReadOnlyProperty(), selection, space, images,
                indexes.getReadOnlyProperty());
        assertEquals("Nothing drawn yet.", vm.textProperty().get());
        assertNull(vm.selectedImage());
        selection.select(6);
        float[] x = vm.selectedImage();
        assertArrayEquals(images.image(6), x);
        vm.setDrawing(x, false);
        DrawingViewModel.Drawn d = vm.drawnProperty().get();
        assertArrayEquals(ae.encode(x), d.code(), 1e-6f);
        assertArrayEquals(ae.decode(d.code()), d.reconstruction(), 1e-6f);
        assertEquals(DrawingViewModel.NEAREST, d.nearest().size());
        int[] counts = new int[3];
        for (int r = 0; r < d.nearest().size(); r++) {
            counts[images.label(d.nearest().index(r))]++;
        }
        int best = 0;
        for (int l = 1; l < 3; l++) {
            best = counts[l] > counts[best] ? l : best;
        }
        assertEquals(best, d.vote(), "the most common label, ties to the smaller");
        assertTrue(vm.textProperty().get().contains(String.format("Looks like a %d to its 5 nearest codes (%d of them)",
                best, counts[best])), vm.textProperty().get());
        assertNotNull(space.annotations().get(DrawingViewModel.ANNOTATION), "its code is marked on the map");

        Autoencoder next = Autoencoder.initialized(Architecture.mirrored(16, 6, 2), 6);
        space.update(next, Encoding.encode(next, pair.test(), pool));
        assertArrayEquals(next.encode(x), vm.drawnProperty().get().code(), 1e-6f, "the code follows the model");
        vm.setDrawing(null, false);
        assertNull(vm.drawnProperty().get());
        assertNull(space.annotations().get(DrawingViewModel.ANNOTATION));
    }

    @Test
    void theMergeOfTwoAnswersKeepsTheBestAndBreaksTiesByPooledIndex() {
        Neighbours a = new Neighbours(new int[] {3, 1}, new float[] {0.9f, 0.5f});
        Neighbours b = new Neighbours(new int[] {0, 2}, new float[] {0.9f, 0.7f});
        Neighbours m = SearchIndexes.merge(a, 0, b, 10, 3);
        assertArrayEquals(new int[] {3, 10, 12}, m.indices());
        assertArrayEquals(new float[] {0.9f, 0.9f, 0.7f}, m.scores());
    }
}
