package latentlab.ui.explorer;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import latentlab.ui.common.Theme;

/**
 * The tools' annotations on the map, at the shown dimensions of their codes: paths (a line with a dot at each
 * code, on a halo of the background colour so it reads over any points), dashed arrows and labelled diamond
 * markers. Each tool's list sits in the model under the tool's key; a map draws the tools its filter lets
 * through, and only codes of the current k (a tool's codes from before k changed are left out).
 */
final class MapMarkers {
    private MapMarkers() {
    }

    /**
     * Draws the annotations of the tools that {@code shown} accepts (all when it is null).
     *
     * @param k the current code size; with k = 1 the markers sit on the middle line of the strip plot
     */
    static void draw(GraphicsContext g, Map<String, List<Annotation>> annotations, Predicate<String> shown,
                     Viewport v, int k, int dx, int dy, Theme theme, double fs) {
        if (k == 0) {
            return;
        }
        g.setFont(Font.font("DejaVu Sans", FontWeight.BOLD, 12 * fs));
        Color halo = Theme.color(theme.plotBackground());
        for (var entry : annotations.entrySet()) {
            if (shown != null && !shown.test(entry.getKey())) {
                continue;
            }
            for (Annotation a : entry.getValue()) {
                Color c = Theme.color(a.colour());
                if (a instanceof Annotation.Path p && p.k() == k) {
                    path(g, p, v, k, dx, dy, c, halo);
                } else if (a instanceof Annotation.Arrow r && r.from().length == k) {
                    arrow(g, r, v, k, dx, dy, c);
                } else if (a instanceof Annotation.Marker m && m.code().length == k) {
                    marker(g, m, v, k, dx, dy, c, halo, theme);
                }
            }
        }
    }

    /** Screen y of a code's shown vertical dimension (the middle for k = 1). */
    private static double screenY(Viewport v, float[] codes, int offset, int k, int dy) {
        return k == 1 ? v.plotTop() + v.plotHeight() / 2 : v.screenY(codes[offset + dy]);
    }

    private static void path(GraphicsContext g, Annotation.Path p, Viewport v, int k, int dx, int dy, Color c,
                             Color halo) {
        int m = p.points();
        float[] codes = p.codes();
        for (int pass = 0; pass < 2; pass++) {
            g.setStroke(pass == 0 ? halo : c);
            g.setLineWidth(pass == 0 ? 5 : 2.5);
            g.beginPath();
            for (int i = 0; i < m; i++) {
                double x = v.screenX(codes[i * k + dx]);
                double y = screenY(v, codes, i * k, k, dy);
                if (i == 0) {
                    g.moveTo(x, y);
                } else {
                    g.lineTo(x, y);
                }
            }
            g.stroke();
        }
        for (int i = 0; i < m; i++) {
            double x = v.screenX(codes[i * k + dx]);
            double y = screenY(v, codes, i * k, k, dy);
            g.setFill(halo);
            g.fillOval(x - 5, y - 5, 10, 10);
            g.setFill(c);
            g.fillOval(x - 3.5, y - 3.5, 7, 7);
        }
    }

    private static void arrow(GraphicsContext g, Annotation.Arrow r, Viewport v, int k, int dx, int dy, Color c) {
        double x0 = v.screenX(r.from()[dx]);
        double y0 = screenY(v, r.from(), 0, k, dy);
        double x1 = v.screenX(r.to()[dx]);
        double y1 = screenY(v, r.to(), 0, k, dy);
        g.setStroke(c);
        g.setLineWidth(2);
        g.setLineDashes(6, 4);
        g.strokeLine(x0, y0, x1, y1);
        g.setLineDashes();
        double len = Math.hypot(x1 - x0, y1 - y0);
        if (len > 12) {
            double ux = (x1 - x0) / len;
            double uy = (y1 - y0) / len;
            g.setFill(c);
            g.fillPolygon(new double[] {x1, x1 - 11 * ux + 5 * uy, x1 - 11 * ux - 5 * uy},
                    new double[] {y1, y1 - 11 * uy - 5 * ux, y1 - 11 * uy + 5 * ux}, 3);
        }
    }

    private static void marker(GraphicsContext g, Annotation.Marker mk, Viewport v, int k, int dx, int dy, Color c,
                               Color halo, Theme theme) {
        double x = v.screenX(mk.code()[dx]);
        double y = screenY(v, mk.code(), 0, k, dy);
        double r = 8;
        double[] xs = {x, x + r, x, x - r};
        double[] ys = {y - r, y, y + r, y};
        g.setFill(halo);
        g.fillOval(x - r - 3, y - r - 3, 2 * r + 6, 2 * r + 6);
        g.setFill(c);
        g.fillPolygon(xs, ys, 4);
        g.setStroke(theme.strong());
        g.setLineWidth(1.2);
        g.strokePolygon(xs, ys, 4);
        if (!mk.label().isEmpty()) {
            g.setTextAlign(TextAlignment.LEFT);
            g.setTextBaseline(VPos.CENTER);
            g.setStroke(halo);
            g.setLineWidth(4);
            g.strokeText(mk.label(), x + r + 5, y);
            g.setFill(theme.strong());
            g.fillText(mk.label(), x + r + 5, y);
        }
    }
}
