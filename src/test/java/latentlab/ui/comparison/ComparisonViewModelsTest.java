package latentlab.ui.comparison;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import javafx.beans.property.ReadOnlyObjectWrapper;
import latentlab.compute.ComputePool;
import latentlab.compute.Progress;
import latentlab.data.Dataset;
import latentlab.eval.Encoding;
import latentlab.nn.Architecture;
import latentlab.nn.Autoencoder;
import latentlab.nn.Codec;
import latentlab.pca.ErrorCurve;
import latentlab.pca.Pca;
import latentlab.pca.PcaModel;
import latentlab.ui.common.XyChart;
import latentlab.ui.explorer.LatentSpaceModel;
import latentlab.ui.explorer.SelectionModel;
import latentlab.ui.training.TestErrorMonitor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The PCA comparison's view-models on a small synthetic data set, without a display or a JavaFX toolkit: the
 * reconstructions and their errors, the worst-reconstructed lists, the series of the error-against-k chart, and the
 * linear autoencoder's chart range and readout.
 */
class ComparisonViewModelsTest {
    private static ComputePool pool;
    private static Dataset images;
    private static Autoencoder ae;
    private static PcaModel pca;

    /** 4 x 4 images in three classes, each a class pattern plus deterministic noise. */
    static Dataset images(int n, long seed) {
        java.util.Random r = new java.util.Random(seed);
        byte[] px = new byte[n * 16];
        byte[] labels = new byte[n];
        for (int i = 0; i < n; i++) {
            int c = i % 3;
            labels[i] = (byte) c;
            for (int j = 0; j < 16; j++) {
                int base = (j % 3 == c) ? 200 : 30;
                px[i * 16 + j] = (byte) Math.max(0, Math.min(255, base + r.nextInt(50) - 25));
            }
        }
        return new Dataset("tiny", 4, 4, px, labels);
    }

    @BeforeAll
    static void setUp() {
        pool = new ComputePool(1);
        images = images(60, 7);
        ae = Autoencoder.initialized(Architecture.mirrored(16, 6, 2), 1);
        pca = Pca.fit(images, pool, Progress.NONE);
    }

    @AfterAll
    static void tearDown() {
        pool.close();
    }

    private static LatentSpaceModel space(String name, SelectionModel selection, Codec codec) {
        LatentSpaceModel s = new LatentSpaceModel(name, selection);
        s.setDisplay(images);
        s.update(codec, Encoding.encode(codec, images, pool));
        return s;
    }

    private static double squaredError(float[] x, float[] y) {
        double s = 0;
        for (int j = 0; j < x.length; j++) {
            s += (x[j] - y[j]) * (double) (x[j] - y[j]);
        }
        return s;
    }

    @Test
    void worstRanksByErrorThenIndex() {
        float[] e = {1, 5, 3, 5, 0};
        assertArrayEquals(new int[] {1, 3, 2}, WorstImages.of(e, 3), "largest first, ties by index");
        assertArrayEquals(new int[] {1, 3, 2, 0, 4}, WorstImages.of(e, 10), "at most all of them");
        assertArrayEquals(new int[0], WorstImages.of(null, 3));
    }

