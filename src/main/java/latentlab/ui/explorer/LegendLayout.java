package latentlab.ui.explorer;

/**
 * Where the legend goes for a {@link LegendPlacement}: over the plot's top right corner, in a column beside the
 * plot (the plot's right margin then makes room for it) or in a band above it, laid out as a row (the top margin
 * makes room). With {@link LegendPlacement#AUTO} it never covers points: above the plot, unfolded, when its items
 * fit there in at most {@value #MAX_ROWS} rows beside the "Colour by" line; else beside while the plot keeps at least
 * {@link LatentScatterView#MIN_PLOT_BESIDE_LEGEND} pixels' width; else above, folded to its "Colour by" line. It unfolds again when there is room once more, unless
 * the user folded it. The widths it decides by are the unfolded legend's, so folding cannot flip the decision.
 *
 * <p>Plain Java; one per map.
 */
final class LegendLayout {
    /** Gap between the legend and the map's edge (and the plot's frame). */
    static final double GAP = 8;
    /** Most rows of items the legend may take above the plot before it goes elsewhere. */
    static final int MAX_ROWS = 2;

    /**
     * The unfolded legend's widths, whatever its layout and folding now.
     *
     * @param column its width laid out as a column
     * @param head   the "Colour by" line's width (with the legend's padding and the gap after it)
     * @param items  the chips' (or the colour bar's) width in one row
     */
    record Size(double column, double head, double items) {
    }

    /** Where the legend sits relative to the plot. */
    enum Side {
        /** Over the plot's top right corner. */
        OVER,
        /** In the column right of the plot. */
        BESIDE,
        /** In the band above the plot, as a row. */
        ABOVE
    }

    private Side side = Side.OVER;
    private boolean foldedHere;

    /**
     * What to do with the legend.
     *
     * @param side where it goes
     * @param fold TRUE to fold it, FALSE to unfold it, null to leave it as it is
     */
    record Decision(Side side, Boolean fold) {
        /** Whether it goes beside the plot. */
        boolean beside() {
            return side == Side.BESIDE;
        }
    }

    /**
     * Decides for a map {@code mapWidth} wide.
     *
     * @param size    the unfolded legend's widths
     * @param visible whether the legend shows at all (not without classes)
     * @param folded  whether it is folded now
     */
    Decision place(LegendPlacement mode, double mapWidth, Size size, boolean visible, boolean folded) {
        Side next;
        boolean cramped = false;
        if (!visible) {
            next = Side.OVER;
        } else {
            next = switch (mode) {
                case OVER_PLOT -> Side.OVER;
                case BESIDE_PLOT -> Side.BESIDE;
                case ABOVE_PLOT -> Side.ABOVE;
                case AUTO -> {
                    double beside = maxWidth(Side.ABOVE, mapWidth) - size.head();
                    if (beside > 0 && size.items() <= MAX_ROWS * beside) {
                        yield Side.ABOVE;
                    }
                    if (mapWidth - Viewport.LEFT - size.column() - 2 * GAP
                            >= LatentScatterView.MIN_PLOT_BESIDE_LEGEND) {
                        yield Side.BESIDE;
                    }
                    cramped = true;
                    yield Side.ABOVE;
                }
            };
        }
        Boolean fold = null;
        if (mode == LegendPlacement.AUTO && visible) {
            if (cramped && !folded && !foldedHere) {
                fold = Boolean.TRUE;
                foldedHere = true;
            } else if (!cramped && foldedHere) {
                fold = folded ? Boolean.FALSE : null;
                foldedHere = false;
            }
        }
        side = next;
        return new Decision(next, fold);
    }

    /** Where the last decision put the legend. */
    Side side() {
        return side;
    }

    /** Whether the last decision put the legend beside the plot. */
    boolean beside() {
        return side == Side.BESIDE;
    }

    /** The plot's right margin for a legend {@code legendWidth} wide on {@code side}. */
    static double rightMargin(Side side, double legendWidth) {
        return side == Side.BESIDE ? legendWidth + 2 * GAP : Viewport.RIGHT;
    }

    /** The plot's top margin for a legend {@code legendHeight} tall on {@code side}. */
    static double topMargin(Side side, double legendHeight) {
        return side == Side.ABOVE ? legendHeight + 2 * GAP : Viewport.TOP;
    }

    /** The legend's left edge in a map {@code mapWidth} wide: right-aligned with the plot, or in its column. */
    static double left(Side side, double mapWidth, double legendWidth) {
        return switch (side) {
            case BESIDE -> mapWidth - legendWidth - GAP;
            case ABOVE -> Math.max(GAP, mapWidth - Viewport.RIGHT - legendWidth);
            case OVER -> mapWidth - Viewport.RIGHT - legendWidth - GAP;
        };
    }

    /** The widest the legend may be on {@code side} of a plot in a map {@code mapWidth} wide. */
    static double maxWidth(Side side, double mapWidth) {
        return side == Side.ABOVE ? Math.max(1, mapWidth - Viewport.RIGHT - GAP) : Double.MAX_VALUE;
    }

    /** The legend's top edge. */
    static double top(Side side) {
        return side == Side.ABOVE ? GAP : Viewport.TOP + GAP;
    }
}
