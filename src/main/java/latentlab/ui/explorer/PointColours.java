package latentlab.ui.explorer;

import latentlab.ui.common.ColourScale;
import latentlab.ui.common.PixelCanvas;
import latentlab.ui.common.Theme;

/**
 * The colour of every point of a map and the order they are drawn in. By label: the theme's colour of the
 * class; by a number per image: its colour on the robust viridis scale ({@link ColourScale#robust}), grey while
 * the numbers are unknown. While a class is isolated, all other points are dimmed to the theme's grey and drawn
 * first, so the isolated class lies on top. Points are translucent (more so above 20,000 points) so that dense
 * regions read as dense. The arrays are never written after construction.
 *
 * @param colours premultiplied ARGB of each point
 * @param order   the points in drawing order
 * @param scale   the continuous colour scale, or null when colouring by label or while the numbers are unknown
 * @param by      what the colours show
 */
record PointColours(int[] colours, int[] order, ColourScale scale, ColourBy by) {
    /** No points. */
    static final PointColours NONE = new PointColours(new int[0], new int[0], null, ColourBy.LABEL);

    /**
     * Colours for the first {@code n} points.
     *
     * @param values   one number per point when {@code by} is continuous and they are known, else null
     * @param isolated the isolated class, or -1
     */
    static PointColours of(int[] labels, int n, ColourBy by, float[] values, Theme theme, int isolated) {
        double alpha = n > 20_000 ? 0.55 : 0.85;
        int[] byClass = new int[theme.classColours()];
        for (int c = 0; c < byClass.length; c++) {
            byClass[c] = PixelCanvas.premultiply(theme.classColour(c), alpha);
        }
        int dim = PixelCanvas.premultiply(theme.dimmed(), 0.45);
        int unknown = PixelCanvas.premultiply(ColourScale.NAN_COLOUR, alpha);
        ColourScale scale = values == null ? null : ColourScale.robust(values);
        int[] rgb = new int[values == null ? 0 : n];
        if (scale != null) {
            scale.colours(values, rgb);
        }
        int[] colours = new int[n];
        int dimmed = 0;
        for (int i = 0; i < n; i++) {
            boolean grey = isolated >= 0 && labels[i] != isolated;
            colours[i] = grey ? dim : values != null ? PixelCanvas.premultiply(rgb[i], alpha)
                    : by.continuous() ? unknown : byClass[Math.floorMod(labels[i], byClass.length)];
            if (grey) {
                dimmed++;
            }
        }
        int[] order = new int[n];
        int back = 0;
        int front = dimmed;
        for (int i = 0; i < n; i++) {
            if (isolated >= 0 && labels[i] != isolated) {
                order[back++] = i;
            } else {
                order[front++] = i;
            }
        }
        return new PointColours(colours, order, scale, by);
    }
}
