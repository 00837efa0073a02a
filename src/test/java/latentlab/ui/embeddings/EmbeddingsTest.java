package latentlab.ui.embeddings;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.stage.Stage;
import latentlab.compute.ComputePool;
import latentlab.data.Dataset;
import latentlab.data.DatasetPair;
import latentlab.embed.Neighbours;
import latentlab.embed.Similarity;
import latentlab.eval.Encoding;
import latentlab.nn.Codec;
import latentlab.testing.FxPulses;
import latentlab.ui.common.ImageRow;
import latentlab.ui.explorer.Annotation;
import latentlab.ui.explorer.ColourBy;
import latentlab.ui.shell.AppContext;
import latentlab.ui.shell.MainView;
import latentlab.ui.shell.TestWindow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The embeddings tab on the bundled MNIST and pre-trained autoencoder: neighbour search against a brute-force
 * reference in all three spaces, interpolation and arithmetic against direct computation, the worst list and
 * colouring by error.
 */
@Tag("gui")
@Tag("slow")
@ExtendWith(ApplicationExtension.class)
class EmbeddingsTest {
    private AppContext model;
    private MainView view;

    @Start
    void start(Stage stage) {
        model = new AppContext();
        view = TestWindow.show(stage, model, 1440, 900);
    }

    @AfterEach
    void stop() throws Exception {
        TestWindow.close(model);
    }

