package latentlab.ui.dimensions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

import javafx.beans.property.SimpleBooleanProperty;
import latentlab.compute.ComputePool;
import latentlab.data.Dataset;
import latentlab.data.DatasetLocator;
import latentlab.data.DatasetPair;
import latentlab.eval.DimensionAnalysis;
import latentlab.eval.DisentanglementScore;
import latentlab.eval.Encoding;
import latentlab.eval.ReconstructionError;
import latentlab.eval.Strokes;
import latentlab.io.model.ModelFile;
import latentlab.morpho.Morphometric;
import latentlab.nn.Autoencoder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The disentangling experiment on the first 500 MNIST test images, against the figures measured directly. */
class DisentanglingExperimentTest {
    private static final ComputePool POOL = new ComputePool(2);
    private final ArrayDeque<Runnable> lane = new ArrayDeque<>();
    private final List<String> failures = new ArrayList<>();
    private final MorphometricsCache cache = new MorphometricsCache(lane::add, POOL, Runnable::run, failures::add,
            new SimpleBooleanProperty(false));

    @AfterAll
    static void closePool() {
        POOL.close();
    }

    private void runLane() {
        while (!lane.isEmpty()) {
            lane.poll().run();
        }
    }

    @Test
    void eachBundledModelIsMeasuredAsTheAnalysisMeasuresItDirectly() throws Exception {
        Dataset test = DatasetPair.open(DatasetLocator.bundledMnist().orElseThrow()).test().first(500);
        DisentanglingExperiment e = new DisentanglingExperiment(test, cache, lane::add, POOL, Runnable::run);
        e.start();
        assertTrue(e.statusProperty().get().startsWith("Measuring the slant"), e.statusProperty().get());
        runLane();
        assertEquals(3, e.rows().size(), e.statusProperty().get());
        assertEquals("All 3 models measured on the 500 test images.", e.statusProperty().get());
        for (int i = 0; i < 3; i++) {
            DisentanglingExperiment.Row row = e.rows().get(i);
            DisentanglingExperiment.Model model = DisentanglingExperiment.MODELS.get(i);
            assertEquals(model, row.model(), "in order");
            Autoencoder ae = ModelFile.loadResource(model.resource()).autoencoder();
            assertEquals(10, ae.latentSize());
            assertEquals(i > 0, ae.architecture().isVariational());
            assertEquals(ReconstructionError.evaluate(ae, test, POOL).squaredError(), row.testError(), 1e-9);
            DimensionAnalysis direct = DimensionAnalysis.of(ae, test, Encoding.encode(ae, test, POOL),
                    Strokes.measure(test, POOL), POOL);
            assertEquals(DisentanglementScore.mean(direct), row.score(), 1e-12);
            for (Morphometric p : Morphometric.values()) {
                int best = row.best(p);
                for (int j = 0; j < 10; j++) {
                    assertTrue(Math.abs(direct.rho(best, p)) >= Math.abs(direct.rho(j, p)), p + " a" + (j + 1));
                }
                assertTrue(row.describeBest(p).startsWith("a" + (best + 1) + " (r = "), row.describeBest(p));
            }
        }
        assertTrue(e.rows().get(2).testError() > e.rows().get(0).testError(),
                "β = 4 reconstructs worse than the plain autoencoder");
        assertEquals(List.of(), failures);
    }

    @Test
    void imagesTheModelsCannotDrawAreRefusedWithAMessage() {
        DisentanglingExperiment e = new DisentanglingExperiment(Strokes.images(20, 1, null), cache, lane::add, POOL,
                Runnable::run);
        e.start();
        assertTrue(e.statusProperty().get().contains("open MNIST"), e.statusProperty().get());
        assertEquals(0, lane.size(), "nothing runs");
    }
}
