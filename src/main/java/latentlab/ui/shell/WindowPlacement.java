package latentlab.ui.shell;

import java.util.List;

import javafx.geometry.Rectangle2D;

/**
 * Where the main window opens and how large, given the screens' visual bounds (without task bars and docks) and
 * the bounds remembered from the last run. Size and position are always set explicitly: a window manager left to
 * choose may open a JavaFX stage at its minimum size.
 *
 * <ul>
 *   <li>First launch: {@value #FIRST_SHARE} of the primary screen's visual bounds in each direction, but no less
 *       than a 1280 × 720 window where the screen has that room (a 1280 × 720 projector gets all of it), centred.</li>
 *   <li>Later: the remembered bounds on the screen they overlap most, shrunk to fit it and moved fully onto it.
 *       If no screen shows at least {@value #MIN_VISIBLE} pixels of them in each direction (the screen they were on
 *       is gone), the remembered size, shrunk to fit, centred on the primary screen.</li>
 * </ul>
 * Plain geometry, no toolkit needed.
 */
public final class WindowPlacement {
    /** Share of the screen's width and height the first window takes. */
    public static final double FIRST_SHARE = 0.9;
    /** A first window is at least this large when the screen has room for it. */
    static final double COMFORTABLE_WIDTH = 1280;
    static final double COMFORTABLE_HEIGHT = 720;
    /** How much of remembered bounds must be on a screen for them to count as still there. */
    static final double MIN_VISIBLE = 100;

    private WindowPlacement() {
    }

    /**
     * The window's bounds.
     *
     * @param screens the visual bounds of every screen (at least one)
     * @param primary the visual bounds of the primary screen
     * @param saved   remembered {x, y, width, height} (x and y may be NaN), or null on first launch
     */
    public static Rectangle2D place(List<Rectangle2D> screens, Rectangle2D primary, double[] saved) {
        if (saved == null || !(saved[2] > 0 && saved[3] > 0)) {
            double w = Math.max(primary.getWidth() * FIRST_SHARE, Math.min(primary.getWidth(), COMFORTABLE_WIDTH));
            double h = Math.max(primary.getHeight() * FIRST_SHARE, Math.min(primary.getHeight(), COMFORTABLE_HEIGHT));
            return centred(primary, w, h);
        }
        Rectangle2D best = null;
        double bestArea = 0;
        if (Double.isFinite(saved[0]) && Double.isFinite(saved[1])) {
            for (Rectangle2D s : screens) {
                double ow = overlap(saved[0], saved[0] + saved[2], s.getMinX(), s.getMaxX());
                double oh = overlap(saved[1], saved[1] + saved[3], s.getMinY(), s.getMaxY());
                if (ow >= Math.min(MIN_VISIBLE, saved[2]) && oh >= Math.min(MIN_VISIBLE, saved[3])
                        && ow * oh > bestArea) {
                    best = s;
                    bestArea = ow * oh;
                }
            }
        }
        if (best == null) {
            return centred(primary, Math.min(saved[2], primary.getWidth()), Math.min(saved[3], primary.getHeight()));
        }
        double w = Math.min(saved[2], best.getWidth());
        double h = Math.min(saved[3], best.getHeight());
        double x = Math.max(best.getMinX(), Math.min(saved[0], best.getMaxX() - w));
        double y = Math.max(best.getMinY(), Math.min(saved[1], best.getMaxY() - h));
        return new Rectangle2D(x, y, w, h);
    }

    private static Rectangle2D centred(Rectangle2D screen, double w, double h) {
        return new Rectangle2D(Math.floor(screen.getMinX() + (screen.getWidth() - w) / 2),
                Math.floor(screen.getMinY() + (screen.getHeight() - h) / 2), Math.floor(w), Math.floor(h));
    }

    private static double overlap(double a0, double a1, double b0, double b1) {
        return Math.max(0, Math.min(a1, b1) - Math.max(a0, b0));
    }
}
