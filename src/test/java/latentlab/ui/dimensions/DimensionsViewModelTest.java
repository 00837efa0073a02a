package latentlab.ui.dimensions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import javafx.beans.property.SimpleBooleanProperty;
import latentlab.compute.ComputePool;
import latentlab.data.Dataset;
import latentlab.eval.Strokes;
import latentlab.ui.explorer.LatentSpaceModel;
import latentlab.ui.explorer.SelectionModel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The Dimensions view's state: whose dimensions, what it says, and that it works only while shown (no toolkit). */
class DimensionsViewModelTest {
    private static final ComputePool POOL = new ComputePool(2);
    private final float[] codes = new float[2 * 150];
    private final Dataset strokes = Strokes.images(150, 9, codes);
    private final List<String> failures = new ArrayList<>();
    private final SimpleBooleanProperty measuring = new SimpleBooleanProperty();
    private final SimpleBooleanProperty fitting = new SimpleBooleanProperty();
    private final MorphometricsCache cache = new MorphometricsCache(Runnable::run, POOL, Runnable::run, failures::add,
            new SimpleBooleanProperty(false));
    private final LatentSpaceModel ae = space("Autoencoder");
    private final LatentSpaceModel pca = space("PCA");
    private final DimensionAnalyzer aeDims = analyzer(ae);
    private final DimensionAnalyzer pcaDims = analyzer(pca);
    private final AtomicInteger fits = new AtomicInteger();
    private final DimensionsViewModel vm = new DimensionsViewModel(aeDims, pcaDims, fits::incrementAndGet, fitting,
            measuring);

    private LatentSpaceModel space(String name) {
        LatentSpaceModel s = new LatentSpaceModel(name, new SelectionModel());
        s.setDisplay(strokes);
        return s;
    }

    private DimensionAnalyzer analyzer(LatentSpaceModel s) {
        return new DimensionAnalyzer(s, new SimpleBooleanProperty(false), cache, Runnable::run, POOL, Runnable::run,
                System::nanoTime, failures::add);
    }

    @AfterAll
    static void closePool() {
        POOL.close();
    }

    private void frame() {
        aeDims.poll();
        pcaDims.poll();
    }

    @Test
    void theChosenModelIsAnalysedOnlyWhileTheViewIsShown() {
        ae.update(new Strokes.Codec(), codes);
        frame();
        assertNull(vm.getShown(), "hidden: nothing is measured");
        assertEquals("Waiting for a model…", vm.statusProperty().get());
        measuring.set(true);
        assertEquals("Measuring the slant, thickness, … of every test image…", vm.statusProperty().get());
        measuring.set(false);
        vm.setActive(true);
        frame();
        MeasuredDimensions m = vm.getShown();
        assertSame(aeDims.getResult(), m);
        assertEquals("stroke drawer, measured on the 150 test images (again every few seconds while it trains)",
                vm.statusProperty().get());
        assertTrue(vm.scoreProperty().get().matches("Disentanglement 0\\.\\d\\d"), vm.scoreProperty().get());
        assertEquals(0, fits.get(), "PCA is not fitted for the autoencoder's view");
        vm.setActive(false);
        assertFalse(aeDims.wanted());
        assertEquals(List.of(), failures);
    }

    @Test
    void choosingPcaFitsItAndShowsItsDimensions() {
        ae.update(new Strokes.Codec(), codes);
        vm.setActive(true);
        frame();
        vm.sourceProperty().set(DimensionsViewModel.Source.PCA);
        assertEquals(1, fits.get(), "the fit is asked for");
        assertTrue(pcaDims.wanted());
        assertFalse(aeDims.wanted(), "the autoencoder's analyses are not the view's concern now");
        assertNull(vm.getShown(), "until PCA's model is there");
        fitting.set(true);
        assertEquals("Fitting PCA…", vm.statusProperty().get());
        fitting.set(false);
        pca.update(new Strokes.Codec(), codes.clone());
        frame();
        assertSame(pcaDims.getResult(), vm.getShown());
        assertEquals("PC", vm.sourceProperty().get().prefix());
        vm.sourceProperty().set(null);
        assertEquals(DimensionsViewModel.Source.PCA, vm.sourceProperty().get(), "null is refused");
        int asked = fits.get();
        vm.sourceProperty().set(DimensionsViewModel.Source.AUTOENCODER);
        assertSame(aeDims.getResult(), vm.getShown());
        assertEquals(asked, fits.get(), "the autoencoder needs no fit");
    }
}
