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
import latentlab.data.ClassNames;
import latentlab.data.Dataset;
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

/** The map on a small synthetic data set: where the legend goes (never over the points unless asked), and exports with and without markers. */
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
    void theLegendSitsBesideThePlotByDefaultAndOverItOnlyWhenAsked() throws Exception {
        assertFalse(legendCoversThePlot(), "1000 px leave room for the legend in a row above the plot");
        assertTrue(fx(() -> map.legend().isHorizontal()));
        double above = fx(() -> map.plotArea().getHeight());
        fx(() -> {
            map.legendPlacementProperty().set(LegendPlacement.OVER_PLOT);
            return null;
        });
        assertTrue(legendCoversThePlot(), "over the plot's corner when asked");
        assertTrue(fx(() -> map.plotArea().getHeight()) > above, "the plot took the band back");
        fx(() -> {
            map.legendPlacementProperty().set(LegendPlacement.BESIDE_PLOT);
            return null;
        });
        assertFalse(legendCoversThePlot(), "beside the plot, over no point");
        assertFalse(fx(() -> map.legend().isHorizontal()), "a column");
        fx(() -> {
            map.legendPlacementProperty().set(LegendPlacement.ABOVE_PLOT);
            return null;
        });
        assertFalse(legendCoversThePlot(), "above the plot, over no point");
        assertTrue(fx(() -> map.plotArea().getMinY() >= map.legend().getBoundsInParent().getMaxY()));
        assertTrue(fx(() -> map.legend().getBoundsInParent().getMaxX() <= map.getWidth()), "inside the map");
    }

    @Test
    void automaticallyTheLegendGoesAboveAWidePlotAndFoldsAboveANarrowOne() throws Exception {
        assertEquals(LegendPlacement.AUTO, fx(() -> map.legendPlacementProperty().get()), "the default");
        assertFalse(legendCoversThePlot(), "1000 px leave room above the plot");
        assertFalse(fx(() -> map.legend().foldedProperty().get()));
        fx(() -> {
            map.setMaxWidth(240); // the map narrower, not the window (Monocle mishandles resized windows)
            return null;
        });
        assertFalse(legendCoversThePlot(), "a narrow map: above the plot, never over it");
        assertTrue(fx(() -> map.legend().foldedProperty().get()), "and folded, taking one line");
        double folded = fx(() -> map.plotArea().getHeight());
        fx(() -> {
            map.legend().foldedProperty().set(false);
            return null;
        });
        assertFalse(legendCoversThePlot(), "unfolded by the user: the plot gets shorter instead");
        assertTrue(fx(() -> map.plotArea().getHeight()) < folded);
        fx(() -> {
            map.setMaxWidth(Double.MAX_VALUE);
            return null;
        });
        assertFalse(legendCoversThePlot());
        assertFalse(fx(() -> map.legend().foldedProperty().get()), "still unfolded, as the user left it");
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

    @Test
    void aDataSetsClassNamesAndNounReachTheLegendAndTheHoverCard() throws Exception {
        Dataset named = LatentSpaceModelTest.images(300).withClassNames(
                new ClassNames(List.of("T-shirt/top", "Trouser", "Ankle boot"), "class"));
        fx(() -> {
            space.setDisplay(named);
            space.update(Autoencoder.initialized(Architecture.mirrored(16, 6, 2), 1), LatentSpaceModelTest.codes(300, 2));
            return null;
        });
        List<String> chips = fx(() -> map.legend().lookupAll(".legend-chip .label").stream()
                .map(n -> ((javafx.scene.control.Label) n).getText()).toList());
        assertEquals(List.of("T-shirt/top", "Trouser", "Ankle boot"), chips);
        String shown = fx(() -> {
            @SuppressWarnings("unchecked")
            var box = (javafx.scene.control.ComboBox<ColourBy>) map.legend().lookup("#colour-by");
            return box.getConverter().toString(ColourBy.LABEL);
        });
        assertEquals("class", shown, "'Colour by class', not 'digit'");
        assertTrue(HoverCard.describe(named, 2, new float[] {1, 2}, "a").startsWith("Class Ankle boot  ·  image #2"));
        Dataset digits = LatentSpaceModelTest.images(300).withClassNames(ClassNames.numbered("MNIST"));
        assertTrue(HoverCard.describe(digits, 2, new float[] {1, 2}, "a").startsWith("Digit 2  ·  image #2"));
    }

    @Test
    void fitTakesTheHoverCardAwayWithTheViewItDescribed(org.testfx.api.FxRobot robot) throws Exception {
        javafx.geometry.Point2D p = fx(() -> map.localToScreen(map.screenPointOf(0)));
        robot.moveTo(p);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(fx(() -> map.hoverCard().isVisible()), "hovering shows the card");
        fx(() -> {
            map.zoom(0.5, 300, 300);
            return null;
        });
        fx(() -> {
            map.fit();
            return null;
        });
        assertFalse(fx(() -> map.hoverCard().isVisible()), "after Fit the point under the card has moved: no stale card");
        assertEquals(-1, fx(() -> space.selection().hoveredProperty().get()));
    }
}
