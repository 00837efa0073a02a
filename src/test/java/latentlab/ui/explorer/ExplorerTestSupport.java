package latentlab.ui.explorer;

import java.util.ArrayList;
import java.util.List;

import javafx.geometry.Point2D;

/** Helpers shared by the window tests. */
public final class ExplorerTestSupport {
    private ExplorerTestSupport() {
    }

    /** A point inside the plot (clear of the legend) whose nearest neighbour on screen is more than 8 px away. */
    public static int isolatedPoint(LatentScatterView scatter) {
        int n = scatter.pointCount();
        List<Point2D> pts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            pts.add(scatter.screenPointOf(i));
        }
        for (int i = 0; i < n; i++) {
            Point2D p = pts.get(i);
            if (p.getX() < 80 || p.getY() < 30 || p.getX() > scatter.getWidth() - 250 || p.getY() > scatter.getHeight() - 60) {
                continue;
            }
            boolean alone = true;
            for (int j = 0; j < n && alone; j++) {
                alone = j == i || p.distance(pts.get(j)) > 8;
            }
            if (alone) {
                return i;
            }
        }
        return -1;
    }
}
