package latentlab.ui.explorer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import latentlab.compute.ComputePool;
import latentlab.compute.Progress;
import latentlab.eval.MorphometricTable;
import latentlab.morpho.Morphometric;
import latentlab.nn.Architecture;
import latentlab.nn.Autoencoder;
import latentlab.ui.common.Appearance;
import latentlab.ui.common.ColourScale;
import latentlab.ui.common.PixelCanvas;
import latentlab.ui.common.Theme;
import org.junit.jupiter.api.Test;

/** A map's view-model: points and colours derived from the shared model, without a display. */
class MapViewModelTest {
    private final SelectionModel selection = new SelectionModel();
    private final LatentSpaceModel space = new LatentSpaceModel("Autoencoder", selection);
    private final Appearance appearance = new Appearance();
    private final MapViewModel map = new MapViewModel(space, appearance);

    private float[] show(int n, int k) {
        space.setDisplay(LatentSpaceModelTest.images(n));
        float[] codes = LatentSpaceModelTest.codes(n, k);
        space.update(Autoencoder.initialized(Architecture.mirrored(16, 6, k), 1), codes);
        return codes;
    }

    @Test
    void pointsAreTheCodesInTheShownDimensionsWithLabelsAndMedians() {
        assertEquals(0, map.pointsProperty().get().n(), "no codes yet");
        float[] codes = show(30, 3);
        space.dimXProperty().set(2);
        space.dimYProperty().set(0);
        MapPoints p = map.pointsProperty().get();
        assertEquals(30, p.n());
        assertEquals(3, p.k());
        assertTrue(p.glide(), "a change of dimensions glides");
        for (int i = 0; i < 30; i++) {
            assertEquals(codes[3 * i + 2], p.x()[i]);
            assertEquals(codes[3 * i], p.y()[i]);
            assertEquals(i % 3, p.labels()[i]);
        }
        assertEquals(3, p.medians().length, "one median per class");
        float[] xs0 = new float[10];
        for (int i = 0; i < 10; i++) {
            xs0[i] = p.x()[3 * i];
        }
        java.util.Arrays.sort(xs0);
        assertEquals(xs0[5], p.medians()[0][0], "the upper median of class 0's x");
    }

    @Test
    void aOneDimensionalCodeIsAStripPlotWithAFixedJitter() {
        show(20, 1);
        MapPoints p = map.pointsProperty().get();
        for (int i = 0; i < 20; i++) {
            assertEquals(MapViewModel.jitter(i), p.y()[i]);
            assertTrue(p.y()[i] >= -1 && p.y()[i] <= 1);
        }
    }

    @Test
    void anotherDisplaySetStartsAfreshAndNewCodesGlide() {
        PointCache cache = new PointCache();
        show(10, 2);
        assertTrue(cache.retarget(map.pointsProperty().get(), 0), "the first codes jump into place");
        space.update(space.getCodec(), LatentSpaceModelTest.codes(10, 2).clone());
        assertTrue(map.pointsProperty().get().glide(), "a new snapshot of the same images glides");
        assertFalse(cache.retarget(map.pointsProperty().get(), 1));
        space.setDisplay(LatentSpaceModelTest.images(10));
        assertEquals(0, map.pointsProperty().get().n(), "no points until the new images' codes come");
        assertTrue(cache.retarget(map.pointsProperty().get(), 2));
    }

    @Test
    void coloursFollowTheClassesAndAnIsolatedClassIsDrawnLastOverGreyedOthers() {
        show(9, 2);
        Theme theme = appearance.getTheme();
        PointColours c = map.coloursProperty().get();
        assertEquals(PixelCanvas.premultiply(theme.classColour(1), 0.85), c.colours()[4], "point 4 is a 1");
        selection.isolatedClassProperty().set(2);
        PointColours iso = map.coloursProperty().get();
        assertEquals(PixelCanvas.premultiply(theme.dimmed(), 0.45), iso.colours()[0], "others are grey");
        assertEquals(PixelCanvas.premultiply(theme.classColour(2), 0.85), iso.colours()[2]);
        assertArrayEquals(new int[] {0, 1, 3, 4, 6, 7, 2, 5, 8}, iso.order(), "the isolated class on top");
        appearance.themeProperty().set(Theme.DARK);
        assertEquals(PixelCanvas.premultiply(Theme.DARK.classColour(2), 0.85),
                map.coloursProperty().get().colours()[2], "a new theme recolours");
    }

