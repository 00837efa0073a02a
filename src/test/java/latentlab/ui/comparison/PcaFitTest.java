package latentlab.ui.comparison;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectWrapper;
import latentlab.compute.ComputePool;
import latentlab.compute.Progress;
import latentlab.data.DatasetPair;
import latentlab.eval.Encoding;
import latentlab.eval.ReconstructionError;
import latentlab.nn.Architecture;
import latentlab.nn.Autoencoder;
import latentlab.pca.ErrorCurve;
import latentlab.pca.Pca;
import latentlab.pca.PcaModel;
import latentlab.train.Snapshot;
import latentlab.ui.explorer.LatentSpaceModel;
import latentlab.ui.explorer.SelectionModel;
import latentlab.ui.session.JobRunner;
import latentlab.ui.session.Notices;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The PCA fit and the numbers above the maps, on a small synthetic data set with the JavaFX toolkit but no window:
 * the fit runs on a job lane and matches a direct fit, PCA's space follows the autoencoder's k, the 5-NN accuracies
 * and errors match direct measurements, a lesson's fit is restored without fitting, a new data set forgets all,
 * and a model that cannot be added to the error chart is reported in one line.
 */
@Tag("gui")
class PcaFitTest {
    @TempDir
    Path dir;
    private final DatasetPair pair = new DatasetPair("tiny", ComparisonViewModelsTest.images(300, 1),
            ComparisonViewModelsTest.images(90, 2));
    private final Autoencoder ae = Autoencoder.initialized(Architecture.mirrored(16, 6, 2), 1);
    private JobRunner jobs;
    private JobRunner.Lane lane;
    private ComputePool pool;
    private ReadOnlyObjectWrapper<DatasetPair> dataset;
    private ReadOnlyObjectWrapper<Snapshot> snapshot;
    private ReadOnlyDoubleWrapper aeError;
    private Notices notices;
    private LatentSpaceModel aeSpace;
    private PcaFit fit;
    private MapStatistics stats;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(30, TimeUnit.SECONDS);
    }

    private static void fx(Runnable r) throws Exception {
        WaitForAsyncUtils.asyncFx(r).get(30, TimeUnit.SECONDS);
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(condition));
    }

    /** Waits until the lane has run everything queued so far, then for the FX thread to take the results. */
    private void drainLane() throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        lane.execute(done::countDown);
        assertTrue(done.await(60, TimeUnit.SECONDS));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** A snapshot of {@code model} at {@code step}: all the comparison reads of one. */
    static Snapshot snapshot(Autoencoder model, long step) {
        return new Snapshot(step, model, null, null, null, step, 0, 0, 0, 0, 0, 0, null, 0, null, List.of(), null,
                Double.NaN);
    }

    @BeforeEach
    void setUp() throws Exception {
        jobs = new JobRunner("pca-fit-test");
        lane = jobs.lane("comparison");
        pool = new ComputePool(2);
        fx(() -> {
            dataset = new ReadOnlyObjectWrapper<>(pair);
            snapshot = new ReadOnlyObjectWrapper<>();
            aeError = new ReadOnlyDoubleWrapper(Double.NaN);
            notices = new Notices();
            SelectionModel selection = new SelectionModel();
            aeSpace = new LatentSpaceModel("Autoencoder", selection);
            aeSpace.setDisplay(pair.test());
            aeSpace.update(ae, Encoding.encode(ae, pair.test(), pool));
            fit = new PcaFit(dataset.getReadOnlyProperty(), snapshot.getReadOnlyProperty(), selection, lane, pool,
                    notices);
            stats = new MapStatistics(dataset.getReadOnlyProperty(), snapshot.getReadOnlyProperty(),
                    new ReadOnlyBooleanWrapper(false).getReadOnlyProperty(), aeSpace, fit,
                    aeError.getReadOnlyProperty(), lane, pool, notices);
        });
    }

    @AfterEach
    void tearDown() {
        jobs.shutdown();
        pool.close();
    }

    @Test
    void theFitMatchesADirectFitAndItsNumbersMatchDirectMeasurements() throws Exception {
        fx(fit::ensureFitted);
        assertTrue(fx(() -> fit.fittingProperty().get() || fit.getModel() != null));
        waitFor(() -> fit.getModel() != null && !Double.isNaN(stats.pcaKnnProperty().get()));
        PcaModel direct = Pca.fit(pair.train(), pool, Progress.NONE);
        PcaModel fitted = fx(fit::getModel);
        assertArrayEquals(direct.components(), fitted.components(), "the same fit, on the lane");
        assertFalse(fx(() -> fit.fittingProperty().get()));
        assertTrue(fx(() -> fit.statusProperty().get()).startsWith("PCA of 300 training images"));
        ErrorCurve curve = fx(() -> fit.curveProperty().get());
        assertEquals(90, curve.imageCount());
        assertEquals(ErrorCurve.compute(direct, pair.test(), pool, Progress.NONE).errorPerImage(2),
                curve.errorPerImage(2), 1e-9);
        LatentSpaceModel space = fit.space();
        assertEquals(2, (int) fx(space::getLatentSize), "as many components as the autoencoder (2 before one)");
        float[] codes = Encoding.encode(direct.codec(2), pair.test(), pool);
        assertArrayEquals(codes, fx(space::getCodes), 1e-5f);

        drainLane();
        assertEquals(MapStatistics.knn(direct.codec(2), codes, pair, pool), fx(() -> stats.pcaKnnProperty().get()),
                1e-12);
        float[] errors = ReconstructionError.evaluate(direct.codec(2), pair.test(), pool).perImage();
        assertArrayEquals(errors, fx(() -> stats.pcaErrorsProperty().get()), 1e-4f);
        assertArrayEquals(errors, fx(() -> space.errorsProperty().get()), 1e-4f, "PCA's map can colour by error");
        String badge = fx(() -> stats.pcaBadgeProperty().get());
        assertTrue(badge.startsWith(String.format("PCA, k = 2 (%.1f%% of the variance)", 100
                * direct.explainedVariance(2))), badge);
        assertTrue(badge.endsWith(String.format("test error %.2f", curve.errorPerImage(2))), badge);
        assertNotNull(fx(fit::lessonSections), "a lesson can keep the fit");

        fx(fit::ensureFitted);
        assertFalse(fx(() -> fit.fittingProperty().get()), "fitted once per data set");
    }

    @Test
    void pcasSpaceFollowsTheAutoencodersKAndTheAccuracyFollowsTheAutoencoder() throws Exception {
        fx(fit::ensureFitted);
        waitFor(() -> fit.getModel() != null);
        fx(() -> snapshot.set(snapshot(ae, 10)));
        fx(stats::refreshAutoencoder);
        waitFor(() -> !Double.isNaN(stats.aeKnnProperty().get()));
        assertEquals(MapStatistics.knn(ae, Encoding.encode(ae, pair.test(), pool), pair, pool),
                fx(() -> stats.aeKnnProperty().get()), 1e-12);
        fx(() -> aeError.set(31.5));
        String badge = fx(() -> stats.autoencoderBadgeProperty().get());
        assertTrue(badge.startsWith(ae.describe() + "  ·  5-NN accuracy of the 2-D codes"), badge);
        assertTrue(badge.endsWith("test error 31.50"), badge);

        Autoencoder three = Autoencoder.initialized(Architecture.mirrored(16, 6, 3), 2);
        fx(() -> snapshot.set(snapshot(three, 0)));
        waitFor(() -> fit.space().getLatentSize() == 3);
        PcaModel m = fx(fit::getModel);
        assertArrayEquals(Encoding.encode(m.codec(3), pair.test(), pool), fx(() -> fit.space().getCodes()), 1e-5f);
        drainLane();
        assertEquals(MapStatistics.knn(m.codec(3), fx(() -> fit.space().getCodes()), pair, pool),
                fx(() -> stats.pcaKnnProperty().get()), 1e-12, "PCA's accuracy at the new k");
    }

    @Test
    void aLessonsFitIsRestoredWithoutFittingAndANewDataSetForgetsIt() throws Exception {
        PcaModel m = Pca.fit(pair.train(), pool, Progress.NONE);
        fx(() -> fit.restore(pair, m, null));
        assertFalse(fx(() -> fit.fittingProperty().get()), "restored, not fitted");
        waitFor(() -> fit.getModel() == m && fit.curveProperty().get() != null);
        assertEquals(90, fx(() -> fit.curveProperty().get()).imageCount(), "the missing curve was computed");
        fx(fit::ensureFitted);
        assertFalse(fx(() -> fit.fittingProperty().get()), "a restored fit counts as fitted");
        drainLane();

        DatasetPair other = new DatasetPair("other", ComparisonViewModelsTest.images(120, 3),
                ComparisonViewModelsTest.images(30, 4));
        fx(() -> dataset.set(other));
        assertNull(fx(fit::getModel), "another data set: the fit is forgotten");
        assertNull(fx(() -> fit.space().getDisplay()));
        assertTrue(Double.isNaN(fx(() -> stats.pcaKnnProperty().get())));
        assertNull(fx(() -> stats.pcaErrorsProperty().get()));

        fx(() -> {
            fit.ensureFitted();
            fit.cancelFit();
        });
        drainLane();
        assertNull(fx(fit::getModel), "a cancelled fit leaves nothing behind");
        assertEquals("PCA fit cancelled", fx(() -> fit.statusProperty().get()));
        assertFalse(fx(() -> fit.fittingProperty().get()));
    }

    @Test
    void aModelThatCannotBeAddedToTheErrorChartIsReportedInOneLine() throws Exception {
        Path other = dir.resolve("mnist.llm");
        try (InputStream in = getClass().getResourceAsStream("/latentlab/pretrained/mnist-784-256-64-2.llm")) {
            Files.copy(in, other);
        }
        ErrorAgainstKViewModel errorChart = fx(() -> new ErrorAgainstKViewModel(dataset.getReadOnlyProperty(), fit,
                aeSpace.codecProperty(), aeError.getReadOnlyProperty(), lane, pool, notices));
        fx(() -> errorChart.addModel(other));
        fx(() -> errorChart.addModel(dir.resolve("missing.llm")));
        drainLane();
        assertTrue(fx(errorChart::savedModels).isEmpty());
        String reported = fx(notices::getError);
        assertTrue(reported.startsWith("Could not add missing.llm to the error chart: "), reported);
        assertFalse(reported.contains("\n"), reported);
    }
}
