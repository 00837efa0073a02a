package latentlab.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;

/** Where the window opens: first launch, remembered bounds, and a screen that is gone (plain geometry). */
class WindowPlacementTest {
    private static final Rectangle2D FULL_HD = new Rectangle2D(0, 0, 1920, 1040); // a task bar below
    private static final Rectangle2D PROJECTOR = new Rectangle2D(0, 0, 1280, 720);
    private static final Rectangle2D RIGHT = new Rectangle2D(1920, 0, 1280, 1024);

    @Test
    void firstLaunchTakesNinetyPercentOfALargeScreenCentred() {
        Rectangle2D b = WindowPlacement.place(List.of(FULL_HD), FULL_HD, null);
        assertEquals(new Rectangle2D(96, 52, 1728, 936), b);
    }

    @Test
    void firstLaunchOnASmallScreenKeepsAComfortableSize() {
        assertEquals(PROJECTOR, WindowPlacement.place(List.of(PROJECTOR), PROJECTOR, null),
                "90% of 1280 x 720 would be smaller than the screen allows");
        Rectangle2D xga = new Rectangle2D(0, 0, 1024, 768);
        assertEquals(new Rectangle2D(0, 24, 1024, 720), WindowPlacement.place(List.of(xga), xga, null));
    }

    @Test
    void rememberedBoundsOnAScreenStay() {
        double[] saved = {2000, 100, 1000, 700};
        assertEquals(new Rectangle2D(2000, 100, 1000, 700),
                WindowPlacement.place(List.of(FULL_HD, RIGHT), FULL_HD, saved));
    }

    @Test
    void rememberedBoundsAreShrunkAndMovedOntoTheirScreen() {
        double[] saved = {1500, -50, 1600, 1200};
        assertEquals(new Rectangle2D(320, 0, 1600, 1040), WindowPlacement.place(List.of(FULL_HD), FULL_HD, saved));
    }

    @Test
    void boundsOnAScreenThatIsGoneComeBackToThePrimaryCentred() {
        double[] saved = {2000, 100, 1000, 700}; // the right-hand screen was unplugged
        assertEquals(new Rectangle2D(460, 170, 1000, 700), WindowPlacement.place(List.of(FULL_HD), FULL_HD, saved));
        double[] offTheEdge = {1870, 990, 1000, 700}; // only a 50 x 50 corner shows
        assertEquals(new Rectangle2D(460, 170, 1000, 700),
                WindowPlacement.place(List.of(FULL_HD), FULL_HD, offTheEdge));
        double[] noPosition = {Double.NaN, Double.NaN, 3000, 900};
        assertEquals(new Rectangle2D(0, 70, 1920, 900), WindowPlacement.place(List.of(FULL_HD), FULL_HD, noPosition));
    }
}