    @Test
    void theSelectedImageIsReconstructedByBothModelsWithItsSquaredErrors() {
        SelectionModel selection = new SelectionModel();
        LatentSpaceModel aeSpace = space("Autoencoder", selection, ae);
        LatentSpaceModel pcaSpace = new LatentSpaceModel("PCA", selection);
        var aeErrors = new ReadOnlyObjectWrapper<float[]>();
        var pcaErrors = new ReadOnlyObjectWrapper<float[]>();
        ReconstructionsViewModel vm = new ReconstructionsViewModel(selection, aeSpace, pcaSpace,
                aeErrors.getReadOnlyProperty(), pcaErrors.getReadOnlyProperty());
        assertNull(vm.selectedProperty().get(), "nothing selected");
        assertEquals("PCA", vm.pcaCaptionProperty().get());

        selection.select(7);
        ReconstructionsViewModel.Selected s = vm.selectedProperty().get();
        float[] x = images.image(7);
        assertArrayEquals(x, s.original());
        float[] byAe = ae.decode(ae.encode(x));
        assertArrayEquals(byAe, s.autoencoder(), 1e-6f);
        assertEquals(String.format("squared error %.2f", squaredError(x, byAe)), s.aeError());
        assertNull(s.pca(), "PCA's space shows no images yet");
        assertEquals("", s.pcaError());

        Codec pcaCodec = pca.codec(2);
        pcaSpace.setDisplay(images);
        pcaSpace.update(pcaCodec, Encoding.encode(pcaCodec, images, pool));
        s = vm.selectedProperty().get();
        float[] byPca = pcaCodec.decode(pcaCodec.encode(x));
        assertArrayEquals(byPca, s.pca(), 1e-5f, "PCA's reconstruction follows its new codes");
        assertEquals(String.format("squared error %.2f", squaredError(x, byPca)), s.pcaError());
        assertEquals("PCA, k = 2", vm.pcaCaptionProperty().get());

        selection.select(-1);
        assertNull(vm.selectedProperty().get());
    }

    @Test
    void theWorstListsRankTheMeasuredErrorsOfTheImagesShown() {
        SelectionModel selection = new SelectionModel();
        LatentSpaceModel aeSpace = space("Autoencoder", selection, ae);
        LatentSpaceModel pcaSpace = space("PCA", selection, pca.codec(2));
        var aeErrors = new ReadOnlyObjectWrapper<float[]>();
        var pcaErrors = new ReadOnlyObjectWrapper<float[]>();
        ReconstructionsViewModel vm = new ReconstructionsViewModel(selection, aeSpace, pcaSpace,
                aeErrors.getReadOnlyProperty(), pcaErrors.getReadOnlyProperty());
        assertEquals(0, vm.autoencoderWorstProperty().get().indices().length);
        assertEquals("Worst reconstructed by the autoencoder: measuring…", vm.autoencoderWorstProperty().get().title());
        assertEquals("Worst reconstructed by PCA: waiting for the fit…", vm.pcaWorstProperty().get().title());

        float[] errors = new float[images.size()];
        for (int i = 0; i < errors.length; i++) {
            errors[i] = (i * 37) % 61;
        }
        aeErrors.set(errors);
        ReconstructionsViewModel.Worst w = vm.autoencoderWorstProperty().get();
        assertArrayEquals(WorstImages.of(errors, ReconstructionsViewModel.WORST), w.indices());
        assertEquals(ReconstructionsViewModel.WORST, w.indices().length);
        assertTrue(errors[w.indices()[0]] >= errors[w.indices()[1]], "worst first");
        assertEquals(images, w.images());
        pcaErrors.set(errors.clone());
        assertEquals("Worst reconstructed by PCA with k = 2 (squared error)", vm.pcaWorstProperty().get().title());

        // Errors of another data set's images (the data set is being replaced) point at no images of this one.
        aeErrors.set(new float[images.size() + 5]);
        assertEquals(0, vm.autoencoderWorstProperty().get().indices().length);
    }

