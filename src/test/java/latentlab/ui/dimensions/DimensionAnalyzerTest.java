package latentlab.ui.dimensions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import javafx.beans.property.SimpleBooleanProperty;
import latentlab.compute.ComputePool;
import latentlab.data.Dataset;
import latentlab.eval.Strokes;
import latentlab.morpho.Morphometric;
import latentlab.ui.explorer.LatentSpaceModel;
import latentlab.ui.explorer.SelectionModel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The background analysis of what each dimension means, without a display: on a space of pen strokes whose codes
 * are their slant and thickness, with a controllable clock and lanes that run when the test says.
 */
class DimensionAnalyzerTest {
    private static final ComputePool POOL = new ComputePool(2);
    private static final long SECOND = 1_000_000_000L;
    private final float[] codes = new float[2 * 200];
    private final Dataset strokes = Strokes.images(200, 5, codes);
    private final LatentSpaceModel space = new LatentSpaceModel("Autoencoder", new SelectionModel());
    private final SimpleBooleanProperty running = new SimpleBooleanProperty(false);
    private final AtomicLong clock = new AtomicLong(100 * SECOND);
    private final List<String> failures = new ArrayList<>();
    /** The analyses' lane: tasks wait here until the test runs them. */
    private final ArrayDeque<Runnable> lane = new ArrayDeque<>();
    private final List<float[]> queuedWith = new ArrayList<>();
    private final MorphometricsCache cache = new MorphometricsCache(Runnable::run, POOL, Runnable::run, failures::add,
            running);
    private final DimensionAnalyzer analyzer = new DimensionAnalyzer(space, running, cache, task -> {
        queuedWith.add(space.getCodes());
        lane.add(task);
    }, POOL, Runnable::run, clock::get, failures::add);
    private final Object view = new Object();

    DimensionAnalyzerTest() {
        space.setDisplay(strokes);
        space.update(new Strokes.Codec(), codes);
    }

    @AfterAll
    static void closePool() {
        POOL.close();
    }

    /** Polls as a frame would, then runs what the poll queued. */
    private void frame() {
        analyzer.poll();
        while (!lane.isEmpty()) {
            lane.poll().run();
        }
    }

    /** The same model with a new array of the same codes (as a training snapshot brings). */
    private void newSnapshot() {
        space.update(space.getCodec(), codes.clone());
    }

    @Test
    void nothingIsMeasuredUntilAViewWantsIt() {
        frame();
        assertEquals(0, analyzer.started());
        assertNull(cache.tableProperty().get(), "the images are not even measured");
        analyzer.want(view, true);
        frame();
        assertEquals(1, analyzer.started());
        assertNotNull(cache.tableProperty().get());
        analyzer.want(view, false);
        newSnapshot();
        frame();
        assertEquals(1, analyzer.started(), "no view, no analysis");
    }

    @Test
    void findsWhatEachDimensionTracks() {
        analyzer.want(view, true);
        frame();
        MeasuredDimensions m = analyzer.getResult();
        assertNotNull(m);
        assertSame(strokes, m.images());
        assertEquals(2, m.dimensions());
        assertEquals(Morphometric.SLANT, m.analysis().strongest(0, 1).get(0).property());
        assertTrue(m.analysis().rho(1, Morphometric.THICKNESS) > 0.9, "a2 is the thickness (and so the ink)");
        assertTrue(m.score() > 0.3, "the strokes' two factors are cleanly apart: " + m.score());
        assertEquals(1.0, m.labelBits(), 0.01, "two nearly equally common labels");
        assertTrue(m.spread()[Morphometric.SLANT.ordinal()] > 10, "slants spread over 60°");
        assertEquals(List.of(), failures);
    }

    @Test
    void theSameModelIsNotAnalysedTwiceAndANewOneIsAtOnceWhileTrainingIsStopped() {
        analyzer.want(view, true);
        frame();
        frame();
        assertEquals(1, analyzer.started());
        clock.addAndGet(SECOND / 100);
        newSnapshot();
        frame();
        assertEquals(2, analyzer.started(), "a new model, training stopped: analysed at once");
    }

