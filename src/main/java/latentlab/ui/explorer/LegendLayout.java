package latentlab.ui.explorer;

/**
 * Where the legend goes for a {@link LegendPlacement}: over the plot's top right corner, or in a column beside
 * the plot (the plot's right margin then makes room for it). With {@link LegendPlacement#AUTO} it goes beside
 * while the plot keeps at least {@link LatentScatterView#MIN_PLOT_BESIDE_LEGEND} pixels' width, and otherwise
 * over the plot, folded; it unfolds again when it moves back beside, unless the user folded it. The decision
 * uses the legend's unfolded width, so that folding (which narrows it) cannot flip the decision back and forth.
 *
 * <p>Plain Java; one per map.
 */
final class LegendLayout {
    /** Gap between the legend and the map's edge (and, beside the plot, the plot's frame). */
    static final double GAP = 8;

    private double unfoldedWidth;
    private boolean beside;
    private boolean foldedHere;

    /**
     * What to do with the legend.
     *
     * @param beside whether it goes beside the plot
     * @param fold   TRUE to fold it, FALSE to unfold it, null to leave it as it is
     */
    record Decision(boolean beside, Boolean fold) {
    }

    /**
     * Decides for a map {@code mapWidth} wide and a legend {@code legendWidth} wide (as it is now).
     *
     * @param visible whether the legend shows at all (not without classes)
     * @param folded  whether it is folded now
     */
    Decision place(LegendPlacement mode, double mapWidth, double legendWidth, boolean visible, boolean folded) {
        if (!folded) {
            unfoldedWidth = legendWidth;
        }
        double widest = Math.max(legendWidth, unfoldedWidth);
        boolean next = visible && switch (mode) {
            case OVER_PLOT -> false;
            case BESIDE_PLOT -> true;
            case AUTO -> mapWidth - Viewport.LEFT - widest - 2 * GAP >= LatentScatterView.MIN_PLOT_BESIDE_LEGEND;
        };
        Boolean fold = null;
        if (mode == LegendPlacement.AUTO && visible && next != beside) {
            if (!next && !folded) {
                fold = Boolean.TRUE;
                foldedHere = true;
            } else if (next && foldedHere) {
                fold = folded ? Boolean.FALSE : null;
                foldedHere = false;
            }
        }
        beside = next;
        return new Decision(next, fold);
    }

    /** Whether the last decision put the legend beside the plot. */
    boolean beside() {
        return beside;
    }

    /** The plot's right margin for a legend {@code legendWidth} wide. */
    static double rightMargin(boolean beside, double legendWidth) {
        return beside ? legendWidth + 2 * GAP : Viewport.RIGHT;
    }

    /** The legend's left edge in a map {@code mapWidth} wide. */
    static double left(boolean beside, double mapWidth, double legendWidth) {
        return beside ? mapWidth - legendWidth - GAP : mapWidth - Viewport.RIGHT - legendWidth - GAP;
    }
}
