package latentlab.ui.explorer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Where the legend goes, without a display. */
class LegendLayoutTest {
    private static final double LEGEND = 200;
    private static final double FOLDED = 120;
    /** The narrowest map for which the legend goes beside the plot. */
    private static final double WIDE = Viewport.LEFT + LEGEND + 2 * LegendLayout.GAP
            + LatentScatterView.MIN_PLOT_BESIDE_LEGEND;

    @Test
    void fixedPlacementsIgnoreTheSize() {
        LegendLayout l = new LegendLayout();
        assertFalse(l.place(LegendPlacement.OVER_PLOT, 2000, LEGEND, true, false).beside());
        assertTrue(l.place(LegendPlacement.BESIDE_PLOT, 300, LEGEND, true, false).beside());
        assertNull(l.place(LegendPlacement.BESIDE_PLOT, 300, LEGEND, true, false).fold(), "never folded for you");
        assertFalse(l.place(LegendPlacement.BESIDE_PLOT, 900, LEGEND, false, false).beside(), "no legend, no column");
    }

    @Test
    void besideTheLegendTakesAColumnAndOverItSitsInTheCorner() {
        assertEquals(LEGEND + 2 * LegendLayout.GAP, LegendLayout.rightMargin(true, LEGEND));
        assertEquals(Viewport.RIGHT, LegendLayout.rightMargin(false, LEGEND));
        Viewport v = new Viewport();
        v.setSize(900, 500);
        v.setRightMargin(LegendLayout.rightMargin(true, LEGEND));
        assertEquals(v.plotRight() + LegendLayout.GAP, LegendLayout.left(true, 900, LEGEND), 1e-9,
                "beside: right of the plot's frame, clear of the points");
        assertEquals(900 - Viewport.RIGHT - LEGEND - LegendLayout.GAP, LegendLayout.left(false, 900, LEGEND));
    }

    @Test
    void automaticPlacementGoesBesideWhenThereIsRoomElseOverAndFolded() {
        LegendLayout l = new LegendLayout();
        LegendLayout.Decision wide = l.place(LegendPlacement.AUTO, WIDE, LEGEND, true, false);
        assertTrue(wide.beside());
        assertNull(wide.fold());
        LegendLayout.Decision narrow = l.place(LegendPlacement.AUTO, WIDE - 1, LEGEND, true, false);
        assertFalse(narrow.beside());
        assertEquals(Boolean.TRUE, narrow.fold(), "over the plot it folds");
        // Folded it is narrower, but that must not send it beside again (it would unfold and flip back).
        LegendLayout.Decision again = l.place(LegendPlacement.AUTO, WIDE - 1, FOLDED, true, true);
        assertFalse(again.beside());
        assertNull(again.fold());
        LegendLayout.Decision back = l.place(LegendPlacement.AUTO, WIDE + 50, FOLDED, true, true);
        assertTrue(back.beside());
        assertEquals(Boolean.FALSE, back.fold(), "beside again it unfolds, since the layout folded it");
    }

    @Test
    void aLegendTheUserFoldedStaysFolded() {
        LegendLayout l = new LegendLayout();
        l.place(LegendPlacement.AUTO, WIDE, LEGEND, true, false);
        l.place(LegendPlacement.AUTO, WIDE, FOLDED, true, true); // the user folds it
        assertNull(l.place(LegendPlacement.AUTO, WIDE - 100, FOLDED, true, true).fold());
        assertNull(l.place(LegendPlacement.AUTO, WIDE + 100, FOLDED, true, true).fold(), "not unfolded for the user");
    }
}
