package latentlab.ui.explorer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.Callable;

import javafx.geometry.Bounds;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import latentlab.compute.ComputePool;
import latentlab.nn.Architecture;
import latentlab.nn.Autoencoder;
import latentlab.ui.common.Appearance;
import latentlab.ui.session.JobRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The map on a small synthetic data set: where the legend goes, and exports with and without markers. */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class LatentScatterViewTest {
    private final JobRunner jobs = new JobRunner("map-test");
    private final LatentSpaceModel space = new LatentSpaceModel("Autoencoder", new SelectionModel());
    private LatentScatterView map;

    @Start
    void start(Stage stage) {
        space.setDisplay(LatentSpaceModelTest.images(300));
        space.update(Autoencoder.initialized(Architecture.mirrored(16, 6, 2), 1), LatentSpaceModelTest.codes(300, 2));
        map = new LatentScatterView(space, "a", new Appearance(), jobs.lane("map"), new ComputePool(1));
        stage.setScene(new Scene(new StackPane(map), 1000, 600));
        stage.show();
    }

    @AfterEach
    void stop() {
        jobs.shutdown();
    }

    private static <T> T fx(Callable<T> work) throws Exception {
        T t = WaitForAsyncUtils.asyncFx(work).get();
        WaitForAsyncUtils.waitForFxEvents();
        return t;
    }

    private boolean legendCoversThePlot() throws Exception {
        return fx(() -> {
            Bounds b = map.legend().getBoundsInParent();
            Rectangle2D plot = map.plotArea();
            return plot.intersects(b.getMinX(), b.getMinY(), b.getWidth(), b.getHeight());
        });
    }

    @Test
    void theLegendSitsOverThePlotByDefaultAndBesideItWhenAsked() throws Exception {
        assertTrue(legendCoversThePlot(), "over the plot's corner, as before");
        double wide = fx(() -> map.plotArea().getWidth());
        fx(() -> {
            map.legendPlacementProperty().set(LegendPlacement.BESIDE_PLOT);
            return null;
        });
        assertFalse(legendCoversThePlot(), "beside the plot, over no point");
        assertTrue(fx(() -> map.plotArea().getWidth()) < wide, "the plot made room");
        assertTrue(fx(() -> map.legend().getBoundsInParent().getMaxX() <= map.getWidth()), "inside the map");
    }

    @Test
    void automaticallyTheLegendGoesBesideAWidePlotAndFoldsOverANarrowOne() throws Exception {
        fx(() -> {
            map.legendPlacementProperty().set(LegendPlacement.AUTO);
            return null;
        });
        assertFalse(legendCoversThePlot(), "1000 px leave room beside the plot");
        assertFalse(fx(() -> map.legend().foldedProperty().get()));
        fx(() -> {
            map.setMaxWidth(520); // the map narrower, not the window (Monocle mishandles resized windows)
            return null;
        });
        assertTrue(legendCoversThePlot(), "a narrow map: over the plot");
        assertTrue(fx(() -> map.legend().foldedProperty().get()), "and folded, covering little");
        fx(() -> {
            map.setMaxWidth(Double.MAX_VALUE);
            return null;
        });
        assertFalse(legendCoversThePlot());
        assertFalse(fx(() -> map.legend().foldedProperty().get()), "unfolded again beside the plot");
    }

    @Test
    void exportsIncludeTheToolsMarkersOnlyWhenAsked() throws Exception {
        int[] size = new int[2];
        int[] plain = fx(() -> map.exportImage(1, size));
        fx(() -> {
            space.annotations().put("drawing", List.of(new Annotation.Marker("your digit", new float[] {0, 0},
                    0xD62728)));
            return null;
        });
        int[] with = fx(() -> map.exportImage(1, size, true));
        int[] without = fx(() -> map.exportImage(1, size, false));
        assertEquals(Math.floor(map.getWidth()), size[0]);
        assertFalse(java.util.Arrays.equals(plain, with), "the marker is in the picture");
        assertArrayEquals(plain, without, "left out on request: the same picture as without any marker");
        int[] twice = new int[2];
        fx(() -> map.exportImage(2, twice, false));
        assertEquals(2 * size[0], twice[0], "2x: twice the pixels each way");
        assertEquals(2 * size[1], twice[1]);
    }
}
