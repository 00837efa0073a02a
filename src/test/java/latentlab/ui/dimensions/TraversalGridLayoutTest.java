package latentlab.ui.dimensions;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import latentlab.morpho.Morphometric;
import org.junit.jupiter.api.Test;

/** Where the traversal grid's parts go, and the curves beside its rows (no toolkit). */
class TraversalGridLayoutTest {
    @Test
    void theGridFitsItsAreaOrElseItsCellsAreAtTheirSmallestAndTheViewScrolls() {
        // The grid's share of the Dimensions tab at 1024 × 768, 1280 × 720 and 1920 × 1080, and a narrow one.
        double[][] areas = {{560, 480}, {700, 400}, {1100, 760}, {380, 300}};
        for (double[] area : areas) {
            for (int k : new int[] {1, 2, 10, 16}) {
                for (double scale : new double[] {1, 1.4}) {
                    TraversalGridLayout l = TraversalGridLayout.fit(area[0], area[1], k, 9, scale, true);
                    String where = k + " rows in " + area[0] + " x " + area[1] + " at " + scale + ": " + l;
                    assertTrue(l.cell() >= TraversalGridLayout.MIN_CELL && l.cell() <= TraversalGridLayout.MAX_CELL,
                            where);
                    assertTrue(l.width() <= area[0], where);
                    assertTrue(l.height() <= area[1] || l.cell() == TraversalGridLayout.MIN_CELL, where);
                    if (area[1] >= 400 && (k <= 10 || scale == 1)) {
                        assertTrue(l.height() <= area[1], "a classroom screen shows it whole: " + where);
                    }
                    assertTrue(l.curve() >= 7 * l.font(), "room for a curve and its caption: " + where);
                }
            }
        }
    }

    @Test
    void cellsAreAsLargeAsFitAndNeverLargerThanTheMaximum() {
        TraversalGridLayout two = TraversalGridLayout.fit(700, 400, 2, 9, 1, true);
        TraversalGridLayout ten = TraversalGridLayout.fit(700, 400, 10, 9, 1, true);
        assertTrue(two.cell() > ten.cell(), "fewer rows, larger cells");
        assertTrue(ten.height() > 400 - ten.rowHeight(), "ten rows fill the height: " + ten);
        assertTrue(two.width() > 700 - 9 * 4, "two rows fill the width: " + two);
        assertEquals(TraversalGridLayout.MAX_CELL, TraversalGridLayout.fit(5000, 5000, 1, 9, 1, true).cell());
        TraversalGridLayout plain = TraversalGridLayout.fit(700, 400, 2, 9, 1, false);
        assertEquals(0, plain.curve());
        assertTrue(plain.cell() > two.cell(), "without curves the images get the room");
    }

    @Test
    void anExportedGridHasCellsOfTheSizeAsked() {
        TraversalGridLayout l = TraversalGridLayout.ofCell(56, 10, 9, 1, true);
        assertEquals(56, l.cell());
        assertEquals(l.header() + 10 * (56 + l.gap()), l.height());
        assertEquals(l.label() + 9 * (56 + l.gap()), l.imageLeft(9));
        assertTrue(l.curve() >= 2.6 * 56);
    }

    @Test
    void rowsShareTheVerticalRangeOfAPropertyAndAFlatRowStaysFlat() {
        MeasuredDimensions m = SliderNotesTest.known();
        double[] spread = m.spread();
        spread[Morphometric.SLANT.ordinal()] = 10;
        spread[Morphometric.INK.ordinal()] = 50;
        // Every row sweeps slant from −18° to 24° and ink from 100 to 80.
        assertArrayEquals(new double[] {-18, 24}, TraversalCurves.range(m, Morphometric.SLANT), 1e-9);
        assertArrayEquals(new double[] {65, 115}, TraversalCurves.range(m, Morphometric.INK), 1e-9,
                "a change smaller than the property's spread is drawn within one spread");
        assertArrayEquals(new double[] {-18, 24}, TraversalCurves.values(m.analysis(), 2, Morphometric.SLANT));
        assertEquals(Morphometric.SLANT, TraversalCurves.propertyFor(m, 0, null), "what a1 tracks most");
        assertEquals(Morphometric.LENGTH, TraversalCurves.propertyFor(m, 1, null));
        assertEquals(Morphometric.WIDTH, TraversalCurves.propertyFor(m, 1, Morphometric.WIDTH), "or the chosen one");
        assertEquals("33.4 → 29.8 px", TraversalCurves.change(Morphometric.LENGTH, 33.4, 29.8));
        assertEquals("43° → −21°", TraversalCurves.change(Morphometric.SLANT, 43, -21));
        assertEquals("– → 6.8 px", TraversalCurves.change(Morphometric.THICKNESS, Double.NaN, 6.8));
    }
}
