package latentlab.ui.dimensions;

import latentlab.eval.DimensionAnalysis;
import latentlab.morpho.Morphometric;

/**
 * The measured property curves beside the rows of the traversal grid: which property to draw for a row (the one
 * chosen, or the one the row's dimension tracks most over the test images, by |ρ|, as its slider's note says), its
 * values along the sweep, and a vertical range shared by every row that draws the same property, so that a flat
 * line means "sweeping this dimension leaves the property alone".
 */
public final class TraversalCurves {
    private TraversalCurves() {
    }

    /** The property drawn for row j: {@code chosen}, or the one dimension j tracks most if that is null. */
    public static Morphometric propertyFor(MeasuredDimensions m, int j, Morphometric chosen) {
        return chosen != null ? chosen : m.analysis().strongest(j, 1).get(0).property();
    }

    /** Property p of each decoded image along dimension j's sweep (NaN where the image has no ink). */
    public static double[] values(DimensionAnalysis a, int j, Morphometric p) {
        int steps = a.traversal().steps();
        double[] v = new double[steps];
        for (int s = 0; s < steps; s++) {
            v[s] = a.traversal().morpho()[j][s].get(p);
        }
        return v;
    }

    /**
     * The vertical range {lo, hi} for property p: every row's values of p, widened to at least one standard
     * deviation of p over the images (centred), so that small wiggles stay small.
     */
    public static double[] range(MeasuredDimensions m, Morphometric p) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < m.dimensions(); j++) {
            double[] v = values(m.analysis(), j, p);
            lo = Math.min(lo, min(v));
            hi = Math.max(hi, max(v));
        }
        if (!(lo <= hi)) {
            return new double[] {0, 1};
        }
        double sd = m.spread()[p.ordinal()];
        double want = Math.max(sd, 1e-9);
        if (hi - lo < want) {
            double mid = (lo + hi) / 2;
            lo = mid - want / 2;
            hi = mid + want / 2;
        }
        return new double[] {lo, hi};
    }

    /** "33.4 → 29.8 px", "43° → 21°": a change with the unit written once (at the end, or with each angle). */
    public static String change(Morphometric p, double from, double to) {
        String start = p.format(from);
        String unit = " " + p.unit();
        if (start.endsWith(unit)) {
            start = start.substring(0, start.length() - unit.length());
        }
        return start + " → " + p.format(to);
    }

    /** Smallest defined value, +∞ if none. */
    static double min(double[] v) {
        double m = Double.POSITIVE_INFINITY;
        for (double x : v) {
            if (x < m) {
                m = x;
            }
        }
        return m;
    }

    /** Largest defined value, −∞ if none. */
    static double max(double[] v) {
        double m = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            if (x > m) {
                m = x;
            }
        }
        return m;
    }
}