    private EmbeddingsView open(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> model.autoencoderSpace().getCodes() != null);
        robot.interact(() -> view.selectTab(2));
        return view.embeddings();
    }

    /** Brute force: the m best of all pooled vectors (test then train) by the similarity, ties to the lower index. */
    private static int[] bruteForce(float[] all, int d, float[] q, int m, Similarity s, int exclude) {
        int n = all.length / d;
        List<double[]> scored = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (i != exclude) {
                scored.add(new double[] {s.score(q, 0, all, i * d, d), i});
            }
        }
        scored.sort(Comparator.<double[]>comparingDouble(x -> -x[0]).thenComparingDouble(x -> x[1]));
        int[] out = new int[m];
        for (int r = 0; r < m; r++) {
            out[r] = (int) scored.get(r)[1];
        }
        return out;
    }

    private static float[] pooled(Codec c, DatasetPair p) {
        try (ComputePool pool = new ComputePool(2)) {
            float[] t = Encoding.encode(c, p.test(), pool);
            float[] r = Encoding.encode(c, p.train(), pool);
            float[] all = java.util.Arrays.copyOf(t, t.length + r.length);
            System.arraycopy(r, 0, all, t.length, r.length);
            return all;
        }
    }

    private static float[] pooledPixels(DatasetPair p) {
        int d = p.test().dimension();
        float[] all = new float[(p.test().size() + p.train().size()) * d];
        for (int i = 0; i < p.test().size(); i++) {
            p.test().copyImage(i, all, i * d);
        }
        for (int i = 0; i < p.train().size(); i++) {
            p.train().copyImage(i, all, (p.test().size() + i) * d);
        }
        return all;
    }

    /** Scores must agree; where floats tie or nearly tie the order may differ, so compare the score sequences. */
    private static void assertSameNeighbours(int[] expected, float[] all, int d, float[] q, Similarity s,
                                             Neighbours actual, String space) {
        assertEquals(expected.length, actual.size(), space);
        for (int r = 0; r < expected.length; r++) {
            double want = s.score(q, 0, all, expected[r] * d, d);
            double got = s.score(q, 0, all, actual.index(r) * d, d);
            assertEquals(want, got, 1e-4 * Math.max(1, Math.abs(want)), space + " rank " + r + ": expected #"
                    + expected[r] + ", got #" + actual.index(r));
        }
    }

    @Test
    void neighboursMatchABruteForceSearchInAllThreeSpaces(FxRobot robot) throws Exception {
        open(robot);
        NeighboursViewModel e = model.embeddings().neighbours();
        int query = 1234;
        robot.interact(() -> model.selection().select(query));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> e.codeAnswerProperty().get() != null
                && e.pcaAnswerProperty().get() != null && e.pixelAnswerProperty().get() != null);
        DatasetPair pair = model.getDataset();
        Codec ae = model.training().getSnapshot().model();
        float[] codes = pooled(ae, pair);
        int k = ae.latentSize();
        for (Similarity s : Similarity.all()) {
            robot.interact(() -> e.similarityProperty().set(s));
            float[] q = java.util.Arrays.copyOfRange(codes, query * k, (query + 1) * k);
            assertSameNeighbours(bruteForce(codes, k, q, 8, s, query), codes, k, q, s,
                    e.codeAnswerProperty().get().neighbours(), "codes, " + s);
        }
        robot.interact(() -> e.similarityProperty().set(Similarity.EUCLIDEAN));
        Codec pca = model.comparison().fit().space().getCodec();
        float[] pcaCodes = pooled(pca, pair);
        float[] pq = java.util.Arrays.copyOfRange(pcaCodes, query * k, (query + 1) * k);
        assertSameNeighbours(bruteForce(pcaCodes, k, pq, 8, Similarity.EUCLIDEAN, query), pcaCodes, k, pq,
                Similarity.EUCLIDEAN, e.pcaAnswerProperty().get().neighbours(), "PCA");
        float[] pixels = pooledPixels(pair);
        int d = pair.test().dimension();
        float[] x = pair.test().image(query);
        assertSameNeighbours(bruteForce(pixels, d, x, 8, Similarity.EUCLIDEAN, query), pixels, d, x,
                Similarity.EUCLIDEAN, e.pixelAnswerProperty().get().neighbours(), "pixels");
        WaitForAsyncUtils.waitForFxEvents();
        var row = robot.lookup("#neighbours-codes").queryAs(ImageRow.class);
        assertEquals(8, row.items().size(), "the strip shows them");
    }

    @Test
    void interpolationEndsAtTheTwoImagesAndIsDrawnOnTheMap(FxRobot robot) throws Exception {
        EmbeddingsView v = open(robot);
        InterpolationViewModel e = model.embeddings().interpolation();
        Dataset test = model.getDataset().test();
        robot.interact(() -> {
            e.endAProperty().set(3);
            e.endBProperty().set(2);
            e.stepsProperty().set(7);
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> e.stripsProperty().get() != null
                && e.stripsProperty().get().pca() != null);
        InterpolationViewModel.Strips s = e.stripsProperty().get();
        Codec ae = model.autoencoderSpace().getCodec();
        assertEquals(7, s.steps());
        assertArrayEquals(ae.decode(ae.encode(test.image(3))), s.latent().image(0), 1e-6f, "starts at h(g(A))");
        assertArrayEquals(ae.decode(ae.encode(test.image(2))), s.latent().image(6), 1e-6f, "ends at h(g(B))");
        int d = test.dimension();
        assertArrayEquals(test.image(3), java.util.Arrays.copyOfRange(s.crossFade(), 0, d), 1e-6f);
        assertArrayEquals(test.image(2), java.util.Arrays.copyOfRange(s.crossFade(), 6 * d, 7 * d), 1e-6f);
        float[] mid = java.util.Arrays.copyOfRange(s.crossFade(), 3 * d, 4 * d);
        for (int j = 0; j < d; j++) {
            assertEquals((test.image(3)[j] + test.image(2)[j]) / 2, mid[j], 1e-6f, "half way is the average");
        }
        var path = model.autoencoderSpace().annotations().get("interpolation");
        assertNotNull(path, "the path is drawn on the map");
        Annotation.Path p = (Annotation.Path) path.get(0);
        assertEquals(7, p.points());
        assertArrayEquals(ae.encode(test.image(3)), java.util.Arrays.copyOfRange(p.codes(), 0, 2), 1e-6f);
        // The path belongs to the Interpolate tool: the map draws it there, and not under another tool.
        for (String tool : new String[] {"Interpolate", "Arithmetic", "Neighbours"}) {
            robot.interact(() -> v.tools().getSelectionModel().select(v.tools().getTabs().stream()
                    .filter(t -> t.getText().equals(tool)).findFirst().orElseThrow()));
            var filter = v.scatterPane().scatter().annotationFilterProperty().get();
            assertEquals(tool.equals("Interpolate"), filter.test("interpolation"), tool);
        }
    }

    @Test
    void arithmeticDecodesAMinusBPlusCAndFindsItsNearestImages(FxRobot robot) throws Exception {
        open(robot);
        ArithmeticViewModel e = model.embeddings().arithmetic();
        robot.interact(() -> e.chooseThicknessExample(8, 1));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> e.sumProperty().get() != null
                && e.sumProperty().get().nearest() != null);
        Dataset test = model.getDataset().test();
        int a = e.argAProperty().get();
        int b = e.argBProperty().get();
        int c = e.argCProperty().get();
        assertEquals(8, test.label(a));
        assertEquals(8, test.label(b));
        assertEquals(1, test.label(c));
        assertTrue(ink(test, a) > ink(test, b), "a is the thicker 8");
        Codec ae = model.autoencoderSpace().getCodec();
        float[] ga = ae.encode(test.image(a));
        float[] gb = ae.encode(test.image(b));
        float[] gc = ae.encode(test.image(c));
        float[] want = new float[ga.length];
        for (int j = 0; j < want.length; j++) {
            want[j] = ga[j] - gb[j] + gc[j];
        }
        ArithmeticViewModel.Sum s = e.sumProperty().get();
        assertArrayEquals(want, s.result().code(), 1e-5f);
        assertArrayEquals(ae.decode(want), s.result().decoded(), 1e-6f);
        assertEquals(6, s.nearest().size());
        double d0 = Similarity.EUCLIDEAN.score(want, model.embeddings().indexing().codeOf(s.nearest().index(0)));
        double d5 = Similarity.EUCLIDEAN.score(want, model.embeddings().indexing().codeOf(s.nearest().index(5)));
        assertTrue(d0 >= d5, "nearest first");
        assertEquals(6, model.autoencoderSpace().annotations().get("arithmetic").size(), "a, b, c, sum, 2 arrows");
        // With the bundled net, thickness carries over: the result is a 1 with clearly more ink than the thin 1.
        int ones = 0;
        for (int r = 0; r < s.nearest().size(); r++) {
            ones += model.embeddings().images().label(s.nearest().index(r)) == 1 ? 1 : 0;
        }
        assertTrue(ones >= 5, ones + " of the 6 nearest images are 1s");
        assertTrue(ArithmeticViewModel.ink(s.result().decoded()) > 1.3 * ArithmeticViewModel.ink(test.image(c)),
                "a thick 1");
    }

    private static int ink(Dataset d, int i) {
        int s = 0;
        for (int j = 0; j < d.dimension(); j++) {
            s += d.pixel(i, j);
        }
        return s;
    }

    @Test
    void theWorstListAndColourByErrorUseTheMeasuredErrors(FxRobot robot) throws Exception {
        EmbeddingsView v = open(robot);
        robot.interact(() -> v.tools().getSelectionModel().select(v.tools().getTabs().stream()
                .filter(t -> t.getText().equals("Worst")).findFirst().orElseThrow()));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> model.testErrors().perImageProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        float[] errors = model.testErrors().perImageProperty().get();
        var row = robot.lookup("#worst-list").queryAs(ImageRow.class);
        assertEquals(24, row.items().size());
        float max = 0;
        for (float x : errors) {
            max = Math.max(max, x);
        }
        assertEquals(String.format("%.1f", max), row.items().get(0).caption(), "the worst comes first");
        robot.interact(() -> v.scatterPane().scatter().colourByProperty().set(ColourBy.ERROR));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> v.scatterPane().scatter().colourScale() != null);
        var scale = v.scatterPane().scatter().colourScale();
        assertTrue(scale.max() > scale.min() && scale.max() < max, "a robust range below the largest error: "
                + scale);
    }

    /** The pixels of the explorer map's plot as shown now (its markers, if any, included). */
    private int[] explorerPixels(FxRobot robot) throws Exception {
        robot.moveTo(view.sliders()); // nothing hovered on the map
        WaitForAsyncUtils.waitForFxEvents();
        FxPulses.await(3); // a pulse redraws the map
        return WaitForAsyncUtils.asyncFx(() -> {
            javafx.scene.image.WritableImage img = view.scatter().snapshot(null, null);
            javafx.geometry.Rectangle2D plot = view.scatter().plotArea();
            int w = (int) plot.getWidth();
            int h = (int) plot.getHeight();
            int[] px = new int[w * h];
            img.getPixelReader().getPixels((int) plot.getMinX(), (int) plot.getMinY(), w, h,
                    javafx.scene.image.PixelFormat.getIntArgbInstance(), px, 0, w);
            return px;
        }).get();
    }

    @Test
    void theToolsMarkersShowWhereTheToolIsUsedOrWhenAskedAndClearMarkersForgetsThem(FxRobot robot)
            throws Exception {
        EmbeddingsView e = open(robot);
        robot.interact(() -> {
            e.tools().getSelectionModel().select(3); // Draw
            e.pad().setImage(model.getDataset().test().image(7));
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> model.autoencoderSpace().annotations().containsKey(DrawingViewModel.ANNOTATION));
        assertTrue(e.scatterPane().scatter().viewModel().markersShownProperty().get(), "the tool in use shows them");
        robot.interact(() -> view.selectTab(0));
        var explorerMap = view.scatter().viewModel().markersShownProperty();
        assertTrue(!explorerMap.get(), "the explorer map leaves them out");
        javafx.scene.control.ToggleButton toggle = robot.from(view.explorer()).lookup("#markers-toggle")
                .queryAs(javafx.scene.control.ToggleButton.class);
        assertTrue(toggle.isVisible(), "behind a toggle that shows while there are markers");
        int[] without = explorerPixels(robot);
        robot.clickOn(toggle);
        assertTrue(explorerMap.get());
        int[] with = explorerPixels(robot);
        assertTrue(!java.util.Arrays.equals(without, with), "the toggle draws the drawn digit's marker");
        robot.clickOn(robot.from(view.explorer()).lookup("#clear-markers").queryButton());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(model.autoencoderSpace().annotations().isEmpty(), "Clear markers forgets them all");
        assertTrue(e.pad().canvas().isEmpty(), "the drawing too");
        assertTrue(!toggle.isVisible(), "nothing to show: the toggle goes");
        int[] after = explorerPixels(robot);
        assertArrayEquals(without, after, "the map is as it was without markers");
    }
}
