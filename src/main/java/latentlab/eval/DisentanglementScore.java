package latentlab.eval;

import latentlab.morpho.Morphometric;

/**
 * How cleanly the dimensions divide the properties between them: for each property, the gap between the largest and
 * the second-largest |ρ| over the dimensions — a correlation form of the Mutual Information Gap of R. T. Q. Chen,
 * X. Li, R. Grosse and D. Duvenaud, "Isolating Sources of Disentanglement in Variational Autoencoders", NeurIPS 2018.
 * A gap near 1 means one dimension alone tracks the property; near 0, several track it alike (or none does).
 */
public final class DisentanglementScore {
    private DisentanglementScore() {
    }

    /** The gap for one property (the largest |ρ| itself when there is a single dimension). */
    public static double gap(DimensionAnalysis a, Morphometric p) {
        double first = 0;
        double second = 0;
        for (int j = 0; j < a.dimensions(); j++) {
            double r = Math.abs(a.rho(j, p));
            if (r > first) {
                second = first;
                first = r;
            } else if (r > second) {
                second = r;
            }
        }
        return first - second;
    }

    /** The mean gap over all properties. */
    public static double mean(DimensionAnalysis a) {
        double sum = 0;
        for (Morphometric p : Morphometric.values()) {
            sum += gap(a, p);
        }
        return sum / Morphometric.values().length;
    }
}
