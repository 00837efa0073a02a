package latentlab.ui.dimensions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import latentlab.data.Dataset;
import latentlab.eval.DimensionAnalysis;
import latentlab.eval.LatentTraversal;
import latentlab.morpho.Morphometric;
import latentlab.morpho.Morphometrics;
import latentlab.ui.explorer.SliderNote;
import org.junit.jupiter.api.Test;

/** The notes beside the sliders, from an analysis whose every number is known (no toolkit). */
class SliderNotesTest {
    /** ρ of three dimensions with ink, area, length, thickness, slant, width, height. */
    private static final double[][] RHO = {
        {0.10, 0.10, 0.05, -0.02, 0.71, 0.20, -0.10},   // slant alone
        {-0.55, -0.54, -0.59, -0.09, -0.21, -0.50, 0.04}, // length, then ink
        {0.65, 0.64, 0.25, 0.20, 0.10, 0.10, 0.05},       // ink, then its twin area: not named, length too weak
    };

    static MeasuredDimensions known() {
        int k = RHO.length;
        Morphometrics[][] morpho = new Morphometrics[k][2];
        for (int j = 0; j < k; j++) {
            morpho[j][0] = new Morphometrics(100, 90, 30, 2.1, -18, 10, 19);
            morpho[j][1] = new Morphometrics(80, 70, 25, 2.3, 24, 12, 18);
        }
        LatentTraversal t = new LatentTraversal(2, new float[k][2], new float[k * 2 * 4], morpho);
        DimensionAnalysis a = new DimensionAnalysis(RHO, new double[] {0.25, 1.27, 0.5}, t);
        Dataset images = new Dataset("known", 2, 2, new byte[4 * 1000], new byte[1000]);
        return new MeasuredDimensions(a, null, images, null, 3.32, new double[7]);
    }

    @Test
    void eachNoteNamesWhatItsDimensionTracksMostWithItsR() {
        List<SliderNote> notes = SliderNotes.of(known(), "a");
        assertEquals(3, notes.size());
        assertEquals("slant r = 0.71", notes.get(0).text(), "a second property only if |r| ≥ 0.3");
        assertEquals("length r = −0.59, ink r = −0.55", notes.get(1).text());
        assertEquals("ink r = 0.65", notes.get(2).text(), "area is ink's twin, and length is too weak");
    }

    @Test
    void theTooltipGivesTheWholeRowStrongestFirstWithTheSweepAndTheLabelInformation() {
        String tip = SliderNotes.of(known(), "PC").get(1).tooltip();
        assertTrue(tip.startsWith("PC2, measured on the 1,000 test images"), tip);
        String[] lines = tip.split("\n");
        assertEquals("  length r = −0.59   sweep 30.0 px → 25.0 px", lines[2]);
        assertEquals("  ink r = −0.55   sweep 100.0 px → 80.0 px", lines[3]);
        assertEquals("  slant r = −0.21   sweep −18° → 24°", lines[6]);
        assertEquals("  height r = 0.04   sweep 19.0 px → 18.0 px", lines[8]);
        for (Morphometric p : Morphometric.values()) {
            assertTrue(tip.contains("  " + p.id() + " r = "), p + " in " + tip);
        }
        assertEquals("Information about the digit: 1.27 bits (all ten digits: 3.32 bits)", lines[9]);
    }

    @Test
    void numbersHaveTwoDecimalsAndARealMinus() {
        assertEquals("−0.42", SliderNotes.number(-0.4212));
        assertEquals("0.05", SliderNotes.number(0.049));
    }
}
