package latentlab.ui.dimensions;

/**
 * Where the parts of the traversal grid go in a given area: a header line, then one row per latent dimension with
 * its name, its {@code steps} decoded images (square cells, as large as fit, between {@value #MIN_CELL} and
 * {@value #MAX_CELL} pixels) and, optionally, its property curve. Text sizes follow the window's text scale.
 * Plain arithmetic, so that it is tested without a display.
 *
 * @param cell   side of one image cell, in pixels
 * @param label  width of the name column
 * @param header height of the header line
 * @param curve  width of the curve column (0 without curves)
 * @param gap    space between the columns and around the cells
 * @param font   font size in pixels
 */
public record TraversalGridLayout(double cell, double label, double header, double curve, double gap, double font,
                                  int rows, int steps) {
    /** Smallest and largest image cell. */
    public static final double MIN_CELL = 14;
    public static final double MAX_CELL = 84;

    /**
     * The layout of {@code rows} dimensions of {@code steps} images in {@code width × height} at text scale
     * {@code scale}.
     */
    public static TraversalGridLayout fit(double width, double height, int rows, int steps, double scale,
                                          boolean curves) {
        double font = 12 * scale;
        double label = Math.ceil(4.2 * font);
        double header = Math.ceil(2 * font);
        double gap = Math.max(2, Math.round(3 * scale));
        double byHeight = (height - header) / Math.max(1, rows) - gap;
        double curve = curves ? Math.ceil(Math.max(11 * font, Math.min(18 * font, width * 0.26))) : 0;
        double byWidth = cellsIn(width - label - curve - (curves ? 2 * gap : gap), steps, gap);
        if (curves && byWidth < Math.min(byHeight, 3 * font)) {
            // Narrow: the images matter more than the curves' room.
            curve = Math.ceil(7 * font);
            byWidth = cellsIn(width - label - curve - 2 * gap, steps, gap);
        }
        double cell = Math.floor(Math.max(MIN_CELL, Math.min(MAX_CELL, Math.min(byWidth, byHeight))));
        return new TraversalGridLayout(cell, label, header, curve, gap, font, Math.max(0, rows), steps);
    }

    private static double cellsIn(double width, int steps, double gap) {
        return (width - steps * gap) / steps;
    }

    /** The same layout with cells of a fixed side (an exported picture). */
    public static TraversalGridLayout ofCell(double cell, int rows, int steps, double scale, boolean curves) {
        TraversalGridLayout l = fit(1e6, 1e6, rows, steps, scale, curves);
        double curve = curves ? Math.ceil(Math.max(13 * l.font(), 2.6 * cell)) : 0;
        return new TraversalGridLayout(cell, l.label(), l.header(), curve, l.gap(), l.font(), l.rows(), steps);
    }

    /** Height of one row. */
    public double rowHeight() {
        return cell + gap;
    }

    /** Top of row j. */
    public double rowTop(int j) {
        return header + j * rowHeight();
    }

    /** Left edge of image s in a row. */
    public double imageLeft(int s) {
        return label + s * (cell + gap);
    }

    /** Left edge of the curve column. */
    public double curveLeft() {
        return imageLeft(steps) + gap;
    }

    /** The width everything takes. */
    public double width() {
        return curveLeft() + curve;
    }

    /** The height everything takes. */
    public double height() {
        return header + rows * rowHeight();
    }
}
