package latentlab.ui.explorer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Where the legend goes, without a display. */
class LegendLayoutTest {
    private static final double COLUMN = 200;
    private static final double HEAD = 250;
    private static final double ITEMS = 1200; // e.g. twenty classes
    private static final LegendLayout.Size SIZE = new LegendLayout.Size(COLUMN, HEAD, ITEMS);
    private static final LegendLayout.Side ABOVE = LegendLayout.Side.ABOVE;
    private static final LegendLayout.Side BESIDE = LegendLayout.Side.BESIDE;
    private static final LegendLayout.Side OVER = LegendLayout.Side.OVER;
    /** The narrowest map with room for the legend above the plot, in two rows beside its head. */
    private static final double TWO_ROWS = HEAD + ITEMS / 2 + Viewport.RIGHT + LegendLayout.GAP;
    /** The narrowest map for which the legend goes beside the plot. */
    private static final double BESIDE_ROOM = Viewport.LEFT + COLUMN + 2 * LegendLayout.GAP
            + LatentScatterView.MIN_PLOT_BESIDE_LEGEND;

    @Test
    void fixedPlacementsIgnoreTheSize() {
        LegendLayout l = new LegendLayout();
        assertEquals(OVER, l.place(LegendPlacement.OVER_PLOT, 2000, SIZE, true, false).side());
        assertTrue(l.place(LegendPlacement.BESIDE_PLOT, 300, SIZE, true, false).beside());
        assertNull(l.place(LegendPlacement.BESIDE_PLOT, 300, SIZE, true, false).fold(), "never folded for you");
        assertFalse(l.place(LegendPlacement.BESIDE_PLOT, 900, SIZE, false, false).beside(),
                "no legend, no column");
        assertEquals(ABOVE, l.place(LegendPlacement.ABOVE_PLOT, 300, SIZE, true, false).side());
    }

    @Test
    void besideTheLegendTakesAColumnAboveItABandAndOverItSitsInTheCorner() {
        assertEquals(COLUMN + 2 * LegendLayout.GAP, LegendLayout.rightMargin(BESIDE, COLUMN));
        assertEquals(Viewport.RIGHT, LegendLayout.rightMargin(OVER, COLUMN));
        assertEquals(Viewport.RIGHT, LegendLayout.rightMargin(ABOVE, 700));
        assertEquals(Viewport.TOP, LegendLayout.topMargin(BESIDE, 90));
        assertEquals(90 + 2 * LegendLayout.GAP, LegendLayout.topMargin(ABOVE, 90));
        Viewport v = new Viewport();
        v.setSize(900, 500);
        v.setRightMargin(LegendLayout.rightMargin(BESIDE, COLUMN));
        assertEquals(v.plotRight() + LegendLayout.GAP, LegendLayout.left(BESIDE, 900, COLUMN), 1e-9,
                "beside: right of the plot's frame, clear of the points");
        assertEquals(900 - Viewport.RIGHT - COLUMN - LegendLayout.GAP, LegendLayout.left(OVER, 900, COLUMN));
        v.setRightMargin(Viewport.RIGHT);
        v.setTopMargin(LegendLayout.topMargin(ABOVE, 30));
        assertEquals(v.plotTop(), LegendLayout.top(ABOVE) + 30 + LegendLayout.GAP, 1e-9,
                "above: the band ends a gap above the plot's frame");
        assertEquals(v.plotRight(), LegendLayout.left(ABOVE, 900, 700) + 700, 1e-9, "right-aligned with the plot");
        assertTrue(LegendLayout.maxWidth(ABOVE, 500) < 500, "a row is never wider than the map");
    }

    @Test
    void automaticPlacementNeverCoversThePoints() {
        LegendLayout l = new LegendLayout();
        LegendLayout.Decision wide = l.place(LegendPlacement.AUTO, TWO_ROWS, SIZE, true, false);
        assertEquals(ABOVE, wide.side(), "a landscape map: a band above the plot costs least");
        assertNull(wide.fold());
        LegendLayout.Decision column = l.place(LegendPlacement.AUTO, TWO_ROWS - 1, SIZE, true, false);
        assertEquals(BESIDE, column.side(), "no room for the row: a column beside the plot");
        assertNull(column.fold());
        assertTrue(TWO_ROWS - 1 >= BESIDE_ROOM);
        LegendLayout.Decision narrow = l.place(LegendPlacement.AUTO, BESIDE_ROOM - 1, SIZE, true, false);
        assertEquals(ABOVE, narrow.side(), "no room for either: above, never over the points");
        assertEquals(Boolean.TRUE, narrow.fold(), "and folded to one line");
        LegendLayout.Decision again = l.place(LegendPlacement.AUTO, BESIDE_ROOM - 1, SIZE, true, true);
        assertEquals(ABOVE, again.side());
        assertNull(again.fold());
        LegendLayout.Decision back = l.place(LegendPlacement.AUTO, BESIDE_ROOM + 50, SIZE, true, true);
        assertEquals(BESIDE, back.side());
        assertEquals(Boolean.FALSE, back.fold(), "with room again it unfolds, since the layout folded it");
    }

    @Test
    void aLegendTheUserUnfoldsOrFoldsStaysSo() {
        LegendLayout l = new LegendLayout();
        assertEquals(Boolean.TRUE, l.place(LegendPlacement.AUTO, 400, SIZE, true, false).fold());
        assertNull(l.place(LegendPlacement.AUTO, 400, SIZE, true, false).fold(), "the user unfolded it");
        LegendLayout m = new LegendLayout();
        m.place(LegendPlacement.AUTO, TWO_ROWS, SIZE, true, false);
        m.place(LegendPlacement.AUTO, TWO_ROWS, SIZE, true, true); // the user folds it
        assertNull(m.place(LegendPlacement.AUTO, 400, SIZE, true, true).fold());
        assertNull(m.place(LegendPlacement.AUTO, TWO_ROWS + 100, SIZE, true, true).fold(),
                "not unfolded for the user");
    }
}