    @Test
    void theErrorChartShowsPcasCurveTheVarianceTheAutoencoderAndSavedModels() {
        ErrorCurve curve = ErrorCurve.compute(pca, images, pool, Progress.NONE);
        List<ErrorAgainstKViewModel.ModelPoint> saved = List.of(new ErrorAgainstKViewModel.ModelPoint("a.llm", 3, 4.5),
                new ErrorAgainstKViewModel.ModelPoint("b.llm", 8, 2.5));
        List<XyChart.Series> s = ErrorAgainstKViewModel.series(curve, pca, ae, 12.25, saved);
        assertEquals(List.of("PCA (closed form)", "variance explained by PCA (right)", "this autoencoder",
                "saved models"), s.stream().map(XyChart.Series::name).toList());
        XyChart.Series pcaCurve = s.get(0);
        int n = Math.min(ErrorAgainstKViewModel.MAX_K, curve.maxComponents());
        assertEquals(n, pcaCurve.size(), "k = 1 .. min(50, d)");
        for (int k = 1; k <= n; k++) {
            assertEquals(k, pcaCurve.x()[k - 1]);
            assertEquals(curve.errorPerImage(k), pcaCurve.y()[k - 1], 0);
            assertEquals(100 * pca.explainedVariance(k), s.get(1).y()[k - 1], 1e-12);
        }
        assertTrue(s.get(1).rightAxis() && !pcaCurve.rightAxis(), "the variance is measured on the right axis");
        assertArrayEquals(new double[] {2}, s.get(2).x(), "the autoencoder at its k");
        assertArrayEquals(new double[] {12.25}, s.get(2).y());
        assertArrayEquals(new String[] {"12.25"}, s.get(2).labels());
        assertArrayEquals(new double[] {3, 8}, s.get(3).x());
        assertArrayEquals(new String[] {"a.llm", "b.llm"}, s.get(3).labels());

        assertEquals(List.of(), ErrorAgainstKViewModel.series(null, null, ae, Double.NaN, List.of()),
                "nothing known yet, nothing drawn");
        assertEquals(String.format("This autoencoder (%s): 12.25 per test image at k = 2; PCA with the same k: %.2f",
                ae.describe(), curve.errorPerImage(2)), ErrorAgainstKViewModel.caption(curve, ae, 12.25));
        assertEquals("", ErrorAgainstKViewModel.caption(curve, ae, Double.NaN));
    }

    @Test
    void theLinearAutoencodersErrorChartScalesToTheLaterMeasurementsAndPca() {
        List<TestErrorMonitor.ErrorPoint> h = List.of(new TestErrorMonitor.ErrorPoint(0, 90),
                new TestErrorMonitor.ErrorPoint(50, 60), new TestErrorMonitor.ErrorPoint(500, 46),
                new TestErrorMonitor.ErrorPoint(1000, 44));
        LinearAutoencoderViewModel.Range r = LinearAutoencoderViewModel.errorRange(h, 43);
        // Steps below a tenth of the last (the random start at 90, 60) are left out; PCA's 43 is in.
        assertEquals(43 - 0.5, r.min(), 1e-12);
        assertEquals(46 + 0.5, r.max(), 1e-12, "a margin of 15% of the span, at least 0.5");
        List<XyChart.Series> s = LinearAutoencoderViewModel.errorSeries(h, 43, 2);
        assertEquals("PCA, k = 2", s.get(1).name());
        assertArrayEquals(new double[] {0, 1000}, s.get(1).x(), "PCA's level spans the run");
        assertEquals(1, LinearAutoencoderViewModel.errorSeries(h, Double.NaN, 2).size(), "no PCA before the fit");

        assertEquals("The current network is not linear.", LinearAutoencoderViewModel.readout(false, List.of(), true,
                1, 1));
        assertEquals("Waiting for the PCA fit…", LinearAutoencoderViewModel.readout(true, List.of(), false, 1, 1));
        assertEquals("Press Play to train it.", LinearAutoencoderViewModel.readout(true, List.of(), true, 1, 1));
        var angles = List.of(new LinearAutoencoderViewModel.AnglePoint(1200, 4.25, 2.5));
        assertEquals(String.format("Step 1,200: angles 4.3° (largest), 2.5° (mean)%nTest error 44.00, PCA's 43.00"),
                LinearAutoencoderViewModel.readout(true, angles, true, 44, 43));
        assertEquals(2, LinearAutoencoderViewModel.angleSeries(angles).size());
        assertNotNull(LinearAutoencoderViewModel.angleSeries(angles).get(0).colour());
    }
}