    @Test
    void whileTrainingRunsAnalysesAreAtLeastTwoSecondsApartAndTheLastModelIsAnalysedWhenItStops() {
        analyzer.want(view, true);
        frame();
        running.set(true);
        for (int i = 0; i < 19; i++) {
            clock.addAndGet(SECOND / 10);
            newSnapshot();
            frame();
        }
        assertEquals(1, analyzer.started(), "1.9 s after the last start: not yet");
        clock.addAndGet(SECOND / 10);
        newSnapshot();
        frame();
        assertEquals(2, analyzer.started(), "2 s after it: the newest model");
        assertSame(space.getCodes(), lastAnalysedCodes());
        clock.addAndGet(SECOND / 2);
        newSnapshot();
        frame();
        assertEquals(2, analyzer.started());
        running.set(false);
        frame();
        assertEquals(3, analyzer.started(), "training stopped: the last model is analysed without waiting");
    }

    @Test
    void oneAnalysisAtATimeAndTheModelsInBetweenAreSkipped() {
        analyzer.want(view, true);
        analyzer.poll();
        assertEquals(1, lane.size(), "the first analysis is queued");
        for (int i = 0; i < 3; i++) {
            newSnapshot();
            analyzer.poll();
        }
        assertEquals(1, lane.size(), "nothing more starts while it runs");
        assertEquals(1, analyzer.started());
        lane.poll().run();
        float[] newest = space.getCodes();
        frame();
        assertEquals(2, analyzer.started(), "then the newest model, not the ones in between");
        assertSame(newest, lastAnalysedCodes());
    }

    @Test
    void theSliderNotesAloneDoNotMeasureTheImagesWhileTrainingRuns() {
        running.set(true);
        analyzer.wantInBackground(view, true);
        frame();
        assertEquals(0, analyzer.started());
        assertNull(cache.tableProperty().get(), "measuring would take both cores from training");
        assertTrue(analyzer.waitingForImagesProperty().get());
        running.set(false);
        frame();
        assertEquals(1, analyzer.started(), "measured and analysed once training stops");
        running.set(true);
        clock.addAndGet(3 * SECOND);
        newSnapshot();
        frame();
        assertEquals(2, analyzer.started(), "with the images measured, analysed while training as any view is");
    }

    @Test
    void anotherLatentSizeIsAnalysedAtOnceEvenWhileTraining() {
        analyzer.want(view, true);
        frame();
        running.set(true);
        clock.addAndGet(SECOND / 10);
        float[] one = new float[200];
        for (int i = 0; i < 200; i++) {
            one[i] = codes[2 * i];
        }
        space.update(new OneDimension(), one);
        frame();
        assertEquals(2, analyzer.started());
        assertEquals(1, analyzer.getResult().dimensions());
    }

    @Test
    void aFailingAnalysisIsReportedOnceAndNotRetriedForTheSameModel() {
        analyzer.want(view, true);
        space.update(new Strokes.Codec() {
            @Override
            public void decode(float[] a, int aOff, int n, float[] x, int xOff) {
                throw new IllegalStateException("broken decoder");
            }
        }, codes.clone());
        frame();
        frame();
        assertEquals(1, failures.size(), failures.toString());
        assertTrue(failures.get(0).contains("broken decoder"), failures.get(0));
        assertNull(analyzer.getResult());
        space.update(new Strokes.Codec(), codes.clone());
        frame();
        assertNotNull(analyzer.getResult(), "a working model afterwards is analysed");
    }

    @Test
    void otherImagesDropTheAnalysis() {
        analyzer.want(view, true);
        frame();
        assertNotNull(analyzer.getResult());
        space.setDisplay(Strokes.images(50, 6, null));
        assertNull(analyzer.getResult());
        assertFalse(analyzer.waitingForImagesProperty().get());
    }

    /** The codes the last analysis started with (the space's when it was queued). */
    private float[] lastAnalysedCodes() {
        return queuedWith.get(queuedWith.size() - 1);
    }

    /** A codec with one dimension: the strokes' slant. */
    private static final class OneDimension extends Strokes.Codec {
        @Override
        public int latentSize() {
            return 1;
        }

        @Override
        public void decode(float[] a, int aOff, int n, float[] x, int xOff) {
            float[] two = new float[2 * n];
            for (int i = 0; i < n; i++) {
                two[2 * i] = a[aOff + i];
                two[2 * i + 1] = 3;
            }
            super.decode(two, 0, n, x, xOff);
        }
    }
}