    @Test
    void colouringByADimensionUsesARobustScaleAndFallsBackWhenTheDimensionIsGone() {
        float[] codes = show(50, 2);
        assertNull(map.colourScale());
        map.colourByProperty().set(new ColourBy.Dimension(1));
        ColourScale scale = map.colourScale();
        assertNotNull(scale);
        float[] a2 = new float[50];
        for (int i = 0; i < 50; i++) {
            a2[i] = codes[2 * i + 1];
        }
        assertEquals(ColourScale.robust(a2).min(), scale.min());
        int[] rgb = new int[50];
        scale.colours(a2, rgb);
        assertEquals(PixelCanvas.premultiply(rgb[7], 0.85), map.coloursProperty().get().colours()[7]);
        space.update(Autoencoder.initialized(Architecture.mirrored(16, 6, 1), 1), LatentSpaceModelTest.codes(50, 1));
        assertSame(ColourBy.LABEL, map.colourByProperty().get(), "a2 no longer exists: back to the label");
    }

    @Test
    void colouringByErrorAsksTheModelForThemAndShowsGreyUntilTheyCome() {
        show(5, 2);
        map.colourByProperty().set(ColourBy.ERROR);
        assertTrue(space.errorsWantedProperty().get());
        assertEquals(PixelCanvas.premultiply(ColourScale.NAN_COLOUR, 0.85), map.coloursProperty().get().colours()[0]);
        space.setErrors(new float[] {1, 2, 3, 4, 5});
        assertNotNull(map.colourScale(), "coloured once the errors are measured");
        map.colourByProperty().set(null);
        assertSame(ColourBy.LABEL, map.colourByProperty().get(), "null means the label");
        assertFalse(space.errorsWantedProperty().get());
    }

    @Test
    void colouringByAMorphometricAsksForTheImagesMeasurementsAndUsesThem() {
        show(40, 2);
        map.colourByProperty().set(new ColourBy.Measure(Morphometric.INK));
        assertTrue(space.morphometrics().wantedProperty().get(), "the map asks for the images' morphometrics");
        assertNull(map.colourScale(), "grey until they are measured");
        assertEquals(PixelCanvas.premultiply(ColourScale.NAN_COLOUR, 0.85), map.coloursProperty().get().colours()[0]);
        MorphometricTable table;
        try (ComputePool pool = new ComputePool(1)) {
            assertFalse(space.morphometrics().offer(MorphometricTable.measure(LatentSpaceModelTest.images(40), pool,
                    Progress.NONE)), "a table of other images (equal pixels, another data set) is refused");
            table = MorphometricTable.measure(space.getDisplay(), pool, Progress.NONE);
        }
        assertTrue(space.morphometrics().offer(table));
        float[] ink = new float[40];
        for (int i = 0; i < 40; i++) {
            ink[i] = (float) table.get(i, Morphometric.INK);
        }
        ColourScale scale = map.colourScale();
        assertNotNull(scale, "coloured once they are measured");
        assertEquals(ColourScale.robust(ink).min(), scale.min());
        assertEquals(ColourScale.robust(ink).max(), scale.max());
        int[] rgb = new int[40];
        scale.colours(ink, rgb);
        for (int i = 0; i < 40; i++) {
            assertEquals(PixelCanvas.premultiply(rgb[i], 0.85), map.coloursProperty().get().colours()[i], "point " + i);
        }
        assertEquals("ink (px)", map.colourByProperty().get().describe("a"));
        map.colourByProperty().set(new ColourBy.Measure(Morphometric.HEIGHT));
        assertNotEquals(scale.max(), map.colourScale().max(), "another property, another scale");
        space.update(Autoencoder.initialized(Architecture.mirrored(16, 6, 2), 7), LatentSpaceModelTest.codes(40, 2));
        assertNotNull(map.colourScale(), "a new model keeps the images' measurements");
        map.colourByProperty().set(ColourBy.LABEL);
        assertFalse(space.morphometrics().wantedProperty().get());
        space.setDisplay(LatentSpaceModelTest.images(40));
        assertNull(space.morphometrics().getTable(), "other images drop them");
    }

    @Test
    void largeThumbnailsDoubleTheThumbnailScale() {
        assertEquals(1, map.thumbnailScaleProperty().get());
        appearance.largeThumbnailsProperty().set(true);
        assertEquals(2, map.thumbnailScaleProperty().get());
    }
}
