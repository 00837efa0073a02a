package latentlab.ui.explorer;

/** Where a latent map puts its legend. */
public enum LegendPlacement {
    /** In the plot's top right corner, over the points (it can be folded to one line). */
    OVER_PLOT,
    /** In a column right of the plot, which narrows to make room: nothing is ever covered. */
    BESIDE_PLOT,
    /** In a band above the plot, right-aligned, which gets shorter to make room: nothing is ever covered. */
    ABOVE_PLOT,
    /**
     * Beside the plot while the plot keeps at least {@link LatentScatterView#MIN_PLOT_BESIDE_LEGEND} pixels' width
     * that way; otherwise above it, folded to one line when it moves there (the user may unfold it again, and the
     * plot then gets shorter). Never over the points: the default.
     */
    AUTO
}
