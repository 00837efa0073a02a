package latentlab.ui.explorer;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import latentlab.data.ClassNames;
import latentlab.ui.common.Appearance;
import latentlab.ui.common.Theme;

/**
 * The map's text-and-lines layer above the points: axes, a note while there is nothing to show, each class's
 * label at the median of its points, the slider position as a crosshair, the tools' markers, a ring around the
 * hovered point and a red ring around the selected one (for a variational autoencoder also its 1-sigma and
 * 2-sigma ellipses). Drawn into any graphics context in layout coordinates, so the live view and exports at
 * any scale share it.
 */
final class MapOverlay {
    /** The selection's colour, the same in both themes. */
    static final Color SELECTION = Color.web("#d62728");

    private final LatentSpaceModel space;
    private final SelectionModel selection;
    private final MapViewModel map;
    private final Viewport viewport;
    private final PointCache points;
    private final Appearance appearance;
    private final String axisPrefix;

    MapOverlay(MapViewModel map, Viewport viewport, PointCache points, Appearance appearance, String axisPrefix) {
        this.space = map.space();
        this.selection = space.selection();
        this.map = map;
        this.viewport = viewport;
        this.points = points;
        this.appearance = appearance;
        this.axisPrefix = axisPrefix;
    }

    /**
     * Draws the layer over a map of {@code h} layout pixels' height.
     *
     * @param markers whether the tools' markers are included (exports ask for them or not)
     */
    void draw(GraphicsContext g, double h, boolean markers) {
        Theme theme = appearance.getTheme();
        double fs = appearance.scaleProperty().get();
        Viewport v = viewport;
        int k = points.latentSize();
        int n = points.size();
        int dx = Math.min(space.dimXProperty().get(), Math.max(0, k - 1));
        int dy = Math.min(space.dimYProperty().get(), Math.max(0, k - 1));
        MapAxes.draw(g, v, k, dx, dy, axisPrefix, h, theme, fs);
        if (n == 0) {
            note(g, space.getDisplay() == null ? "Open a data set to begin" : "Computing the codes of the images…");
            return;
        }
        g.save();
        g.beginPath();
        g.rect(v.plotLeft(), v.plotTop(), v.plotWidth(), v.plotHeight());
        g.clip();
        if (map.clusterLabelsProperty().get()) {
            clusterLabels(g, theme, fs);
        }
        crosshair(g, k, dx, dy, theme);
        if (markers) {
            MapMarkers.draw(g, space.annotations(), map.annotationFilterProperty().get(), v, k, dx, dy, theme, fs);
        }
        float[] sx = points.screenX();
        float[] sy = points.screenY();
        int hov = selection.hoveredProperty().get();
        if (hov >= 0 && hov < n) {
            g.setStroke(theme.strong());
            g.setLineWidth(1.5);
            g.strokeOval(sx[hov] - 7, sy[hov] - 7, 14, 14);
        }
        int sel = selection.getSelected();
        if (sel >= 0 && sel < n) {
            sigmaEllipses(g, sel, k, dx, dy);
            g.setStroke(Theme.color(theme.plotBackground()));
            g.setLineWidth(5);
            g.strokeOval(sx[sel] - 9, sy[sel] - 9, 18, 18);
            g.setStroke(SELECTION);
            g.setLineWidth(2.5);
            g.strokeOval(sx[sel] - 9, sy[sel] - 9, 18, 18);
        }
        g.restore();
    }

    /** A line of text in the middle of the plot. */
    void note(GraphicsContext g, String text) {
        Viewport v = viewport;
        g.setFill(appearance.getTheme().axisText());
        g.setFont(Font.font("DejaVu Sans", 14 * appearance.scaleProperty().get()));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(text, v.plotLeft() + v.plotWidth() / 2, v.plotTop() + v.plotHeight() / 2);
    }

    /**
     * A VAE's code is a distribution: around the selected image's mean, the 1-sigma and 2-sigma ellipses of
     * N(mu, sigma^2) in the two shown dimensions.
     */
    private void sigmaEllipses(GraphicsContext g, int i, int k, int dx, int dy) {
        CodeDistribution q = space.distributionOf(i);
        if (q == null || q.mean().length != k) {
            return;
        }
        Viewport v = viewport;
        double cx = v.screenX(q.mean()[dx]);
        double cy = k == 1 ? v.screenY(points.currentY()[i]) : v.screenY(q.mean()[dy]);
        double rx = q.sigma(dx) * v.pixelsPerUnitX();
        double ry = k == 1 ? 6 : q.sigma(dy) * v.pixelsPerUnitY();
        g.setStroke(SELECTION);
        g.setLineWidth(1.5);
        g.strokeOval(cx - rx, cy - ry, 2 * rx, 2 * ry);
        g.setLineDashes(5, 4);
        g.strokeOval(cx - 2 * rx, cy - 2 * ry, 4 * rx, 4 * ry);
        g.setLineDashes();
    }

    private void clusterLabels(GraphicsContext g, Theme theme, double fs) {
        float[][] medians = map.pointsProperty().get().medians();
        ClassNames names = space.getDisplay() == null ? ClassNames.numbered("") : space.getDisplay().classNames();
        int iso = selection.isolatedClassProperty().get();
        g.setFont(Font.font("DejaVu Sans", FontWeight.BOLD, 20 * fs));
        Color halo = Theme.color(theme.plotBackground()).deriveColor(0, 1, 1, 0.9);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.setLineWidth(4);
        for (int c = 0; c < medians.length; c++) {
            if (medians[c] == null || (iso >= 0 && c != iso)) {
                continue;
            }
            double x = viewport.screenX(medians[c][0]);
            double y = viewport.screenY(medians[c][1]);
            String s = names.name(c);
            g.setStroke(halo);
            g.strokeText(s, x, y);
            g.setFill(Theme.color(theme.thumbnailInk(c)));
            g.fillText(s, x, y);
        }
    }

    /** The sliders' position: dashed lines across the plot and a small target where they cross. */
    private void crosshair(GraphicsContext g, int k, int dx, int dy, Theme theme) {
        if (space.position().size() != k || k == 0) {
            return;
        }
        Viewport v = viewport;
        double x = v.screenX(space.position().get(dx));
        double y = k == 1 ? v.plotTop() + v.plotHeight() / 2 : v.screenY(space.position().get(dy));
        g.setStroke(theme.strong().deriveColor(0, 1, 1, 0.55));
        g.setLineWidth(1);
        g.setLineDashes(4, 4);
        g.strokeLine(x, v.plotTop(), x, v.plotBottom());
        if (k != 1) {
            g.strokeLine(v.plotLeft(), y, v.plotRight(), y);
        }
        g.setLineDashes();
        g.setFill(Theme.color(theme.plotBackground()).deriveColor(0, 1, 1, 0.85));
        g.fillOval(x - 7, y - 7, 14, 14);
        g.setStroke(theme.strong());
        g.setLineWidth(2);
        g.strokeOval(x - 7, y - 7, 14, 14);
        g.strokeLine(x - 3, y, x + 3, y);
        g.strokeLine(x, y - 3, x, y + 3);
    }
}
