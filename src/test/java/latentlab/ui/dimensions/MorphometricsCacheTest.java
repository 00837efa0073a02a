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

import javafx.beans.property.SimpleBooleanProperty;
import latentlab.compute.ComputePool;
import latentlab.data.Dataset;
import latentlab.eval.MorphometricTable;
import latentlab.eval.Strokes;
import latentlab.morpho.Morphometric;
import latentlab.ui.explorer.LatentSpaceModel;
import latentlab.ui.explorer.SelectionModel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The window's morphometrics of its test images: measured once per data set, handed to whoever wants them. */
class MorphometricsCacheTest {
    private static final ComputePool POOL = new ComputePool(2);
    private final ArrayDeque<Runnable> lane = new ArrayDeque<>();
    private final List<String> failures = new ArrayList<>();
    private final SimpleBooleanProperty training = new SimpleBooleanProperty(false);
    private final MorphometricsCache cache = new MorphometricsCache(lane::add, POOL, Runnable::run, failures::add,
            training);
    private final Dataset strokes = Strokes.images(120, 3, null);

    @AfterAll
    static void closePool() {
        POOL.close();
    }

    private int runLane() {
        int n = 0;
        while (!lane.isEmpty()) {
            lane.poll().run();
            n++;
        }
        return n;
    }

    @Test
    void eachDataSetIsMeasuredOnceAndTheTableIsTheMeter() {
        assertNull(cache.tableFor(strokes, false), "not known yet: being measured");
        assertTrue(cache.measuringProperty().get());
        assertNull(cache.tableFor(strokes, true));
        assertEquals(1, runLane(), "asking twice measures once");
        MorphometricTable t = cache.tableFor(strokes, false);
        assertNotNull(t);
        assertFalse(cache.measuringProperty().get());
        assertSame(strokes, t.data());
        MorphometricTable direct = Strokes.measure(strokes, POOL);
        for (Morphometric p : Morphometric.values()) {
            for (int i = 0; i < strokes.size(); i++) {
                assertEquals(direct.get(i, p), t.get(i, p), p + " of image " + i);
            }
        }
        assertSame(t, cache.tableFor(strokes, false));
        assertEquals(0, runLane(), "known: not measured again");
        assertEquals(List.of(), failures);
    }

    @Test
    void aServedSpaceGetsTheTableWhenAViewWantsIt() {
        LatentSpaceModel space = new LatentSpaceModel("Autoencoder", new SelectionModel());
        space.setDisplay(strokes);
        cache.serve(space);
        assertEquals(0, runLane(), "nobody wants them: nothing is measured");
        Object map = new Object();
        space.morphometrics().want(map, true);
        runLane();
        assertNotNull(space.morphometrics().getTable(), "measured and handed over");
        space.morphometrics().want(map, false);
        Dataset other = Strokes.images(60, 4, null);
        space.setDisplay(other);
        assertNull(space.morphometrics().getTable());
        assertEquals(0, runLane());
        space.morphometrics().want(map, true);
        runLane();
        assertSame(other, space.morphometrics().getTable().data(), "the new images' table");
    }

    @Test
    void aMeasurementOfImagesNoLongerShownIsDroppedAndTheWaitingAreCalledOnce() {
        List<MorphometricTable> got = new ArrayList<>();
        cache.whenMeasured(strokes, got::add);
        cache.clear();
        Dataset other = Strokes.images(60, 4, null);
        cache.whenMeasured(other, got::add);
        runLane();
        assertEquals(1, got.size(), "only the images still wanted");
        assertSame(other, got.get(0).data());
        assertSame(other, cache.tableProperty().get().data());
        cache.whenMeasured(other, got::add);
        assertEquals(2, got.size(), "known: called at once");
        assertEquals(0, runLane());
    }

    @Test
    void whileTrainingRunsOnlyAMeasurementSomeoneWaitsForRuns() {
        training.set(true);
        assertNull(cache.tableFor(strokes, false));
        assertEquals(0, runLane(), "nobody waits: it waits for training to stop");
        assertFalse(cache.measuringProperty().get());
        training.set(false);
        assertEquals(1, runLane(), "training stopped: measured now");
        assertNotNull(cache.tableFor(strokes, false));

        Dataset other = Strokes.images(60, 4, null);
        training.set(true);
        assertNull(cache.tableFor(other, true));
        assertEquals(1, runLane(), "a user waits (a map coloured by slant): measured while training runs");
        assertSame(other, cache.tableProperty().get().data());
    }

    @Test
    void aMeasurementNobodyWaitsForStopsWhenTrainingStartsAndResumesWhenItStops() {
        cache.tableFor(strokes, false);
        assertTrue(cache.measuringProperty().get());
        training.set(true);
        assertEquals(1, runLane(), "the queued measurement runs, sees training and stops");
        assertNull(cache.tableProperty().get());
        assertFalse(cache.measuringProperty().get());
        assertEquals(0, runLane());
        training.set(false);
        assertEquals(1, runLane());
        assertSame(strokes, cache.tableProperty().get().data(), "measured once training stopped");
        assertEquals(List.of(), failures);
    }

    @Test
    void aUserWaitingForAMeasurementKeepsItGoingWhenTrainingStarts() {
        cache.tableFor(strokes, false);
        cache.tableFor(strokes, true);
        training.set(true);
        assertEquals(1, runLane());
        assertSame(strokes, cache.tableProperty().get().data());
    }
}
